package org.earshot.app.config;

/**
 * Range checks whose failures name the flag, the allowed range and the value (Aeron's
 * {@code validateValueRange} habit).
 */
public final class Ranges {
    /** Lowest graph sample rate, Hz. */
    public static final int MIN_RATE_HZ = 8_000;
    /** Highest graph sample rate, Hz. */
    public static final int MAX_RATE_HZ = 192_000;
    /** Smallest block (hop), frames. */
    public static final int MIN_BLOCK_FRAMES = 16;
    /** Largest block (hop), frames: the STFT hop may not exceed its 4096-point window. */
    public static final int MAX_BLOCK_FRAMES = 4_096;

    private Ranges() {
    }

    /**
     * @param flag  the flag, e.g. {@code --block}
     * @param value the value
     * @param min   lowest allowed value
     * @param max   highest allowed value
     * @param unit  unit for the message, e.g. {@code "Hz"}, or empty
     * @return the value
     * @throws ConfigException if the value is outside {@code [min, max]}
     */
    public static int requireInRange(
        final String flag, final int value, final int min, final int max, final String unit) {
        if (value < min || value > max) {
            final String u = unit.isEmpty() ? "" : " " + unit;
            throw new ConfigException(flag + ": " + value + u + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    /**
     * @param flag  the flag
     * @param value the value
     * @return the value
     * @throws ConfigException if the value is below one
     */
    public static long requirePositive(final String flag, final long value) {
        if (value < 1) {
            throw new ConfigException(flag + ": must be positive, got " + value);
        }
        return value;
    }
}
