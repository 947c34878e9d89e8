package org.earshot.io.flac;

import java.io.IOException;

/**
 * The STREAMINFO metadata block of a FLAC stream: what every frame of the stream shares.
 *
 * @param minBlockSizeFrames smallest block size in frames (samples per channel) the encoder used
 * @param maxBlockSizeFrames largest block size in frames
 * @param minFrameBytes      smallest frame in bytes, 0 if unknown
 * @param maxFrameBytes      largest frame in bytes, 0 if unknown
 * @param sampleRateHz       sample rate in Hz
 * @param channels           channels, 1 to 8
 * @param bitsPerSample      bits per sample, 4 to 32
 * @param totalFrames        frames (samples per channel) in the stream, 0 if unknown
 */
public record FlacStreamInfo(
    int minBlockSizeFrames, int maxBlockSizeFrames, int minFrameBytes, int maxFrameBytes, int sampleRateHz,
    int channels, int bitsPerSample, long totalFrames) {
    /** Length of the STREAMINFO block body in bytes. */
    static final int LENGTH_BYTES = 34;

    /**
     * Reads the 34-byte STREAMINFO body and checks its fields.
     *
     * @param reader positioned at the body
     * @return the block
     * @throws IOException if the input ends or a field is out of range
     */
    static FlacStreamInfo read(final FlacBitReader reader) throws IOException {
        final int minBlock = reader.readBits(16);
        final int maxBlock = reader.readBits(16);
        final int minFrame = reader.readBits(24);
        final int maxFrame = reader.readBits(24);
        final int rateHz = reader.readBits(20);
        final int channels = reader.readBits(3) + 1;
        final int bits = reader.readBits(5) + 1;
        final long total = reader.readBitsLong(36);
        for (int i = 0; i < 4; i++) {
            reader.readBits(32); // MD5 of the decoded audio: not checked
        }
        if (rateHz == 0) {
            throw new IOException("STREAMINFO declares a sample rate of 0 Hz");
        }
        if (bits < 4) {
            throw new IOException("STREAMINFO declares " + bits + " bits per sample (FLAC allows 4 to 32)");
        }
        return new FlacStreamInfo(minBlock, maxBlock, minFrame, maxFrame, rateHz, channels, bits, total);
    }
}
