package org.earshot.detectors.display;

/**
 * Settings of a {@link DisplayTapNode}, validated on construction.
 *
 * @param name             node name, unique in its graph
 * @param columnsPerSecond spectrogram columns per second, 1 to {@value #MAX_COLUMNS_PER_SECOND}; the column
 *                         hop is {@code ceil(sampleRateHz / columnsPerSecond)} frames
 * @param melBands         log-mel bands per column, {@value #MIN_BANDS} to {@value #MAX_BANDS}
 * @param minHz            lower edge of the first band in Hz, 0 or more and below {@code maxHz}
 * @param maxHz            upper edge of the last band in Hz (lowered to the Nyquist frequency of the graph)
 * @param ringColumns      columns the ring holds, a power of two from {@value #MIN_RING_COLUMNS} to
 *                         {@value #MAX_RING_COLUMNS}
 */
public record DisplayTapConfig(String name, int columnsPerSecond, int melBands, double minHz, double maxHz,
    int ringColumns) {
    /** Default node name. */
    public static final String DEFAULT_NAME = "display";
    /** Most columns per second: what a screen needs, and the dashboard's promise. */
    public static final int MAX_COLUMNS_PER_SECOND = 50;
    /** Fewest bands. */
    public static final int MIN_BANDS = 8;
    /** Most bands. */
    public static final int MAX_BANDS = 256;
    /** Smallest ring. */
    public static final int MIN_RING_COLUMNS = 16;
    /** Largest ring. */
    public static final int MAX_RING_COLUMNS = 65_536;

    /**
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public DisplayTapConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (columnsPerSecond < 1 || columnsPerSecond > MAX_COLUMNS_PER_SECOND) {
            throw new IllegalArgumentException("columnsPerSecond must be in [1, " + MAX_COLUMNS_PER_SECOND + "], got "
                + columnsPerSecond);
        }
        if (melBands < MIN_BANDS || melBands > MAX_BANDS) {
            throw new IllegalArgumentException("melBands must be in [" + MIN_BANDS + ", " + MAX_BANDS + "], got "
                + melBands);
        }
        if (!(maxHz > 0 && maxHz <= 96_000)) {
            throw new IllegalArgumentException("maxHz must be in (0, 96000], got " + maxHz);
        }
        if (!(minHz >= 0 && minHz < maxHz)) {
            throw new IllegalArgumentException("minHz must be in [0, maxHz=" + maxHz + "), got " + minHz);
        }
        if (ringColumns < MIN_RING_COLUMNS || ringColumns > MAX_RING_COLUMNS || Integer.bitCount(ringColumns) != 1) {
            throw new IllegalArgumentException("ringColumns must be a power of two in [" + MIN_RING_COLUMNS + ", "
                + MAX_RING_COLUMNS + "], got " + ringColumns);
        }
    }

    /** @return 50 columns per second, 64 mel bands from 30 Hz to 16 kHz, a ring of 1024 columns (20 s) */
    public static DisplayTapConfig defaults() {
        return new DisplayTapConfig(DEFAULT_NAME, MAX_COLUMNS_PER_SECOND, 64, 30.0, 16_000.0, 1024);
    }

    /**
     * @param columns ring size
     * @return a copy with that ring size
     */
    public DisplayTapConfig withRingColumns(final int columns) {
        return new DisplayTapConfig(name, columnsPerSecond, melBands, minHz, maxHz, columns);
    }

    /**
     * @param perSecond columns per second
     * @return a copy with that column rate
     */
    public DisplayTapConfig withColumnsPerSecond(final int perSecond) {
        return new DisplayTapConfig(name, perSecond, melBands, minHz, maxHz, ringColumns);
    }
}
