package org.earshot.io.flac;

import java.io.EOFException;
import java.io.IOException;

/**
 * Decodes one FLAC frame at a time into per-channel {@code int} samples: header (CRC-8 checked), one
 * subframe per channel, inter-channel decorrelation (left-side, right-side, mid-side), CRC-16 of the whole
 * frame. Allocates only when a frame is larger than every frame before it.
 */
final class FlacFrameDecoder {
    /** Largest block size FLAC allows, in frames. */
    static final int MAX_BLOCK_SIZE_FRAMES = 65_535;

    private final FlacBitReader reader;
    private final FlacStreamInfo streamInfo;
    private final FlacFrameHeader header;
    private final FlacSubframeDecoder subframes;
    private int[][] samples;
    /** The 33-bit side channel of a 32-bit stereo frame. */
    private long[] wideSide = new long[0];

    /**
     * @param reader     the stream, positioned at the first frame
     * @param streamInfo the stream's STREAMINFO
     */
    FlacFrameDecoder(final FlacBitReader reader, final FlacStreamInfo streamInfo) {
        this.reader = reader;
        this.streamInfo = streamInfo;
        this.header = new FlacFrameHeader(streamInfo);
        this.subframes = new FlacSubframeDecoder(reader);
        final int capacity = Math.max(16, Math.min(MAX_BLOCK_SIZE_FRAMES, streamInfo.maxBlockSizeFrames()));
        this.samples = new int[streamInfo.channels()][capacity];
    }

    /**
     * @return samples of the last frame decoded, one array per channel, {@link #blockSizeFrames()} long or
     *         longer; valid until the next {@link #decode}
     */
    int[][] samples() {
        return samples;
    }

    /** @return frames (samples per channel) of the last frame decoded */
    int blockSizeFrames() {
        return header.blockSizeFrames;
    }

    /**
     * @return the stream position of the last frame decoded, in frames: its sample number, or its frame
     *         number times the stream's block size
     */
    long firstFrameOfBlock() {
        return header.variableBlockSize ? header.number : header.number * streamInfo.maxBlockSizeFrames();
    }

    /**
     * Decodes the next frame.
     *
     * @param syncWord the frame's first 16 bits, already read and checked with {@link FlacFrameHeader#isSync}
     * @throws EOFException if the input ends inside the frame
     * @throws IOException  if the frame is corrupt (a CRC mismatch, an invalid field) or the input fails
     */
    void decode(final int syncWord) throws IOException {
        header.read(reader, syncWord);
        checkOverrun();
        final int channels = streamInfo.channels();
        if (header.channels != channels) {
            throw new IOException("the frame has " + header.channels + " channels, STREAMINFO declares " + channels);
        }
        if (header.bitsPerSample != streamInfo.bitsPerSample()) {
            throw new IOException("the frame has " + header.bitsPerSample + "-bit samples, STREAMINFO declares "
                + streamInfo.bitsPerSample());
        }
        final int blockSize = header.blockSizeFrames;
        if (blockSize > samples[0].length) {
            samples = new int[channels][blockSize];
        }
        final int bits = header.bitsPerSample;
        final int assignment = header.assignment;
        final int sideChannel = assignment == FlacFrameHeader.RIGHT_SIDE ? 0
            : assignment == FlacFrameHeader.INDEPENDENT ? -1 : 1;
        final boolean wide = sideChannel >= 0 && bits == 32;
        for (int c = 0; c < channels; c++) {
            if (c != sideChannel) {
                subframes.decode(samples[c], blockSize, bits);
            } else if (!wide) {
                subframes.decode(samples[c], blockSize, bits + 1);
            } else {
                if (wideSide.length < blockSize) {
                    wideSide = new long[blockSize];
                }
                subframes.decodeWide(wideSide, blockSize, bits + 1);
            }
        }
        reader.alignToByte();
        checkOverrun();
        final int computed = reader.crc16SinceMark();
        final int stored = reader.readBits(16);
        checkOverrun();
        if (computed != stored) {
            throw new IOException(String.format("frame CRC-16 mismatch (stored 0x%04X, computed 0x%04X)", stored,
                computed));
        }
        if (wide) {
            decorrelateWide(blockSize, assignment);
        } else {
            decorrelate(blockSize, assignment, bits);
        }
    }

    private void checkOverrun() throws EOFException {
        if (reader.overran()) {
            throw new EOFException("the stream ends inside a frame");
        }
    }

    private void decorrelate(final int blockSize, final int assignment, final int bits) {
        final int[] a = samples[0];
        final int[] b = samples.length > 1 ? samples[1] : null;
        switch (assignment) {
            case FlacFrameHeader.LEFT_SIDE:
                for (int i = 0; i < blockSize; i++) {
                    b[i] = a[i] - b[i];
                }
                break;
            case FlacFrameHeader.RIGHT_SIDE:
                for (int i = 0; i < blockSize; i++) {
                    a[i] += b[i];
                }
                break;
            case FlacFrameHeader.MID_SIDE:
                if (bits <= 30) {
                    for (int i = 0; i < blockSize; i++) {
                        final int side = b[i];
                        // mid * 2 + side's low bit, then (mid2 +- side) / 2
                        final int mid = a[i] << 1 | side & 1;
                        a[i] = mid + side >> 1;
                        b[i] = mid - side >> 1;
                    }
                } else {
                    for (int i = 0; i < blockSize; i++) {
                        final int side = b[i];
                        // in long, so that 31-bit samples cannot wrap
                        final long mid = (long)a[i] << 1 | side & 1;
                        a[i] = (int)(mid + side >> 1);
                        b[i] = (int)(mid - side >> 1);
                    }
                }
                break;
            default:
                break;
        }
    }

    /** Decorrelation of a 32-bit stereo frame whose side channel is in {@link #wideSide}. */
    private void decorrelateWide(final int blockSize, final int assignment) {
        final int[] a = samples[0];
        final int[] b = samples[1];
        final long[] side = wideSide;
        for (int i = 0; i < blockSize; i++) {
            switch (assignment) {
                case FlacFrameHeader.LEFT_SIDE:
                    b[i] = (int)(a[i] - side[i]);
                    break;
                case FlacFrameHeader.RIGHT_SIDE:
                    a[i] = (int)(side[i] + b[i]);
                    break;
                default:
                    final long mid = (long)a[i] << 1 | side[i] & 1;
                    a[i] = (int)(mid + side[i] >> 1);
                    b[i] = (int)(mid - side[i] >> 1);
                    break;
            }
        }
    }
}
