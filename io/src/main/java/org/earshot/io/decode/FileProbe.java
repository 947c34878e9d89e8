package org.earshot.io.decode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.earshot.io.SourceException;

/**
 * Identifies a file from its first bytes and reads what its header declares, before any decoder sees it:
 * the container, the number of frames, and the frames to drop at the start (an MP3's encoder and decoder
 * delay). Rejects missing, empty, unrecognised, unsupported and visibly truncated files.
 */
final class FileProbe {
    /** Decoder delay of the MPEG audio synthesis filterbank, in samples (LAME's "528 + 1"). */
    static final int MP3_DECODER_DELAY_FRAMES = 529;

    private static final int HEAD_BYTES = 64;
    private static final int OGG_TAIL_BYTES = 65_536 + 282;
    private static final long UNKNOWN_SIZE_32 = 0xFFFF_FFFFL;

    /** What the header says. */
    record Result(AudioContainer container, long declaredFrames, long skipFrames, String detail) {
    }

    private final Path path;
    private final String name;

    private FileProbe(final Path path) {
        this.path = path;
        this.name = path.toString();
    }

    /**
     * @param path the file
     * @return the container and declared length
     * @throws SourceException if the file is missing, empty, unreadable, unrecognised, unsupported or
     *                         shorter than its header says
     */
    static Result probe(final Path path) throws SourceException {
        return new FileProbe(path).run();
    }

    private Result run() throws SourceException {
        if (Files.isDirectory(path)) {
            throw new SourceException(name + ": is a directory, not an audio file");
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            final long size = file.length();
            if (size == 0) {
                throw new SourceException(name + ": empty file (0 bytes)");
            }
            final byte[] head = new byte[(int)Math.min(HEAD_BYTES, size)];
            file.readFully(head);
            if (startsWith(head, 0, "RIFF") && head.length >= 12 && startsWith(head, 8, "WAVE")) {
                return wav(file, size);
            }
            if (startsWith(head, 0, "RF64") || startsWith(head, 0, "RIFX")) {
                throw new SourceException(name + ": unsupported WAV variant " + ascii(head, 0, 4)
                    + " (only RIFF WAVE is supported)");
            }
            if (startsWith(head, 0, "FORM") && head.length >= 12
                && (startsWith(head, 8, "AIFF") || startsWith(head, 8, "AIFC"))) {
                return aiff(file, size);
            }
            if (startsWith(head, 0, ".snd")) {
                return new Result(AudioContainer.AU, -1, 0, "");
            }
            if (startsWith(head, 0, "fLaC")) {
                return flac(file, size, 0);
            }
            if (startsWith(head, 0, "OggS")) {
                return ogg(file, size);
            }
            if (startsWith(head, 0, "ID3") && head.length >= 10) {
                // an ID3v2 tag fronts MP3 files, and some FLAC files too: what follows it decides
                final long afterTag = 10 + id3v2Size(head) + ((head[5] & 0x10) != 0 ? 10 : 0);
                if (afterTag + 4 <= size) {
                    final byte[] magic = new byte[4];
                    file.seek(afterTag);
                    file.readFully(magic);
                    if (startsWith(magic, 0, "fLaC")) {
                        return flac(file, size, afterTag);
                    }
                }
            }
            if (startsWith(head, 0, "ID3") || isMpegFrameHeader(head, 0)) {
                return mp3(file, size, head);
            }
            throw new SourceException(name + ": not a recognised audio file (expected WAV, AIFF, FLAC, MP3 or "
                + "Ogg Vorbis)");
        } catch (final SourceException ex) {
            throw ex;
        } catch (final NoSuchFileException | java.io.FileNotFoundException ex) {
            throw missingOrUnreadable(ex);
        } catch (final IOException ex) {
            throw new SourceException(name + ": cannot read the file: " + ex.getMessage(), ex);
        }
    }

    private SourceException missingOrUnreadable(final IOException ex) {
        if (!Files.exists(path)) {
            return new SourceException(name + ": no such file", ex);
        }
        if (!Files.isReadable(path) || ex instanceof AccessDeniedException) {
            return new SourceException(name + ": cannot read the file (permission denied)", ex);
        }
        return new SourceException(name + ": cannot open the file: " + ex.getMessage(), ex);
    }

    /**
     * The chunks of a RIFF (sizes little-endian) or IFF (big-endian) file after its 12-byte header, each padded to
     * an even length. After {@link #next()} the file is positioned at the chunk's body.
     */
    private static final class Chunks {
        private final RandomAccessFile file;
        private final long fileSize;
        private final boolean littleEndian;
        private final byte[] header = new byte[8];
        private long nextPos = 12;
        /** The current chunk's four-character id. */
        String id;
        /** The current chunk's declared size, bytes. */
        long size;
        /** Where the current chunk's body starts. */
        long body;

        Chunks(final RandomAccessFile file, final long fileSize, final boolean littleEndian) {
            this.file = file;
            this.fileSize = fileSize;
            this.littleEndian = littleEndian;
        }

        /** @return false when no whole chunk header is left */
        boolean next() throws IOException {
            if (nextPos + 8 > fileSize) {
                return false;
            }
            file.seek(nextPos);
            file.readFully(header);
            id = ascii(header, 0, 4);
            size = littleEndian ? le32(header, 4) : be32(header, 4);
            body = nextPos + 8;
            nextPos = body + size + (size & 1);
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------- WAV

    private Result wav(final RandomAccessFile file, final long size) throws IOException {
        int channels = -1;
        int blockAlign = 0;
        int formatTag = -1;
        final Chunks chunks = new Chunks(file, size, true);
        while (chunks.next()) {
            final String id = chunks.id;
            final long chunkSize = chunks.size;
            final long body = chunks.body;
            if ("fmt ".equals(id)) {
                final byte[] fmt = new byte[(int)Math.min(Math.min(chunkSize, 40), Math.max(0, size - body))];
                file.readFully(fmt);
                if (fmt.length < 16) {
                    throw new SourceException(name + ": corrupt WAV file: the fmt chunk is cut short");
                }
                formatTag = le16(fmt, 0);
                channels = le16(fmt, 2);
                blockAlign = le16(fmt, 12);
                if (formatTag == 0xFFFE && fmt.length >= 26) {
                    formatTag = le16(fmt, 24);
                }
                checkWavFormatTag(formatTag);
            } else if ("data".equals(id)) {
                if (formatTag < 0) {
                    throw new SourceException(name + ": corrupt WAV file: no fmt chunk before the data chunk");
                }
                final long available = size - body;
                if (chunkSize == UNKNOWN_SIZE_32 || chunkSize == 0 && available > 0) {
                    return new Result(AudioContainer.WAV, -1, 0, "length not declared");
                }
                final long frameBytes = Math.max(1, blockAlign);
                if (chunkSize > available) {
                    throw new SourceException(name + ": truncated WAV file: the data chunk declares " + chunkSize
                        + " bytes (" + chunkSize / frameBytes + " frames) but only " + available + " bytes ("
                        + available / frameBytes + " frames) follow");
                }
                return new Result(AudioContainer.WAV, chunkSize / frameBytes, 0, channels + " channels");
            }
        }
        if (formatTag < 0) {
            throw new SourceException(name + ": corrupt WAV file: no fmt chunk");
        }
        throw new SourceException(name + ": truncated WAV file: no data chunk");
    }

    private void checkWavFormatTag(final int tag) throws SourceException {
        switch (tag) {
            case 0x0001: // PCM
            case 0x0003: // IEEE float
            case 0x0006: // A-law
            case 0x0007: // mu-law
                return;
            default:
                throw new SourceException(name + ": unsupported WAV encoding: format tag 0x"
                    + String.format("%04X", tag) + wavTagName(tag)
                    + " (supported: PCM, IEEE float, A-law, mu-law)");
        }
    }

    private static String wavTagName(final int tag) {
        switch (tag) {
            case 0x0002:
                return " (MS ADPCM)";
            case 0x0011:
                return " (IMA ADPCM)";
            case 0x0031:
                return " (GSM 6.10)";
            case 0x0055:
                return " (MPEG layer III)";
            default:
                return "";
        }
    }

    // --------------------------------------------------------------------------------------------- AIFF

    private Result aiff(final RandomAccessFile file, final long size) throws IOException {
        long frames = -1;
        int channels = 0;
        int bits = 0;
        final Chunks chunks = new Chunks(file, size, false);
        while (chunks.next()) {
            final String id = chunks.id;
            final long chunkSize = chunks.size;
            final long body = chunks.body;
            if ("COMM".equals(id)) {
                final byte[] comm = new byte[(int)Math.min(Math.min(chunkSize, 22), Math.max(0, size - body))];
                file.readFully(comm);
                if (comm.length < 18) {
                    throw new SourceException(name + ": corrupt AIFF file: the COMM chunk is cut short");
                }
                channels = be16(comm, 0);
                frames = be32(comm, 2);
                bits = be16(comm, 6);
                if (comm.length >= 22) {
                    final String compression = ascii(comm, 18, 4);
                    if (!compression.equals("NONE") && !compression.equals("sowt") && !compression.equals("twos")
                        && !compression.equalsIgnoreCase("fl32") && !compression.equalsIgnoreCase("fl64")
                        && !compression.equals("ulaw") && !compression.equals("alaw")) {
                        throw new SourceException(name + ": unsupported AIFF-C compression '" + compression
                            + "' (supported: NONE, sowt, fl32, fl64, ulaw, alaw)");
                    }
                }
            } else if ("SSND".equals(id)) {
                if (frames < 0) {
                    throw new SourceException(name + ": corrupt AIFF file: no COMM chunk before the SSND chunk");
                }
                final byte[] ssnd = new byte[8];
                if (size - body < 8) {
                    throw new SourceException(name + ": truncated AIFF file: the SSND chunk is cut short");
                }
                file.readFully(ssnd);
                final long dataStart = body + 8 + be32(ssnd, 0);
                final long frameBytes = (long)channels * ((bits + 7) / 8);
                final long needed = frames * frameBytes;
                final long available = Math.max(0, size - dataStart);
                if (needed > available) {
                    throw new SourceException(name + ": truncated AIFF file: the header declares " + frames
                        + " frames (" + needed + " bytes) but only " + available + " bytes ("
                        + (frameBytes == 0 ? 0 : available / frameBytes) + " frames) follow");
                }
                return new Result(AudioContainer.AIFF, frames, 0, channels + " channels");
            }
        }
        if (frames < 0) {
            throw new SourceException(name + ": corrupt AIFF file: no COMM chunk");
        }
        if (frames == 0) {
            return new Result(AudioContainer.AIFF, 0, 0, "no samples");
        }
        throw new SourceException(name + ": truncated AIFF file: no SSND chunk");
    }

    // --------------------------------------------------------------------------------------------- FLAC

    private Result flac(final RandomAccessFile file, final long size, final long start) throws IOException {
        if (size < start + 4 + 4 + 34) {
            throw new SourceException(name + ": truncated FLAC file: no complete STREAMINFO block");
        }
        final byte[] block = new byte[4 + 34];
        file.seek(start + 4);
        file.readFully(block);
        if ((block[0] & 0x7F) != 0) {
            throw new SourceException(name + ": corrupt FLAC file: the first metadata block is not STREAMINFO");
        }
        // STREAMINFO bytes 10..17: rate (20 bits) | channels-1 (3) | bits-1 (5) | total samples (36)
        long packed = 0;
        for (int i = 0; i < 8; i++) {
            packed = packed << 8 | block[4 + 10 + i] & 0xFF;
        }
        final long totalSamples = packed & 0xF_FFFF_FFFFL;
        return new Result(AudioContainer.FLAC, totalSamples == 0 ? -1 : totalSamples, 0, "");
    }

    // ---------------------------------------------------------------------------------------------- Ogg

    private Result ogg(final RandomAccessFile file, final long size) throws IOException {
        final byte[] first = new byte[(int)Math.min(size, 27 + 255 + 64)];
        file.seek(0);
        file.readFully(first);
        if (first.length < 27) {
            throw new SourceException(name + ": truncated Ogg file: the first page is cut short");
        }
        final int segments = first[26] & 0xFF;
        final int bodyStart = 27 + segments;
        if (first.length < bodyStart + 8) {
            throw new SourceException(name + ": truncated Ogg file: the first page is cut short");
        }
        final int serial = (int)le32(first, 14);
        if (!(first[bodyStart] == 1 && startsWith(first, bodyStart + 1, "vorbis"))) {
            final String codec;
            if (startsWith(first, bodyStart, "OpusHead")) {
                codec = "Opus";
            } else if (first[bodyStart] == 0x7F && startsWith(first, bodyStart + 1, "FLAC")) {
                codec = "Ogg FLAC";
            } else if (startsWith(first, bodyStart, "Speex")) {
                codec = "Speex";
            } else if (first[bodyStart] == (byte)0x80 && startsWith(first, bodyStart + 1, "theora")) {
                codec = "Theora video";
            } else {
                codec = "an unknown codec";
            }
            throw new SourceException(name + ": unsupported Ogg stream: " + codec + " (only Vorbis is supported)");
        }
        return new Result(AudioContainer.OGG_VORBIS, lastGranule(file, size, serial), 0, "");
    }

    /** The granule position of the last page of the stream: its length in frames. */
    private long lastGranule(final RandomAccessFile file, final long size, final int serial) throws IOException {
        final int tailLength = (int)Math.min(size, OGG_TAIL_BYTES);
        final byte[] tail = new byte[tailLength];
        file.seek(size - tailLength);
        file.readFully(tail);
        for (int i = tailLength - 27; i >= 0; i--) {
            if (!startsWith(tail, i, "OggS") || tail[i + 4] != 0) {
                continue;
            }
            final int segments = tail[i + 26] & 0xFF;
            if (i + 27 + segments > tailLength) {
                continue;
            }
            int bodyLength = 0;
            for (int s = 0; s < segments; s++) {
                bodyLength += tail[i + 27 + s] & 0xFF;
            }
            final long pageEnd = i + 27L + segments + bodyLength;
            if (pageEnd > tailLength) {
                throw new SourceException(name + ": truncated Ogg file: the last page is cut short ("
                    + (pageEnd - tailLength) + " bytes missing)");
            }
            final long granule = le64(tail, i + 6);
            if ((int)le32(tail, i + 14) != serial) {
                throw new SourceException(name + ": unsupported Ogg file: several logical streams (chained or "
                    + "multiplexed); only a single Vorbis stream is supported");
            }
            if (granule == -1) {
                continue;
            }
            final boolean endOfStream = (tail[i + 5] & 0x04) != 0;
            if (!endOfStream) {
                throw new SourceException(name + ": truncated Ogg file: the last page does not end the stream");
            }
            return granule;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------- MP3

    /** @return the size of an ID3v2 tag's body from its 10-byte header (a syncsafe integer, 7 bits a byte) */
    private static long id3v2Size(final byte[] header) {
        return (header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | header[9] & 0x7F;
    }

    private Result mp3(final RandomAccessFile file, final long size, final byte[] head) throws IOException {
        long pos = 0;
        if (startsWith(head, 0, "ID3")) {
            if (head.length < 10) {
                throw new SourceException(name + ": truncated MP3 file: the ID3 tag is cut short");
            }
            pos = 10 + id3v2Size(head) + ((head[5] & 0x10) != 0 ? 10 : 0);
        }
        final byte[] frame = new byte[(int)Math.max(0, Math.min(2048, size - pos))];
        file.seek(Math.min(pos, size));
        file.readFully(frame);
        int at = 0;
        while (at + 4 <= frame.length && !isMpegFrameHeader(frame, at)) {
            at++;
        }
        if (at + 4 > frame.length) {
            throw new SourceException(name + ": corrupt MP3 file: no MPEG audio frame after the ID3 tag");
        }
        final long[] gapless = mp3Gapless(path);
        if (gapless == null) {
            return new Result(AudioContainer.MP3, -1, 0, "no LAME tag: encoder delay kept");
        }
        return new Result(AudioContainer.MP3, gapless[1], gapless[0], "gapless");
    }

    /**
     * Reads the Xing/Info and LAME tags of the first MPEG frame: the number of frames and the encoder delay
     * and padding, so that decoded output can be trimmed to the encoder's input.
     *
     * @param path the file (for messages)
     * @return {frames to skip, frames to keep}, or null when the file has no LAME tag
     * @throws IOException if the file cannot be read
     */
    static long[] mp3Gapless(final Path path) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            final long size = file.length();
            final byte[] head = new byte[(int)Math.min(10, size)];
            file.readFully(head);
            long pos = 0;
            if (startsWith(head, 0, "ID3") && head.length == 10) {
                pos = 10 + id3v2Size(head) + ((head[5] & 0x10) != 0 ? 10 : 0);
            }
            final byte[] frame = new byte[(int)Math.max(0, Math.min(4096, size - pos))];
            file.seek(Math.min(pos, size));
            file.readFully(frame);
            int at = 0;
            while (at + 4 <= frame.length && !isMpegFrameHeader(frame, at)) {
                at++;
            }
            if (at + 4 > frame.length) {
                return null;
            }
            final int versionBits = frame[at + 1] >> 3 & 0x03;
            final int layerBits = frame[at + 1] >> 1 & 0x03;
            if (layerBits != 1) {
                return null;
            }
            final boolean mpeg1 = versionBits == 3;
            final boolean mono = (frame[at + 3] >> 6 & 0x03) == 3;
            final int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
            final int xing = at + 4 + sideInfo;
            if (xing + 8 > frame.length || !(startsWith(frame, xing, "Xing") || startsWith(frame, xing, "Info"))) {
                return null;
            }
            final int flags = (int)be32(frame, xing + 4);
            int field = xing + 8;
            long frames = -1;
            if ((flags & 1) != 0) {
                frames = be32(frame, field);
                field += 4;
            }
            if ((flags & 2) != 0) {
                field += 4;
            }
            if ((flags & 4) != 0) {
                field += 100;
            }
            if ((flags & 8) != 0) {
                field += 4;
            }
            final int lame = field;
            final boolean lameTag = startsWith(frame, lame, "LAME") || startsWith(frame, lame, "Lavc")
                || startsWith(frame, lame, "Lavf") || startsWith(frame, lame, "L3.9");
            if (frames < 0 || lame + 24 > frame.length || !lameTag) {
                return null;
            }
            final int delay = (frame[lame + 21] & 0xFF) << 4 | (frame[lame + 22] & 0xF0) >> 4;
            final int padding = (frame[lame + 22] & 0x0F) << 8 | frame[lame + 23] & 0xFF;
            final int samplesPerFrame = mpeg1 ? 1152 : 576;
            // the Info frame itself decodes to one frame of silence, then the encoder and decoder delays
            final long skip = samplesPerFrame + delay + MP3_DECODER_DELAY_FRAMES;
            final long keep = frames * samplesPerFrame - delay - padding;
            return keep > 0 ? new long[] {skip, keep} : null;
        }
    }

    static boolean isMpegFrameHeader(final byte[] b, final int at) {
        if (at + 4 > b.length) {
            return false;
        }
        if ((b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) {
            return false;
        }
        final int version = b[at + 1] >> 3 & 0x03;
        final int layer = b[at + 1] >> 1 & 0x03;
        final int bitrate = b[at + 2] >> 4 & 0x0F;
        final int rate = b[at + 2] >> 2 & 0x03;
        return version != 1 && layer != 0 && bitrate != 0 && bitrate != 15 && rate != 3;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static boolean startsWith(final byte[] b, final int at, final String text) {
        if (at + text.length() > b.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != (byte)text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(final byte[] b, final int at, final int length) {
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }

    private static int le16(final byte[] b, final int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    private static long le32(final byte[] b, final int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static long le64(final byte[] b, final int at) {
        return le32(b, at) | le32(b, at + 4) << 32;
    }

    private static int be16(final byte[] b, final int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long be32(final byte[] b, final int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }
}
