package org.earshot.io.flac;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decodes a native FLAC stream (the "fLaC" format, optionally behind an ID3v2 tag) to interleaved samples,
 * in pure Java: every subframe type, residual coding and channel assignment of the format, 4 to 32 bits per
 * sample, fixed and variable block sizes. The CRC-8 of every frame header and the CRC-16 of every frame are
 * checked; the MD5 of STREAMINFO is not.
 *
 * <p>Errors are {@link IOException}s with a plain message naming the frame and its byte offset. A stream
 * that ends inside a frame, or ends cleanly before the length STREAMINFO declares, throws
 * {@link EOFException}; bytes after the declared length that are not a frame (an ID3v1 tag) are ignored.
 * A reader that has thrown keeps throwing. Under {@link FlacErrorPolicy#CONCEAL} a corrupt frame is played
 * as silence instead, decoding goes on at the next frame whose header and frame CRCs check out (so the rest
 * keeps its place in time), and {@link #damage()} reports it.
 *
 * <p>Not thread-safe. Allocates nothing while reading, except when a frame is larger than every frame
 * before it.
 */
public final class FlacReader implements Closeable {
    private static final int FLAC_MARKER = 0x664C_6143; // "fLaC"
    private static final int ID3_MARKER = 0x49_4433; // "ID3"
    private static final int BLOCK_STREAMINFO = 0;
    private static final int BLOCK_INVALID = 127;

    private final FlacBitReader reader;
    private final FlacStreamInfo streamInfo;
    private final FlacFrameDecoder frames;
    private final int channels;
    private final float scale;
    private final FlacErrorPolicy policy;
    /** Frames of silence to play before the current block (a concealed corrupt frame). */
    private long silenceLeft;
    private int corruptStretches;
    private long silencedFrames;
    private String firstProblem;
    private long firstProblemAtFrame;
    private int blockPos;
    private int blockFrames;
    private long framesDecoded;
    private long frameCount;
    private boolean ended;
    private IOException failure;

    /**
     * Reads the stream's metadata, up to the first frame; a corrupt frame will throw.
     *
     * @param in the stream; read in large chunks, so it needs no buffering. Closed by {@link #close}.
     * @throws IOException if the stream is not FLAC, its metadata is corrupt, or it cannot be read
     */
    public FlacReader(final InputStream in) throws IOException {
        this(in, FlacErrorPolicy.FAIL);
    }

    /**
     * Reads the stream's metadata, up to the first frame.
     *
     * @param in     the stream; read in large chunks, so it needs no buffering. Closed by {@link #close}.
     * @param policy what to do with a corrupt frame
     * @throws IOException if the stream is not FLAC, its metadata is corrupt, or it cannot be read
     */
    public FlacReader(final InputStream in, final FlacErrorPolicy policy) throws IOException {
        this.policy = policy;
        this.reader = new FlacBitReader(in);
        this.streamInfo = readMetadata(reader);
        this.frames = new FlacFrameDecoder(reader, streamInfo);
        this.channels = streamInfo.channels();
        this.scale = 1f / (1L << streamInfo.bitsPerSample() - 1);
    }

    /**
     * Opens a file.
     *
     * @param path a FLAC file
     * @return the reader, positioned at the first frame
     * @throws IOException if the file cannot be opened, is not FLAC or its metadata is corrupt
     */
    public static FlacReader open(final Path path) throws IOException {
        final InputStream in = Files.newInputStream(path);
        try {
            return new FlacReader(in);
        } catch (final IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

    private static FlacStreamInfo readMetadata(final FlacBitReader reader) throws IOException {
        int marker = reader.readBits(32);
        if (marker >>> 8 == ID3_MARKER) {
            reader.readBits(8); // revision
            final int flags = reader.readBits(8);
            final int b = reader.readBits(32);
            final int size = (b >>> 24 & 0x7F) << 21 | (b >>> 16 & 0x7F) << 14 | (b >>> 8 & 0x7F) << 7 | b & 0x7F;
            reader.skipBytes(size + ((flags & 0x10) != 0 ? 10 : 0));
            marker = reader.readBits(32);
        }
        if (marker != FLAC_MARKER || reader.overran()) {
            throw new IOException("not a FLAC stream (no fLaC marker)");
        }
        FlacStreamInfo info = null;
        boolean last = false;
        while (!last) {
            last = reader.readBits(1) == 1;
            final int type = reader.readBits(7);
            final int length = reader.readBits(24);
            if (reader.overran()) {
                throw new EOFException("the stream ends inside the metadata");
            }
            if (info == null && (type != BLOCK_STREAMINFO || length < FlacStreamInfo.LENGTH_BYTES)) {
                throw new IOException("the first metadata block is not STREAMINFO");
            }
            if (type == BLOCK_INVALID) {
                throw new IOException("invalid metadata block type 127");
            }
            if (info == null) {
                info = FlacStreamInfo.read(reader);
                reader.skipBytes(length - FlacStreamInfo.LENGTH_BYTES);
            } else {
                reader.skipBytes(length);
            }
            if (reader.overran()) {
                throw new EOFException("the stream ends inside the metadata");
            }
        }
        return info;
    }

    /** @return the stream's STREAMINFO block */
    public FlacStreamInfo streamInfo() {
        return streamInfo;
    }

    /** @return frames (samples per channel) decoded so far, including those not yet read */
    public long framesDecoded() {
        return framesDecoded;
    }

    /** @return the corrupt frames concealed so far, or null if there were none */
    public FlacDamage damage() {
        return corruptStretches == 0 ? null
            : new FlacDamage(corruptStretches, silencedFrames, firstProblem, firstProblemAtFrame);
    }

    /**
     * Reads interleaved samples scaled to [-1, 1): sample / 2^(bitsPerSample - 1).
     *
     * @param dst       destination, at least {@code maxFrames * channels} long
     * @param maxFrames most frames to read, 1 or more
     * @return frames read (1 or more), or -1 at the end of the stream
     * @throws EOFException if the stream ends inside a frame or before the length STREAMINFO declares
     * @throws IOException  if a frame is corrupt or the input fails
     */
    public int read(final float[] dst, final int maxFrames) throws IOException {
        if (!ensureBlock(maxFrames)) {
            return -1;
        }
        if (silenceLeft > 0) {
            final int n = takeSilence(maxFrames);
            Arrays.fill(dst, 0, n * channels, 0f);
            return n;
        }
        final int n = Math.min(maxFrames, blockFrames - blockPos);
        final int[][] s = frames.samples();
        final float k = scale;
        final int p = blockPos;
        if (channels == 2) {
            final int[] left = s[0];
            final int[] right = s[1];
            for (int i = 0, o = 0; i < n; i++, o += 2) {
                dst[o] = left[p + i] * k;
                dst[o + 1] = right[p + i] * k;
            }
        } else if (channels == 1) {
            final int[] mono = s[0];
            for (int i = 0; i < n; i++) {
                dst[i] = mono[p + i] * k;
            }
        } else {
            for (int c = 0; c < channels; c++) {
                final int[] channel = s[c];
                for (int i = 0, o = c; i < n; i++, o += channels) {
                    dst[o] = channel[p + i] * k;
                }
            }
        }
        blockPos += n;
        return n;
    }

    /**
     * Reads interleaved samples as the integers the stream holds.
     *
     * @param dst       destination, at least {@code maxFrames * channels} long
     * @param maxFrames most frames to read, 1 or more
     * @return frames read (1 or more), or -1 at the end of the stream
     * @throws EOFException if the stream ends inside a frame or before the length STREAMINFO declares
     * @throws IOException  if a frame is corrupt or the input fails
     */
    public int readInts(final int[] dst, final int maxFrames) throws IOException {
        if (!ensureBlock(maxFrames)) {
            return -1;
        }
        if (silenceLeft > 0) {
            final int n = takeSilence(maxFrames);
            Arrays.fill(dst, 0, n * channels, 0);
            return n;
        }
        final int n = Math.min(maxFrames, blockFrames - blockPos);
        final int[][] s = frames.samples();
        for (int c = 0; c < channels; c++) {
            final int[] channel = s[c];
            for (int i = 0, o = c; i < n; i++, o += channels) {
                dst[o] = channel[blockPos + i];
            }
        }
        blockPos += n;
        return n;
    }

    /** Decodes the next frame when the current one is used up; false at the end of the stream. */
    private boolean ensureBlock(final int maxFrames) throws IOException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
        }
        if (failure != null) {
            throw failure;
        }
        if (silenceLeft > 0 || blockPos < blockFrames) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            if (!nextFrame()) {
                ended = true;
                return false;
            }
        } catch (final IOException ex) {
            failure = ex;
            throw ex;
        }
        return true;
    }

    private boolean nextFrame() throws IOException {
        final long total = streamInfo.totalFrames();
        if (reader.atEnd()) {
            if (total > 0 && framesDecoded < total) {
                throw new EOFException("the stream ends after " + framesDecoded + " of the " + total
                    + " frames STREAMINFO declares");
            }
            return false;
        }
        final long offset = reader.byteOffset();
        reader.markFrameStart();
        try {
            final int sync = reader.readBits(16);
            if (!FlacFrameHeader.isSync(sync)) {
                if (total > 0 && framesDecoded >= total) {
                    return false; // trailing bytes after the last frame, such as an ID3v1 tag
                }
                if (reader.overran()) {
                    throw new EOFException("the stream ends inside a frame");
                }
                throw new IOException("no frame sync code");
            }
            frames.decode(sync);
        } catch (final EOFException ex) {
            final EOFException located = new EOFException(where(offset) + ex.getMessage());
            // a stream that really ends here stays an error; a corrupt frame that only seemed to run past
            // the end is concealed like any other
            final long at = framesDecoded;
            if (policy == FlacErrorPolicy.FAIL || !concealFrom()) {
                throw located;
            }
            recordCorrupt(located, at);
            return true;
        } catch (final IOException ex) {
            final IOException located = new IOException(where(offset) + ex.getMessage(), ex);
            if (policy == FlacErrorPolicy.FAIL) {
                throw located;
            }
            recordCorrupt(located, framesDecoded);
            if (!concealFrom()) {
                // nothing decodable follows: the rest of the declared length is silence
                final long rest = Math.max(0, total - framesDecoded);
                startBlockAfterSilence(rest, 0);
                ended = true;
                return rest > 0;
            }
            return true;
        }
        frameCount++;
        blockPos = 0;
        blockFrames = frames.blockSizeFrames();
        framesDecoded += blockFrames;
        return true;
    }

    private void recordCorrupt(final IOException problem, final long atFrame) {
        if (firstProblem == null) {
            firstProblem = problem.getMessage();
            firstProblemAtFrame = atFrame;
        }
        corruptStretches++;
    }

    /** Plays {@code silence} frames, then the block of {@code blockSize} frames just decoded (if any). */
    private void startBlockAfterSilence(final long silence, final int blockSize) {
        silenceLeft = silence;
        silencedFrames += silence;
        blockPos = 0;
        blockFrames = blockSize;
        framesDecoded += silence + blockSize;
    }

    /** @return frames of silence to hand out now, at most {@code maxFrames}, taken off what is left */
    private int takeSilence(final int maxFrames) {
        final int n = (int)Math.min(maxFrames, silenceLeft);
        silenceLeft -= n;
        return n;
    }

    /**
     * Looks for the next frame after the corrupt one that starts at the mark: a sync code whose header and
     * whole frame pass their CRCs and whose position lies ahead. Plays the gap as silence before it.
     *
     * @return true if a frame was found (it is decoded, and {@link #silenceLeft} covers the gap)
     */
    private boolean concealFrom() throws IOException {
        frameCount++;
        final long total = streamInfo.totalFrames();
        reader.seekPastMark(1);
        while (!reader.atEnd()) {
            reader.markFrameStart();
            if (reader.readBits(8) != 0xFF) {
                continue;
            }
            final int sync = 0xFF00 | reader.readBits(8);
            if (!FlacFrameHeader.isSync(sync)) {
                reader.seekPastMark(1);
                continue;
            }
            try {
                frames.decode(sync);
            } catch (final IOException falseSync) {
                reader.seekPastMark(1);
                continue;
            }
            final long start = frames.firstFrameOfBlock();
            if (start < framesDecoded || total > 0 && start >= total) {
                reader.seekPastMark(1); // a frame from the past or beyond the end: not the one that follows
                continue;
            }
            frameCount++;
            startBlockAfterSilence(start - framesDecoded, frames.blockSizeFrames());
            return true;
        }
        return false;
    }

    private String where(final long offset) {
        return "FLAC frame " + frameCount + " (byte " + offset + "): ";
    }

    /**
     * Closes the input.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        reader.close();
    }
}
