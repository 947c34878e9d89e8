package org.earshot.io.flac;

import java.io.ByteArrayOutputStream;

/**
 * A small FLAC encoder for tests: writes what the {@code flac} tool never does (variable block sizes,
 * escaped Rice partitions, 5-bit Rice parameters at 16 bits, wasted bits on demand, explicit 8- and 16-bit
 * block size codes), with checksums computed bit by bit, independently of {@link FlacCrc}.
 */
final class FlacTestEncoder {
    /** How each subframe is coded. */
    enum Coding {
        /** Raw samples. */
        VERBATIM,
        /** FIXED order 2, residual method 0 (4-bit parameters), every other partition escaped. */
        FIXED_ESCAPED,
        /** FIXED order 1, residual method 1 (5-bit parameters). */
        FIXED_RICE5,
        /** LPC order 3 with hand-picked coefficients, residual method 0. */
        LPC
    }

    private final int bitsPerSample;
    private final int sampleRateHz;
    private final Coding coding;
    private final boolean variableBlockSize;
    private final BitWriter out = new BitWriter();

    /**
     * @param bitsPerSample     4 to 32
     * @param sampleRateHz      sample rate
     * @param coding            subframe coding
     * @param variableBlockSize true to write the variable blocking strategy (sample numbers in headers)
     */
    FlacTestEncoder(final int bitsPerSample, final int sampleRateHz, final Coding coding,
        final boolean variableBlockSize) {
        this.bitsPerSample = bitsPerSample;
        this.sampleRateHz = sampleRateHz;
        this.coding = coding;
        this.variableBlockSize = variableBlockSize;
    }

    /**
     * @param channels   samples per channel, all the same length
     * @param blockSizes block sizes in turn, repeated until the samples are used up
     * @return the FLAC stream
     */
    byte[] encode(final int[][] channels, final int... blockSizes) {
        final int frames = channels[0].length;
        out.bits(0x664C6143L, 32);
        out.bits(1, 1); // last metadata block
        out.bits(0, 7);
        out.bits(34, 24);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (final int b : blockSizes) {
            min = Math.min(min, b);
            max = Math.max(max, b);
        }
        out.bits(min, 16);
        out.bits(max, 16);
        out.bits(0, 24);
        out.bits(0, 24);
        out.bits(sampleRateHz, 20);
        out.bits(channels.length - 1, 3);
        out.bits(bitsPerSample - 1, 5);
        out.bits(frames, 36);
        for (int i = 0; i < 16; i++) {
            out.bits(0, 8);
        }
        int start = 0;
        for (int k = 0; start < frames; k++) {
            final int n = Math.min(blockSizes[k % blockSizes.length], frames - start);
            frame(channels, start, n, variableBlockSize ? start : k);
            start += n;
        }
        return out.toByteArray();
    }

    private void frame(final int[][] channels, final int start, final int n, final long number) {
        final int frameStart = out.size();
        out.bits(variableBlockSize ? 0xFFF9 : 0xFFF8, 16);
        out.bits(n <= 256 ? 6 : 7, 4);
        out.bits(0, 4); // rate from STREAMINFO
        out.bits(channels.length - 1, 4);
        out.bits(0, 3); // sample size from STREAMINFO
        out.bits(0, 1);
        codedNumber(number);
        if (n <= 256) {
            out.bits(n - 1, 8);
        } else {
            out.bits(n - 1, 16);
        }
        out.bits(crc8(out.bytes(), frameStart, out.size()), 8);
        for (final int[] channel : channels) {
            final long[] s = new long[n];
            for (int i = 0; i < n; i++) {
                s[i] = channel[start + i];
            }
            subframe(s);
        }
        out.align();
        out.bits(crc16(out.bytes(), frameStart, out.size()), 16);
    }

    private void codedNumber(final long v) {
        if (v < 0x80) {
            out.bits(v, 8);
            return;
        }
        int length = 2;
        while (v >= 1L << 5 * length + 1) {
            length++;
        }
        out.bits(0xFF00 >> length & 0xFF | v >>> 6 * (length - 1), 8);
        for (int i = length - 2; i >= 0; i--) {
            out.bits(0x80 | v >>> 6 * i & 0x3F, 8);
        }
    }

    private void subframe(final long[] raw) {
        int wasted = 0;
        long or = 0;
        for (final long v : raw) {
            or |= v;
        }
        if (or != 0) {
            wasted = Math.min(Long.numberOfTrailingZeros(or), bitsPerSample - 1);
        }
        final long[] s = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            s[i] = raw[i] >> wasted;
        }
        final int bits = bitsPerSample - wasted;
        final int type;
        final int order;
        switch (coding) {
            case FIXED_ESCAPED:
                order = Math.min(2, s.length);
                type = 8 + order;
                break;
            case FIXED_RICE5:
                order = Math.min(1, s.length);
                type = 8 + order;
                break;
            case LPC:
                order = 3;
                type = s.length > order ? 32 + order - 1 : 1;
                break;
            default:
                order = 0;
                type = 1;
                break;
        }
        out.bits(0, 1);
        out.bits(type, 6);
        if (wasted > 0) {
            out.bits(1, 1);
            out.bits(0, wasted - 1);
            out.bits(1, 1);
        } else {
            out.bits(0, 1);
        }
        if (type == 1) {
            for (final long v : s) {
                out.bits(v, bits);
            }
            return;
        }
        for (int i = 0; i < order; i++) {
            out.bits(s[i], bits);
        }
        final long[] residual = new long[s.length];
        if (type >= 32) {
            final int[] qlp = {3, -3, 1}; // s[i-1], s[i-2], s[i-3] at precision 4, shift 0: an order-3 fixed predictor
            out.bits(4 - 1, 4);
            out.bits(0, 5);
            for (final int c : qlp) {
                out.bits(c, 4);
            }
            for (int i = order; i < s.length; i++) {
                residual[i] = s[i] - (3 * s[i - 1] - 3 * s[i - 2] + s[i - 3]);
            }
        } else {
            for (int i = order; i < s.length; i++) {
                residual[i] = order == 1 ? s[i] - s[i - 1] : s[i] - 2 * s[i - 1] + s[i - 2];
            }
        }
        residual(residual, order);
    }

    private void residual(final long[] residual, final int order) {
        final int n = residual.length;
        final boolean five = coding == Coding.FIXED_RICE5;
        out.bits(five ? 1 : 0, 2);
        int partitionOrder = 0;
        while (partitionOrder < 3 && n % (2 << partitionOrder) == 0 && n >> partitionOrder + 1 > order) {
            partitionOrder++;
        }
        out.bits(partitionOrder, 4);
        final int partition = n >> partitionOrder;
        for (int p = 0, from = order; p < 1 << partitionOrder; p++) {
            final int to = (p + 1) * partition;
            if (coding == Coding.FIXED_ESCAPED && p % 2 == 1) {
                int rawBits = 0;
                for (int i = from; i < to; i++) {
                    rawBits = Math.max(rawBits, 65 - Long.numberOfLeadingZeros(residual[i] ^ residual[i] >> 63));
                }
                out.bits(five ? 31 : 15, five ? 5 : 4);
                out.bits(rawBits, 5);
                for (int i = from; i < to && rawBits > 0; i++) {
                    out.bits(residual[i], rawBits);
                }
            } else {
                final int parameter = bestParameter(residual, from, to, five ? 30 : 14);
                out.bits(parameter, five ? 5 : 4);
                for (int i = from; i < to; i++) {
                    final long folded = residual[i] << 1 ^ residual[i] >> 63;
                    final long quotient = folded >>> parameter;
                    out.bits(0, (int)quotient);
                    out.bits(1, 1);
                    out.bits(folded, parameter);
                }
            }
            from = to;
        }
    }

    private static int bestParameter(final long[] residual, final int from, final int to, final int max) {
        int best = 0;
        long bestBits = Long.MAX_VALUE;
        for (int k = 0; k <= max; k++) {
            long bits = 0;
            for (int i = from; i < to; i++) {
                bits += ((residual[i] << 1 ^ residual[i] >> 63) >>> k) + 1 + k;
            }
            if (bits < bestBits) {
                bestBits = bits;
                best = k;
            }
        }
        return best;
    }

    static int crc8(final byte[] b, final int from, final int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }

    static int crc16(final byte[] b, final int from, final int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x8005) & 0xFFFF : crc << 1 & 0xFFFF;
            }
        }
        return crc;
    }

    /** MSB-first bit writer. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int pending;
        private int pendingBits;

        void bits(final long value, final int n) {
            for (int i = n - 1; i >= 0; i--) {
                pending = pending << 1 | (int)(value >>> i & 1);
                if (++pendingBits == 8) {
                    bytes.write(pending);
                    pending = 0;
                    pendingBits = 0;
                }
            }
        }

        void align() {
            while (pendingBits != 0) {
                bits(0, 1);
            }
        }

        int size() {
            return bytes.size();
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
