package org.earshot.io.flac;

import java.io.EOFException;
import java.io.IOException;

/**
 * Parses FLAC frame headers: sync code, block size, sample rate, channel assignment, sample size and the
 * frame or sample number, checked against the header's CRC-8. One instance is reused for every frame.
 */
final class FlacFrameHeader {
    /** Channel assignment: channels coded independently. */
    static final int INDEPENDENT = 0;
    /** Channel assignment: left, then side (left - right). */
    static final int LEFT_SIDE = 8;
    /** Channel assignment: side (left - right), then right. */
    static final int RIGHT_SIDE = 9;
    /** Channel assignment: mid ((left + right) / 2, low bit in side), then side. */
    static final int MID_SIDE = 10;

    private static final int[] RATES_HZ = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000,
        44_100, 48_000, 96_000};
    private static final int[] SAMPLE_BITS = {0, 8, 12, -1, 16, 20, 24, 32};

    private final FlacStreamInfo streamInfo;
    /** Frames (samples per channel) in this block. */
    int blockSizeFrames;
    /** Sample rate in Hz. */
    int sampleRateHz;
    /** Channels in the frame. */
    int channels;
    /** {@link #INDEPENDENT}, {@link #LEFT_SIDE}, {@link #RIGHT_SIDE} or {@link #MID_SIDE}. */
    int assignment;
    /** Bits per sample. */
    int bitsPerSample;
    /** True if the stream uses variable block sizes and {@link #number} counts samples, not frames. */
    boolean variableBlockSize;
    /** Frame number, or number of the first sample if {@link #variableBlockSize}. */
    long number;

    /**
     * @param streamInfo the stream's STREAMINFO, for the fields a header may leave to it
     */
    FlacFrameHeader(final FlacStreamInfo streamInfo) {
        this.streamInfo = streamInfo;
    }

    /**
     * @param word the first 16 bits where a frame should start
     * @return true if they are a frame sync code: 0xFFF8 (fixed block size) or 0xFFF9 (variable)
     */
    static boolean isSync(final int word) {
        return (word & 0xFFFE) == 0xFFF8;
    }

    /**
     * Parses the rest of the header after the sync code, and checks its CRC-8.
     *
     * @param reader   the stream, after the sync code
     * @param syncWord the sync code (see {@link #isSync}): its low bit is the blocking strategy
     * @throws IOException if a field is reserved or invalid, the CRC-8 does not match, or the input fails
     */
    void read(final FlacBitReader reader, final int syncWord) throws IOException {
        variableBlockSize = (syncWord & 1) != 0;
        final int sizeCode = reader.readBits(4);
        final int rateCode = reader.readBits(4);
        final int channelCode = reader.readBits(4);
        final int bitsCode = reader.readBits(3);
        if (reader.readBits(1) != 0) {
            throw new IOException("reserved bit set in the frame header");
        }
        number = readCodedNumber(reader, variableBlockSize ? 7 : 6);
        blockSizeFrames = blockSize(reader, sizeCode);
        sampleRateHz = sampleRate(reader, rateCode);
        if (channelCode < 8) {
            channels = channelCode + 1;
            assignment = INDEPENDENT;
        } else if (channelCode <= MID_SIDE) {
            channels = 2;
            assignment = channelCode;
        } else {
            throw new IOException("reserved channel assignment " + channelCode);
        }
        bitsPerSample = bitsCode == 0 ? streamInfo.bitsPerSample() : SAMPLE_BITS[bitsCode];
        if (bitsPerSample < 0) {
            throw new IOException("reserved sample size code " + bitsCode);
        }
        if (reader.overran()) {
            throw new EOFException("the stream ends inside a frame header");
        }
        final int computed = reader.crc8SinceMark();
        final int stored = reader.readBits(8);
        if (computed != stored) {
            throw new IOException(String.format("frame header CRC-8 mismatch (stored 0x%02X, computed 0x%02X)",
                stored, computed));
        }
    }

    private static int blockSize(final FlacBitReader reader, final int code) throws IOException {
        if (code == 0) {
            throw new IOException("reserved block size code 0");
        }
        if (code == 1) {
            return 192;
        }
        if (code <= 5) {
            return 576 << code - 2;
        }
        if (code == 6) {
            return reader.readBits(8) + 1;
        }
        if (code == 7) {
            return reader.readBits(16) + 1;
        }
        return 256 << code - 8;
    }

    private int sampleRate(final FlacBitReader reader, final int code) throws IOException {
        if (code == 0) {
            return streamInfo.sampleRateHz();
        }
        if (code < RATES_HZ.length) {
            return RATES_HZ[code];
        }
        if (code == 12) {
            return reader.readBits(8) * 1000;
        }
        if (code == 13) {
            return reader.readBits(16);
        }
        if (code == 14) {
            return reader.readBits(16) * 10;
        }
        throw new IOException("invalid sample rate code 15");
    }

    /** The UTF-8-like coded frame or sample number: up to 7 bytes, 36 bits. */
    private static long readCodedNumber(final FlacBitReader reader, final int maxBytes) throws IOException {
        final int first = reader.readBits(8);
        if (first < 0x80) {
            return first;
        }
        final int length = Integer.numberOfLeadingZeros(~first << 24);
        if (length < 2 || length > maxBytes) {
            throw new IOException("invalid coded frame number (first byte 0x" + Integer.toHexString(first) + ")");
        }
        long value = first & 0x7F >>> length;
        for (int i = 1; i < length; i++) {
            final int next = reader.readBits(8);
            if ((next & 0xC0) != 0x80) {
                throw new IOException("invalid coded frame number (continuation byte 0x"
                    + Integer.toHexString(next) + ")");
            }
            value = value << 6 | next & 0x3F;
        }
        return value;
    }
}
