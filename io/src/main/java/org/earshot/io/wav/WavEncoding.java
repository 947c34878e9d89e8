package org.earshot.io.wav;

/** Sample encodings {@link WavWriter} writes. */
public enum WavEncoding {
    /** 16-bit signed PCM, rounded and clipped (format tag 1). */
    PCM_16(16, 1),
    /** 32-bit IEEE float, lossless for the engine's samples (format tag 3). */
    FLOAT_32(32, 3);

    private final int bits;
    private final int formatTag;

    WavEncoding(final int bits, final int formatTag) {
        this.bits = bits;
        this.formatTag = formatTag;
    }

    /** @return bits per sample */
    public int bits() {
        return bits;
    }

    /** @return the WAVE format tag */
    public int formatTag() {
        return formatTag;
    }
}
