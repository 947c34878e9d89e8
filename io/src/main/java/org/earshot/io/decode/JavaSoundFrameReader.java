package org.earshot.io.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Reads interleaved float frames from a PCM {@link AudioInputStream}: 8-bit unsigned or signed, 16/24/32-bit
 * signed integer in either byte order, 32/64-bit float. Integer samples are scaled by their container
 * size, so MSB-aligned samples narrower than their container read correctly. Loops on reads that return 0.
 */
final class JavaSoundFrameReader implements FrameReader {
    private static final int MAX_ZERO_READS = 10_000;
    private static final float SCALE_16 = 1f / 32_768f;
    private static final float SCALE_24 = 1f / 8_388_608f;

    private final AudioInputStream in;
    private final int channels;
    private final int frameBytes;
    private final int sampleBytes;
    private final boolean bigEndian;
    private final boolean isFloat;
    private final boolean unsigned;
    private final byte[] bytes;
    /** 16-bit little-endian samples of {@link #bytes}, read in bulk (a copy on little-endian machines). */
    private final ShortBuffer shortView;
    private final short[] shorts;
    private int pendingBytes;

    /**
     * @param in          a PCM stream
     * @param chunkFrames most frames one read returns
     */
    JavaSoundFrameReader(final AudioInputStream in, final int chunkFrames) {
        final AudioFormat format = in.getFormat();
        this.in = in;
        this.channels = format.getChannels();
        this.frameBytes = format.getFrameSize();
        this.sampleBytes = frameBytes / channels;
        this.bigEndian = format.isBigEndian();
        this.isFloat = AudioFormat.Encoding.PCM_FLOAT.equals(format.getEncoding());
        this.unsigned = AudioFormat.Encoding.PCM_UNSIGNED.equals(format.getEncoding());
        this.bytes = new byte[chunkFrames * frameBytes];
        this.shortView = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        this.shorts = new short[sampleBytes == 2 ? bytes.length / 2 : 0];
    }

    /**
     * @param format a PCM format
     * @return true if this reader can convert it
     */
    static boolean canRead(final AudioFormat format) {
        final AudioFormat.Encoding encoding = format.getEncoding();
        final int channels = format.getChannels();
        final int frameBytes = format.getFrameSize();
        if (channels < 1 || frameBytes < 1 || frameBytes % channels != 0) {
            return false;
        }
        final int sampleBytes = frameBytes / channels;
        if (AudioFormat.Encoding.PCM_FLOAT.equals(encoding)) {
            return sampleBytes == 4 || sampleBytes == 8;
        }
        if (AudioFormat.Encoding.PCM_UNSIGNED.equals(encoding)) {
            return sampleBytes == 1;
        }
        return AudioFormat.Encoding.PCM_SIGNED.equals(encoding) && sampleBytes >= 1 && sampleBytes <= 4;
    }

    @Override
    public int read(final float[] dst, final int maxFrames) throws IOException {
        final int wanted = Math.min(maxFrames, bytes.length / frameBytes) * frameBytes;
        int zeroReads = 0;
        while (pendingBytes < frameBytes || pendingBytes < wanted) {
            final int n = in.read(bytes, pendingBytes, wanted - pendingBytes);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                if (++zeroReads > MAX_ZERO_READS) {
                    throw new IOException("the decoder returned no data " + MAX_ZERO_READS + " times in a row");
                }
                if (pendingBytes >= frameBytes) {
                    break;
                }
                continue;
            }
            zeroReads = 0;
            pendingBytes += n;
        }
        final int frames = pendingBytes / frameBytes;
        if (frames == 0) {
            return -1;
        }
        convert(dst, frames * channels);
        final int used = frames * frameBytes;
        System.arraycopy(bytes, used, bytes, 0, pendingBytes - used);
        pendingBytes -= used;
        return frames;
    }

    /** @return bytes of an incomplete frame left when the stream ended (a cut-off last frame) */
    int danglingBytes() {
        return pendingBytes;
    }

    private void convert(final float[] dst, final int samples) {
        if (!isFloat && !unsigned && !bigEndian && sampleBytes == 2) {
            // the common case (16-bit little-endian WAV) without per-byte assembly; s / 2^15 is exact in float,
            // so the result equals the general path's bit for bit
            shortView.clear();
            shortView.get(shorts, 0, samples);
            for (int i = 0; i < samples; i++) {
                dst[i] = shorts[i] * SCALE_16;
            }
            return;
        }
        if (!isFloat && !unsigned && !bigEndian && sampleBytes == 3) {
            for (int i = 0, at = 0; i < samples; i++, at += 3) {
                final int v = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | bytes[at + 2] << 16;
                dst[i] = v * SCALE_24;
            }
            return;
        }
        int at = 0;
        for (int i = 0; i < samples; i++, at += sampleBytes) {
            dst[i] = sample(at);
        }
    }

    private float sample(final int at) {
        if (isFloat) {
            if (sampleBytes == 4) {
                return Float.intBitsToFloat((int)integer(at, 4));
            }
            return (float)Double.longBitsToDouble(integer(at, 8));
        }
        if (unsigned) {
            return ((bytes[at] & 0xFF) - 128) / 128f;
        }
        final long raw = integer(at, sampleBytes);
        final int shift = 64 - 8 * sampleBytes;
        final long signed = raw << shift >> shift;
        return (float)(signed / (double)(1L << (8 * sampleBytes - 1)));
    }

    private long integer(final int at, final int length) {
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < length; k++) {
                v = v << 8 | bytes[at + k] & 0xFF;
            }
        } else {
            for (int k = length - 1; k >= 0; k--) {
                v = v << 8 | bytes[at + k] & 0xFF;
            }
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
