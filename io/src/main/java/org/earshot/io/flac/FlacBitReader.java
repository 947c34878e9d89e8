package org.earshot.io.flac;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a FLAC stream MSB first through a 64-bit bit buffer, refilled eight bytes at a time from a large
 * byte buffer, which is refilled in turn from the input. Holds the bytes of the current frame (from
 * {@link #markFrameStart}) so that the frame's checksums can be computed over them.
 *
 * <p>Past the end of the input the bit buffer is padded with zero bytes, so that the hot loops need no
 * end-of-input branch; {@link #overran()} tells whether any padding was consumed (the stream ended inside
 * what was read), and reading more than {@value #MAX_PADDING_BYTES} bytes of padding throws
 * {@link EOFException}, which bounds every loop on a truncated stream.
 *
 * <p>Invariant: the top {@code count} bits of {@code bits} are the next unread bits; the bits below them
 * are zero or the stream's following bits (a refill loads a whole word and claims only whole bytes of it).
 */
final class FlacBitReader {
    /** Bytes read from the input at a time, and the initial buffer size. */
    static final int CHUNK_BYTES = 1 << 16;
    /** Largest frame accepted (a verbatim frame of 65535 frames, 8 channels, 32 bits is about 2 MiB). */
    static final int MAX_BUFFER_BYTES = 1 << 23;
    /** Zero bytes supplied past the end of the input before reads fail. */
    static final int MAX_PADDING_BYTES = 64;
    private static final int MAX_ZERO_READS = 1000;
    private static final VarHandle BIG_ENDIAN_LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private byte[] buf = new byte[CHUNK_BYTES];
    /** Next byte of {@link #buf} to load into the bit buffer. */
    private int pos;
    /** End of the valid bytes in {@link #buf}. */
    private int limit;
    /** Stream offset of {@code buf[0]}. */
    private long bufferOffset;
    /** Index in {@link #buf} of the first byte of the current frame, kept through refills; -1 if none. */
    private int mark = -1;
    private long bits;
    private int count;
    private int paddingBytes;
    private boolean endOfInput;

    /**
     * @param in the stream, read in large chunks (no extra buffering needed)
     */
    FlacBitReader(final InputStream in) {
        this.in = in;
    }

    // ------------------------------------------------------------------------------------- bit access

    /**
     * @param n bits to read, 1 to 32
     * @return the bits as an unsigned number (n = 32: the raw 32 bits)
     * @throws IOException if the input fails or ends well past its end
     */
    int readBits(final int n) throws IOException {
        if (count < n) {
            refill();
        }
        final int v = (int)(bits >>> 64 - n);
        bits <<= n;
        count -= n;
        return v;
    }

    /**
     * @param n bits to read, 1 to 56
     * @return the bits as an unsigned number
     * @throws IOException if the input fails or ends well past its end
     */
    long readBitsLong(final int n) throws IOException {
        if (count < n) {
            refill();
        }
        final long v = bits >>> 64 - n;
        bits <<= n;
        count -= n;
        return v;
    }

    /**
     * @param n bits to read, 0 to 32
     * @return the bits as a two's complement number, 0 if n is 0
     * @throws IOException if the input fails or ends well past its end
     */
    int readSigned(final int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        final int shift = 32 - n;
        return readBits(n) << shift >> shift;
    }

    /**
     * @param n bits to read, 1 to 56
     * @return the bits as a two's complement number
     * @throws IOException if the input fails or ends well past its end
     */
    long readSignedLong(final int n) throws IOException {
        final int shift = 64 - n;
        return readBitsLong(n) << shift >> shift;
    }

    /**
     * Reads a unary number: zeros ended by a one.
     *
     * @param max largest value accepted
     * @return the number of zeros
     * @throws IOException if more than {@code max} zeros follow, or the input fails
     */
    int readUnary(final int max) throws IOException {
        int zeros = 0;
        while (readBits(1) == 0) {
            if (++zeros > max) {
                throw new IOException("a unary number exceeds " + max);
            }
        }
        return zeros;
    }

    /** Skips to the next byte boundary. */
    void alignToByte() {
        final int skip = count & 7;
        bits <<= skip;
        count -= skip;
    }

    /**
     * Reads Rice-coded signed residuals: each a unary quotient, {@code riceBits} low bits, zigzag folded.
     * The hot loop of the decoder: the quotient is found with one leading-zero count on the bit buffer.
     *
     * @param dst      destination
     * @param from     first index to write
     * @param to       index after the last
     * @param riceBits the Rice parameter, 0 to 30
     * @throws IOException if the input fails or ends well past its end
     */
    void readRiceBlock(final int[] dst, final int from, final int to, final int riceBits) throws IOException {
        byte[] b = buf;
        int fastEnd = limit - 8;
        final int lowShift = 63 - riceBits;
        long word = bits;
        int have = count;
        int at = pos;
        for (int i = from; i < to; i++) {
            if (at <= fastEnd) {
                word |= (long)BIG_ENDIAN_LONG.get(b, at) >>> have;
                final int take = 63 - have >>> 3;
                at += take;
                have += take << 3;
            }
            final int zeros = Long.numberOfLeadingZeros(word);
            final int used = zeros + 1 + riceBits;
            final int folded;
            if (used <= have) {
                // zeros + 1 <= have <= 63: one shift drops the quotient and its stop bit
                final long rest = word << zeros + 1;
                folded = zeros << riceBits | (int)(rest >>> 1 >>> lowShift);
                word = rest << riceBits;
                have -= used;
            } else {
                bits = word;
                count = have;
                pos = at;
                folded = readRiceSlow(riceBits);
                word = bits;
                have = count;
                at = pos;
                // a refill may have moved or replaced the buffer
                b = buf;
                fastEnd = limit - 8;
            }
            dst[i] = folded >>> 1 ^ -(folded & 1);
        }
        bits = word;
        count = have;
        pos = at;
    }

    /** One Rice code whose quotient runs past the bits at hand, or near the end of the buffer. */
    private int readRiceSlow(final int riceBits) throws IOException {
        int quotient = 0;
        while (true) {
            if (count == 0) {
                refill();
            }
            final int zeros = Long.numberOfLeadingZeros(bits);
            if (zeros < count) {
                bits = bits << zeros << 1;
                count -= zeros + 1;
                quotient += zeros;
                break;
            }
            quotient += count;
            bits <<= count;
            count = 0;
        }
        return riceBits == 0 ? quotient : quotient << riceBits | readBits(riceBits);
    }

    // --------------------------------------------------------------------------------- byte positions

    /** @return true if no unread byte is left: the input ended where the last read stopped */
    boolean atEnd() throws IOException {
        if (count > paddingBytes << 3 || pos < limit) {
            return false;
        }
        return !fetch();
    }

    /** @return true if padding past the end of the input was read: the stream ended inside the data read */
    boolean overran() {
        return count < paddingBytes << 3;
    }

    /** @return stream offset of the next unread byte (exact at a byte boundary) */
    long byteOffset() {
        return bufferOffset + bufferIndex();
    }

    /** Index in the buffer of the next unread byte, at a byte boundary. */
    private int bufferIndex() {
        return pos + paddingBytes - (count >>> 3);
    }

    /** Keeps the bytes from the next unread one (at a byte boundary) in the buffer, for the frame's CRCs. */
    void markFrameStart() {
        mark = bufferIndex();
    }

    /**
     * Moves back to {@code bytes} past the frame mark, dropping whatever was read after it: where the search
     * for the next frame goes on after a corrupt one.
     *
     * @param bytes bytes past the mark, 1 or more; the bytes up to there were read before
     */
    void seekPastMark(final int bytes) {
        pos = mark + bytes;
        bits = 0;
        count = 0;
        paddingBytes = 0;
    }

    /** @return CRC-8 of the bytes from the mark to the next unread byte (at a byte boundary) */
    int crc8SinceMark() {
        return FlacCrc.crc8(buf, mark, Math.min(bufferIndex(), limit));
    }

    /** @return CRC-16 of the bytes from the mark to the next unread byte (at a byte boundary) */
    int crc16SinceMark() {
        return FlacCrc.crc16(buf, mark, Math.min(bufferIndex(), limit));
    }

    /**
     * Skips whole bytes.
     *
     * @param n bytes to skip, from a byte boundary
     * @throws IOException if the input ends first
     */
    void skipBytes(final long n) throws IOException {
        long left = n;
        while (left > 0 && count >= 8) {
            readBits(8);
            left--;
        }
        if (left == 0) {
            return;
        }
        if (overran()) {
            throw new EOFException("the stream ends inside a metadata block");
        }
        // the bit buffer is empty: drop whatever stream bits lie below it before jumping ahead
        bits = 0;
        count = 0;
        while (left > 0) {
            if (pos == limit && !fetch()) {
                throw new EOFException("the stream ends inside a metadata block");
            }
            final int step = (int)Math.min(left, limit - pos);
            pos += step;
            left -= step;
        }
    }

    // ------------------------------------------------------------------------------------------ refill

    /** Fills the bit buffer to 56 bits or more. */
    private void refill() throws IOException {
        if (pos <= limit - 8) {
            bits |= (long)BIG_ENDIAN_LONG.get(buf, pos) >>> count;
            final int take = 63 - count >>> 3;
            pos += take;
            count += take << 3;
        } else {
            refillSlow();
        }
    }

    /** Near the end of the buffer, byte by byte; {@code count} stays below 64 (callers need 56 bits at most). */
    private void refillSlow() throws IOException {
        while (count < 56) {
            if (pos <= limit - 8) {
                refill();
                return;
            }
            if (pos < limit) {
                bits |= (buf[pos++] & 0xFFL) << 56 - count;
                count += 8;
            } else if (!fetch()) {
                if (paddingBytes >= MAX_PADDING_BYTES) {
                    throw new EOFException("the stream ends inside a frame");
                }
                paddingBytes++;
                count += 8;
            }
        }
    }

    /** Reads more input into the buffer, keeping the marked frame; false at the end of the input. */
    private boolean fetch() throws IOException {
        if (endOfInput) {
            return false;
        }
        final int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            pos -= keep;
            limit -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
            bufferOffset += keep;
        }
        if (buf.length - limit < CHUNK_BYTES / 2) {
            if (buf.length >= MAX_BUFFER_BYTES) {
                throw new IOException("a frame is larger than " + MAX_BUFFER_BYTES + " bytes");
            }
            final byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        for (int zeroReads = 0; zeroReads < MAX_ZERO_READS; zeroReads++) {
            final int n = in.read(buf, limit, buf.length - limit);
            if (n > 0) {
                limit += n;
                return true;
            }
            if (n < 0) {
                endOfInput = true;
                return false;
            }
        }
        throw new IOException("the input returned no data " + MAX_ZERO_READS + " times in a row");
    }

    /**
     * Closes the input.
     *
     * @throws IOException if closing fails
     */
    void close() throws IOException {
        in.close();
    }
}
