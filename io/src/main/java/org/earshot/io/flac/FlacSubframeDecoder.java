package org.earshot.io.flac;

import java.io.IOException;

/**
 * Decodes FLAC subframes (one channel of one frame): CONSTANT, VERBATIM, FIXED (orders 0-4) and LPC
 * (orders 1-32), with wasted bits and partitioned Rice residuals (4- and 5-bit parameters, escaped
 * partitions). Samples of up to 32 bits go to an {@code int[]}; the 33-bit side channel of a 32-bit
 * stereo stream goes to a {@code long[]} through {@link #decodeWide}.
 *
 * <p>The LPC prediction sums in {@code int} when the coefficients and the sample size bound the sum below
 * 2^31, and in {@code long} otherwise. FIXED predictions go through the same loop with their polynomial
 * coefficients and no shift, summed in {@code int} always: with no shift the sum only needs to be exact
 * modulo 2^32, and the sample fits in 32 bits.
 */
final class FlacSubframeDecoder {
    private static final int TYPE_CONSTANT = 0;
    private static final int TYPE_VERBATIM = 1;
    private static final int TYPE_FIXED_FIRST = 8;
    private static final int TYPE_FIXED_LAST = 12;
    private static final int TYPE_LPC_FIRST = 32;
    private static final int MAX_LPC_ORDER = 32;
    /** The FIXED predictors of order 0 to 4 as LPC coefficients, reversed as {@link #coefficients}. */
    private static final int[][] FIXED_COEFFICIENTS = {{}, {1}, {-1, 2}, {1, -3, 3}, {-1, 4, -6, 4}};

    private final FlacBitReader reader;
    /** LPC coefficients, reversed: {@code coefficients[j]} multiplies {@code s[i - order + j]}. */
    private final int[] coefficients = new int[MAX_LPC_ORDER];
    /** Residuals of a wide subframe. */
    private int[] wideResidual = new int[0];
    /** Wasted bits of the last subframe read. */
    private int wastedBits;
    /** Type field of the last subframe read. */
    private int type;

    /**
     * @param reader the stream
     */
    FlacSubframeDecoder(final FlacBitReader reader) {
        this.reader = reader;
    }

    /**
     * Decodes one subframe of up to 32 bits per sample.
     *
     * @param dst        destination, {@code blockSize} or longer
     * @param blockSize  samples in the subframe
     * @param sampleBits bits per sample of this subframe (the frame's, plus one for a side channel), 4 to 32
     * @throws IOException if the subframe is invalid or the input fails
     */
    void decode(final int[] dst, final int blockSize, final int sampleBits) throws IOException {
        final int bits = readHeader(sampleBits);
        if (type == TYPE_CONSTANT) {
            final int value = reader.readSigned(bits);
            for (int i = 0; i < blockSize; i++) {
                dst[i] = value;
            }
        } else if (type == TYPE_VERBATIM) {
            for (int i = 0; i < blockSize; i++) {
                dst[i] = reader.readSigned(bits);
            }
        } else if (type >= TYPE_FIXED_FIRST && type <= TYPE_FIXED_LAST) {
            final int order = checkOrder(type - TYPE_FIXED_FIRST, blockSize);
            for (int i = 0; i < order; i++) {
                dst[i] = reader.readSigned(bits);
            }
            readResidual(dst, blockSize, order);
            // the same loop as LPC, so that a FIXED order first met late does not recompile this method
            FlacPrediction.restoreLpc(dst, blockSize, FIXED_COEFFICIENTS[order], order, 0);
        } else if (type >= TYPE_LPC_FIRST) {
            final int order = checkOrder(type - TYPE_LPC_FIRST + 1, blockSize);
            for (int i = 0; i < order; i++) {
                dst[i] = reader.readSigned(bits);
            }
            final int shift = readCoefficients(order);
            readResidual(dst, blockSize, order);
            if (FlacPrediction.fitsInt(coefficients, order, bits)) {
                FlacPrediction.restoreLpc(dst, blockSize, coefficients, order, shift);
            } else {
                FlacPrediction.restoreLpcLong(dst, blockSize, coefficients, order, shift);
            }
        } else {
            throw new IOException("reserved subframe type " + type);
        }
        if (wastedBits > 0) {
            for (int i = 0; i < blockSize; i++) {
                dst[i] <<= wastedBits;
            }
        }
    }

    /**
     * Decodes one subframe of 33 bits per sample: the side channel of a 32-bit stream.
     *
     * @param dst        destination, {@code blockSize} or longer
     * @param blockSize  samples in the subframe
     * @param sampleBits bits per sample of this subframe, up to 33
     * @throws IOException if the subframe is invalid or the input fails
     */
    void decodeWide(final long[] dst, final int blockSize, final int sampleBits) throws IOException {
        final int bits = readHeader(sampleBits);
        if (type == TYPE_CONSTANT) {
            final long value = reader.readSignedLong(bits);
            for (int i = 0; i < blockSize; i++) {
                dst[i] = value;
            }
        } else if (type == TYPE_VERBATIM) {
            for (int i = 0; i < blockSize; i++) {
                dst[i] = reader.readSignedLong(bits);
            }
        } else if (type >= TYPE_FIXED_FIRST && type <= TYPE_FIXED_LAST
            || type >= TYPE_LPC_FIRST) {
            final boolean fixed = type <= TYPE_FIXED_LAST;
            final int order = checkOrder(fixed ? type - TYPE_FIXED_FIRST : type - TYPE_LPC_FIRST + 1, blockSize);
            for (int i = 0; i < order; i++) {
                dst[i] = reader.readSignedLong(bits);
            }
            final int shift = fixed ? 0 : readCoefficients(order);
            if (wideResidual.length < blockSize) {
                wideResidual = new int[blockSize];
            }
            readResidual(wideResidual, blockSize, order);
            for (int i = order; i < blockSize; i++) {
                dst[i] = wideResidual[i];
            }
            FlacPrediction.restoreLpcWide(dst, blockSize, fixed ? FIXED_COEFFICIENTS[order] : coefficients, order,
                shift);
        } else {
            throw new IOException("reserved subframe type " + type);
        }
        if (wastedBits > 0) {
            for (int i = 0; i < blockSize; i++) {
                dst[i] <<= wastedBits;
            }
        }
    }

    /** Reads the subframe header into {@link #type} and {@link #wastedBits}; returns the coded sample size. */
    private int readHeader(final int sampleBits) throws IOException {
        final int header = reader.readBits(8);
        if ((header & 0x80) != 0) {
            throw new IOException("subframe padding bit set");
        }
        type = header >>> 1 & 0x3F;
        wastedBits = (header & 1) == 0 ? 0 : reader.readUnary(sampleBits - 2) + 1;
        return sampleBits - wastedBits;
    }

    private static int checkOrder(final int order, final int blockSize) throws IOException {
        if (order > blockSize) {
            throw new IOException("predictor order " + order + " exceeds the block size " + blockSize);
        }
        return order;
    }

    /** Reads the LPC precision, shift and coefficients (reversed into {@link #coefficients}); returns the shift. */
    private int readCoefficients(final int order) throws IOException {
        final int precision = reader.readBits(4) + 1;
        if (precision == 16) {
            throw new IOException("invalid LPC coefficient precision code 15");
        }
        final int shift = reader.readSigned(5);
        if (shift < 0) {
            throw new IOException("negative LPC shift " + shift);
        }
        for (int j = order - 1; j >= 0; j--) {
            coefficients[j] = reader.readSigned(precision);
        }
        return shift;
    }

    /**
     * Reads a partitioned Rice residual into {@code dst[order, blockSize)}.
     */
    private void readResidual(final int[] dst, final int blockSize, final int order) throws IOException {
        final int method = reader.readBits(2);
        if (method > 1) {
            throw new IOException("reserved residual coding method " + method);
        }
        final int parameterBits = method == 0 ? 4 : 5;
        final int escape = (1 << parameterBits) - 1;
        final int partitionOrder = reader.readBits(4);
        final int partitionSamples = blockSize >> partitionOrder;
        if (partitionSamples << partitionOrder != blockSize || partitionSamples < order) {
            throw new IOException("residual partition order " + partitionOrder + " does not fit the block size "
                + blockSize + " and predictor order " + order);
        }
        int at = order;
        for (int end = partitionSamples; end <= blockSize; end += partitionSamples) {
            final int parameter = reader.readBits(parameterBits);
            if (parameter == escape) {
                final int rawBits = reader.readBits(5);
                for (int i = at; i < end; i++) {
                    dst[i] = reader.readSigned(rawBits);
                }
            } else {
                reader.readRiceBlock(dst, at, end, parameter);
            }
            at = end;
        }
    }
}
