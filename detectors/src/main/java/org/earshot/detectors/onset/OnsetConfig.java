package org.earshot.detectors.onset;

import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;

/**
 * Settings of the whole onset detector built by {@link OnsetGraph}: STFT geometry (in milliseconds, so the same
 * config serves every sample rate), novelty function and peak picker. Validated on construction.
 *
 * <p>The window length is the power of two nearest to {@code windowMs} at the graph rate (1024 samples at 44.1 and
 * 48 kHz, 512 at 22.05 kHz for the default 23.2 ms); the hop is {@code round(hopMs * rate / 1000)}.
 *
 * @param stftName node name of the STFT
 * @param windowMs analysis window, ms, in [{@value #MIN_WINDOW_MS}, {@value #MAX_WINDOW_MS}]
 * @param hopMs    hop between frames, ms, in (0, {@code windowMs}]
 * @param window   window shape
 * @param novelty  novelty function settings
 * @param picker   peak picker settings
 */
public record OnsetConfig(
    String stftName, double windowMs, double hopMs, WindowType window, NoveltyConfig novelty, PeakPickerConfig picker) {
    /** Shortest window accepted, ms. */
    public static final double MIN_WINDOW_MS = 1.0;
    /** Longest window accepted, ms. */
    public static final double MAX_WINDOW_MS = 200.0;
    /** Default STFT node name. */
    public static final String DEFAULT_STFT_NAME = "onset.stft";
    /** Default window: 23.2 ms, 1024 samples at 44.1 kHz. */
    public static final double DEFAULT_WINDOW_MS = 23.22;
    /** Default hop of the default detector (SuperFlux), ms: see {@link NoveltyType#defaultHopMs()}. */
    public static final double DEFAULT_HOP_MS = 10.0;

    /**
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public OnsetConfig {
        if (stftName == null || stftName.isBlank()) {
            throw new IllegalArgumentException("stftName must not be blank");
        }
        if (!(windowMs >= MIN_WINDOW_MS && windowMs <= MAX_WINDOW_MS)) {
            throw new IllegalArgumentException("windowMs must be in [" + MIN_WINDOW_MS + ", " + MAX_WINDOW_MS
                + "], got " + windowMs);
        }
        if (!(hopMs > 0.0 && hopMs <= windowMs)) {
            throw new IllegalArgumentException("hopMs must be in (0, windowMs=" + windowMs + "], got " + hopMs);
        }
        if (window == null) {
            throw new IllegalArgumentException("window must not be null");
        }
        if (novelty == null) {
            throw new IllegalArgumentException("novelty must not be null");
        }
        if (picker == null) {
            throw new IllegalArgumentException("picker must not be null");
        }
    }

    /**
     * The default detector: SuperFlux on a 23.2 ms Hann window every 10 ms, peak picking with a 10 ms (one hop)
     * look-ahead.
     *
     * @return the config
     */
    public static OnsetConfig defaults() {
        return defaults(NoveltyType.SUPERFLUX);
    }

    /**
     * The default detector with another novelty function (and that function's default threshold).
     *
     * @param type novelty function
     * @return the config
     */
    public static OnsetConfig defaults(final NoveltyType type) {
        return new OnsetConfig(DEFAULT_STFT_NAME, DEFAULT_WINDOW_MS, type.defaultHopMs(), WindowType.HANN,
            NoveltyConfig.defaults(type), PeakPickerConfig.defaults(type));
    }

    /**
     * @param newPicker peak picker settings
     * @return a copy with them
     */
    public OnsetConfig withPicker(final PeakPickerConfig newPicker) {
        return new OnsetConfig(stftName, windowMs, hopMs, window, novelty, newPicker);
    }

    /**
     * @param newNovelty novelty settings
     * @return a copy with them
     */
    public OnsetConfig withNovelty(final NoveltyConfig newNovelty) {
        return new OnsetConfig(stftName, windowMs, hopMs, window, newNovelty, picker);
    }

    /**
     * The STFT geometry at a sample rate.
     *
     * @param sampleRateHz graph rate in Hz
     * @return window length (nearest power of two, within {@link StftConfig}'s range), hop and window shape
     */
    public StftConfig stftConfig(final int sampleRateHz) {
        final double samples = windowMs * sampleRateHz / 1000.0;
        final int exponent = (int)Math.round(Math.log(samples) / Math.log(2.0));
        final int length = Math.max(StftConfig.MIN_WINDOW_LENGTH, Math.min(StftConfig.MAX_FFT_SIZE, 1 << exponent));
        final int hop = (int)Math.max(1, Math.min(length, Math.round(hopMs * sampleRateHz / 1000.0)));
        return new StftConfig(length, hop, length, window);
    }
}
