package org.earshot.io.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a mono or multi-channel WAV file (RIFF, little-endian) in chunks, then fixes the header sizes on
 * {@link #close()}. Samples are floats in [-1, 1]; {@link WavEncoding#PCM_16} rounds and clips them and
 * counts the clipped samples. Not thread-safe: one writer thread.
 */
public final class WavWriter implements AutoCloseable {
    private static final int HEADER_BYTES = 44;

    private final Path path;
    private final FileChannel channel;
    private final WavEncoding encoding;
    private final int channels;
    private final int sampleRateHz;
    private final ByteBuffer buffer;
    private long framesWritten;
    private long clippedSamples;
    private boolean closed;

    /**
     * Creates (or truncates) the file and writes a provisional header.
     *
     * @param path         the file
     * @param sampleRateHz sample rate
     * @param channels     channels, 1 to 8
     * @param encoding     sample encoding
     * @throws IOException naming the file if it cannot be created
     */
    public WavWriter(final Path path, final int sampleRateHz, final int channels, final WavEncoding encoding)
        throws IOException {
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("channels must be in [1, 8], got " + channels);
        }
        if (sampleRateHz < 1) {
            throw new IllegalArgumentException("sampleRateHz must be > 0, got " + sampleRateHz);
        }
        this.path = path;
        this.encoding = encoding;
        this.channels = channels;
        this.sampleRateHz = sampleRateHz;
        this.buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        } catch (final IOException ex) {
            throw new IOException(path + ": cannot create the WAV file (" + ex.getMessage() + ")", ex);
        }
        writeHeader(0);
        channel.position(HEADER_BYTES);
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return frames written so far */
    public long framesWritten() {
        return framesWritten;
    }

    /** @return samples clipped to [-1, 1] by the 16-bit encoding */
    public long clippedSamples() {
        return clippedSamples;
    }

    /**
     * Appends interleaved frames.
     *
     * @param samples interleaved samples, {@code frames * channels} from {@code offset}
     * @param offset  first index
     * @param frames  frames
     * @throws IOException naming the file on a write error
     */
    public void write(final float[] samples, final int offset, final int frames) throws IOException {
        final int bytesPerSample = encoding.bits() / 8;
        final int total = frames * channels;
        for (int i = 0; i < total; i++) {
            if (buffer.remaining() < bytesPerSample) {
                flush();
            }
            final float v = samples[offset + i];
            if (encoding == WavEncoding.FLOAT_32) {
                buffer.putFloat(v);
            } else {
                final float c = Math.max(-1f, Math.min(1f, v));
                if (c != v) {
                    clippedSamples++;
                }
                buffer.putShort((short)Math.round(c * 32767f));
            }
        }
        framesWritten += frames;
    }

    private void flush() throws IOException {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (final IOException ex) {
            throw new IOException(path + ": write failed (" + ex.getMessage() + ")", ex);
        }
        buffer.clear();
    }

    private void writeHeader(final long dataBytes) throws IOException {
        final ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        final int blockAlign = channels * encoding.bits() / 8;
        final long data = Math.min(dataBytes, 0xFFFF_FFFFL - 36);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int)(36 + data)).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short)encoding.formatTag())
            .putShort((short)channels).putInt(sampleRateHz).putInt(sampleRateHz * blockAlign)
            .putShort((short)blockAlign).putShort((short)encoding.bits());
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int)data);
        h.flip();
        long at = 0;
        while (h.hasRemaining()) {
            at += channel.write(h, at);
        }
    }

    /**
     * Flushes, writes the final sizes into the header and closes the file.
     *
     * @throws IOException naming the file
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            writeHeader(framesWritten * channels * (encoding.bits() / 8));
        } finally {
            channel.close();
        }
    }
}
