package org.earshot.io.decode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;

import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.flac.FlacStreamInfo;

/**
 * Streams one audio file as mono float samples at the file's own rate: one chosen channel, or the mean
 * of all channels. WAV, AIFF and AU go through Java Sound's {@link AudioSystem}; MP3 through the Java Sound
 * service provider of mp3spi, picked by the format identified from the first bytes (so that a permissive
 * provider never claims a garbage file) and converted to PCM by {@link AudioSystem}; FLAC is decoded by
 * earshot's own {@link org.earshot.io.flac.FlacReader} (faster than jflac, and it checks every frame's CRC);
 * Ogg Vorbis is decoded with JOrbis directly, because vorbisspi stops early on files that end in digital
 * silence (and returns nothing for some short mono files).
 *
 * <p>The file is identified from its first bytes and its header checked before decoding starts. While
 * decoding, the output is held to the length the file declares (WAV/AIFF data size, FLAC STREAMINFO,
 * the last Ogg page's granule position, an MP3's LAME tag, whose encoder delay and padding are trimmed so
 * that sample 0 is the encoder's first input sample); a stream that ends short is reported, never
 * silently truncated. Non-finite samples are reported with their frame offset. A FLAC frame that fails its
 * CRC is played as silence and decoding goes on at the next good frame; once the stream has been read to its
 * end, {@link #read} reports what was lost (which frame, where, how much silence) as an error.
 *
 * <p>Not thread-safe. {@link #read} allocates nothing after {@link #open}.
 */
public final class AudioFileDecoder implements AutoCloseable {
    /** Lowest sample rate accepted, in Hz. */
    public static final int MIN_RATE_HZ = 8_000;
    /** Highest sample rate accepted, in Hz. */
    public static final int MAX_RATE_HZ = 192_000;
    /** Most channels accepted. */
    public static final int MAX_CHANNELS = 32;
    /** Frames decoded per chunk. */
    static final int CHUNK_FRAMES = 4096;

    private final AudioFileInfo info;
    private final ChannelSelection selection;
    private final FrameReader reader;
    private final String name;
    private final float[] chunk;
    private final int channels;
    private final long declaredFrames;
    private final boolean floatingPoint;
    private long skipRemaining;
    private int chunkPos;
    private int chunkFrames;
    private long framesDecoded;
    private long framesRead;
    private boolean ended;
    private boolean damageReported;

    private AudioFileDecoder(
        final AudioFileInfo info, final ChannelSelection selection, final FrameReader reader, final long skipFrames) {
        this.info = info;
        this.selection = selection;
        this.reader = reader;
        this.name = info.path().toString();
        this.channels = info.channels();
        this.floatingPoint = isFloatingPoint();
        this.chunk = new float[CHUNK_FRAMES * channels];
        this.declaredFrames = info.frameLength();
        this.skipRemaining = skipFrames;
    }

    /**
     * Opens a file for decoding.
     *
     * @param path      the file
     * @param selection the channel to keep, or downmix
     * @return the decoder, positioned at the first frame
     * @throws SourceException naming the file and the problem: missing, empty, unreadable, unrecognised,
     *                         unsupported, corrupt or truncated file, rate or channel count out of range,
     *                         chosen channel missing
     */
    public static AudioFileDecoder open(final Path path, final ChannelSelection selection) throws SourceException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        if (selection == null) {
            throw new IllegalArgumentException("selection must not be null");
        }
        final String name = path.toString();
        final FileProbe.Result probe = FileProbe.probe(path);
        final AudioContainer container = probe.container();
        final String kind = container.displayName();
        FrameReader reader = null;
        try {
            final AudioFileInfo info;
            if (container == AudioContainer.OGG_VORBIS) {
                final OggVorbisFrameReader ogg = openOgg(path, name);
                reader = ogg;
                info = new AudioFileInfo(path, container, "VORBIS", ogg.sampleRateHz(), ogg.channels(), 0,
                    probe.declaredFrames());
            } else if (container == AudioContainer.FLAC) {
                final FlacFrameReader flac = FlacFrameReader.open(path);
                reader = flac;
                final FlacStreamInfo stream = flac.streamInfo();
                info = new AudioFileInfo(path, container, "FLAC", stream.sampleRateHz(), stream.channels(),
                    stream.bitsPerSample(), probe.declaredFrames());
            } else {
                final AudioInputStream encoded = openJavaSound(path, name, container);
                final AudioFormat format = encoded.getFormat();
                final AudioInputStream pcm = toPcm(encoded, name, kind);
                reader = new JavaSoundFrameReader(pcm, CHUNK_FRAMES);
                final boolean lossy = container == AudioContainer.MP3;
                info = new AudioFileInfo(path, container, format.getEncoding().toString(),
                    Math.round(format.getSampleRate()), format.getChannels(),
                    lossy ? 0 : Math.max(0, format.getSampleSizeInBits()), probe.declaredFrames());
            }
            checkRanges(info, selection, name);
            return new AudioFileDecoder(info, selection, reader, probe.skipFrames());
        } catch (final SourceException ex) {
            closeQuietly(reader);
            throw ex;
        } catch (final IOException | RuntimeException ex) {
            closeQuietly(reader);
            throw new SourceException(name + ": corrupt " + kind + " file: " + describe(ex), ex);
        }
    }

    /**
     * Reads a file's header without decoding: format, rate, channels, declared length.
     *
     * @param path the file
     * @return what the file declares
     * @throws SourceException as {@link #open}
     */
    public static AudioFileInfo probe(final Path path) throws SourceException {
        try (AudioFileDecoder decoder = open(path, ChannelSelection.DOWNMIX)) {
            return decoder.info();
        }
    }

    private static OggVorbisFrameReader openOgg(final Path path, final String name) throws IOException {
        final InputStream in = new BufferedInputStream(Files.newInputStream(path), 16_384);
        try {
            return new OggVorbisFrameReader(in, name);
        } catch (final IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

    private static AudioInputStream openJavaSound(final Path path, final String name, final AudioContainer container)
        throws IOException {
        final InputStream in = new EofGuardInputStream(new BufferedInputStream(Files.newInputStream(path), 65_536));
        try {
            switch (container) {
                case MP3:
                    return new javazoom.spi.mpeg.sampled.file.MpegAudioFileReader().getAudioInputStream(in);
                default:
                    return openWithJdkReaders(in);
            }
        } catch (final UnsupportedAudioFileException ex) {
            in.close();
            throw new SourceException(name + ": corrupt or unsupported " + container.displayName() + " file (no Java "
                + "Sound reader accepts it)", ex);
        } catch (final IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

    /**
     * WAV, AIFF and AU through the JDK's own readers only (the service providers of the platform class loader):
     * what {@link AudioSystem#getAudioInputStream(InputStream)} does, without offering the file to the MP3, Ogg
     * and FLAC providers on the class path first (loading and trying them cost about 70 ms of start-up on one
     * core, and a permissive one could claim a damaged WAV).
     */
    private static AudioInputStream openWithJdkReaders(final InputStream in)
        throws UnsupportedAudioFileException, IOException {
        for (final AudioFileReader reader
            : ServiceLoader.load(AudioFileReader.class, ClassLoader.getPlatformClassLoader())) {
            try {
                return reader.getAudioInputStream(in);
            } catch (final UnsupportedAudioFileException ex) {
                // not this reader's format: the next one
            }
        }
        throw new UnsupportedAudioFileException("no JDK reader accepts the stream");
    }

    private static AudioInputStream toPcm(final AudioInputStream encoded, final String name, final String kind)
        throws IOException {
        final AudioFormat source = encoded.getFormat();
        if (JavaSoundFrameReader.canRead(source)) {
            return encoded;
        }
        // the guard sits between the encoded stream and the decoder, which would otherwise see the encoded
        // stream's own end-of-length -1 for ever (jflac spins on it after corrupt data)
        final AudioInputStream guarded = new AudioInputStream(new EofGuardInputStream(encoded), source,
            AudioSystem.NOT_SPECIFIED);
        final int channels = source.getChannels();
        final int sourceBits = source.getSampleSizeInBits();
        final int bits = sourceBits == 24 || sourceBits == 32 ? sourceBits : 16;
        for (final int wantBits : new int[] {bits, 16}) {
            final AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(),
                wantBits, channels, channels * (wantBits / 8), source.getSampleRate(), false);
            if (channels > 0 && AudioSystem.isConversionSupported(target, source)) {
                final AudioInputStream pcm = AudioSystem.getAudioInputStream(target, guarded);
                if (JavaSoundFrameReader.canRead(pcm.getFormat())) {
                    return pcm;
                }
                pcm.close();
                break;
            }
        }
        encoded.close();
        throw new SourceException(name + ": unsupported " + kind + " encoding: " + source.getEncoding() + ", "
            + source.getSampleSizeInBits() + " bit (no Java Sound converter to PCM)");
    }

    private static void checkRanges(final AudioFileInfo info, final ChannelSelection selection, final String name)
        throws SourceException {
        if (info.sampleRateHz() < MIN_RATE_HZ || info.sampleRateHz() > MAX_RATE_HZ) {
            throw new SourceException(name + ": sample rate " + info.sampleRateHz() + " Hz is out of range ["
                + MIN_RATE_HZ + ", " + MAX_RATE_HZ + "] Hz");
        }
        if (info.channels() < 1 || info.channels() > MAX_CHANNELS) {
            throw new SourceException(name + ": " + info.channels() + " channels is out of range [1, "
                + MAX_CHANNELS + "]");
        }
        if (!selection.fits(info.channels())) {
            throw new SourceException(name + ": channel " + selection.channel() + " does not exist: the file has "
                + info.channels() + (info.channels() == 1 ? " channel (0)" : " channels (0-" + (info.channels() - 1)
                + ")"));
        }
    }

    /** @return what the file declares */
    public AudioFileInfo info() {
        return info;
    }

    /** @return the channel selection */
    public ChannelSelection selection() {
        return selection;
    }

    /** @return the file's sample rate in Hz: the rate of the samples {@link #read} delivers */
    public int sampleRateHz() {
        return info.sampleRateHz();
    }

    /** @return the file's channel count */
    public int channels() {
        return channels;
    }

    /** @return frames the whole stream holds, -1 if the file does not declare it (MP3 without LAME tag, AU) */
    public long frameLength() {
        return declaredFrames;
    }

    /** @return mono frames delivered so far */
    public long framesRead() {
        return framesRead;
    }

    /**
     * Reads mono frames; blocks until at least one is decoded or the file ends. Allocation-free.
     *
     * @param dst       destination
     * @param offset    first index to write
     * @param maxFrames most frames to read, 1 or more
     * @return frames read (1 or more), or -1 at the end of the file
     * @throws SourceException naming the file and the problem: corrupt data, a stream shorter than
     *                         declared, a NaN or infinite sample (with its frame offset)
     */
    public int read(final float[] dst, final int offset, final int maxFrames) throws SourceException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
        }
        while (chunkPos == chunkFrames) {
            if (ended || !fill()) {
                reportConcealedDamage();
                return -1;
            }
        }
        final int frames = Math.min(maxFrames, chunkFrames - chunkPos);
        if (selection.downmix() && channels == 2) {
            for (int i = 0, at = 2 * chunkPos; i < frames; i++, at += 2) {
                dst[offset + i] = (chunk[at] + chunk[at + 1]) * 0.5f;
            }
        } else if (selection.downmix()) {
            final float scale = 1f / channels;
            for (int i = 0; i < frames; i++) {
                final int base = (chunkPos + i) * channels;
                float sum = 0f;
                for (int c = 0; c < channels; c++) {
                    sum += chunk[base + c];
                }
                dst[offset + i] = sum * scale;
            }
        } else {
            final int channel = selection.channel();
            for (int i = 0; i < frames; i++) {
                dst[offset + i] = chunk[(chunkPos + i) * channels + channel];
            }
        }
        chunkPos += frames;
        framesRead += frames;
        return frames;
    }

    /** Decodes the next chunk: false at the end. */
    /** At the end: a stream that played corrupt parts as silence is an error, reported once, after all of it. */
    private void reportConcealedDamage() throws SourceException {
        if (damageReported) {
            return;
        }
        damageReported = true;
        final String damage = reader.concealedDamage();
        if (damage != null) {
            throw new SourceException(name + ": corrupt " + info.container().displayName() + " file: " + damage);
        }
    }

    private boolean fill() throws SourceException {
        while (true) {
            final int n = decode();
            if (n < 0) {
                ended = true;
                final String damage = reader.concealedDamage();
                if (declaredFrames >= 0 && framesDecoded < declaredFrames) {
                    throw new SourceException(name + ": truncated " + info.container().displayName()
                        + " file: " + lengthSource(info.container()) + " declares " + declaredFrames
                        + " frames but the stream ends after " + framesDecoded
                        + (damage == null ? "" : "; before that, " + damage));
                }
                return false;
            }
            int start = 0;
            if (skipRemaining > 0) {
                start = (int)Math.min(n, skipRemaining);
                skipRemaining -= start;
            }
            int frames = n - start;
            if (declaredFrames >= 0 && framesDecoded + frames >= declaredFrames) {
                frames = (int)(declaredFrames - framesDecoded);
                ended = true;
            }
            if (start > 0 && frames > 0) {
                System.arraycopy(chunk, start * channels, chunk, 0, frames * channels);
            }
            if (floatingPoint) {
                checkFinite(frames);
            }
            framesDecoded += frames;
            chunkPos = 0;
            chunkFrames = frames;
            if (frames > 0) {
                return true;
            }
            if (ended) {
                return false;
            }
        }
    }

    private int decode() throws SourceException {
        try {
            return reader.read(chunk, CHUNK_FRAMES);
        } catch (final SourceException ex) {
            throw ex;
        } catch (final IOException | RuntimeException ex) {
            throw new SourceException(name + ": corrupt " + info.container().displayName() + " file: decoding failed"
                + " near frame " + framesDecoded + ": " + describe(ex), ex);
        }
    }

    /** Only floating-point encodings can hold NaN or infinity; integer PCM (and every codec here) cannot. */
    private boolean isFloatingPoint() {
        return "PCM_FLOAT".equals(info.encoding());
    }

    private void checkFinite(final int frames) throws SourceException {
        final int samples = frames * channels;
        for (int i = 0; i < samples; i++) {
            final float v = chunk[i];
            if (!Float.isFinite(v)) {
                final long frame = framesDecoded + i / channels;
                throw new SourceException(name + ": " + (Float.isNaN(v) ? "NaN" : "infinite") + " sample at frame "
                    + frame + " (channel " + i % channels + ", " + String.format("%.3f", frame
                    / (double)info.sampleRateHz()) + " s)");
            }
        }
    }

    private static String lengthSource(final AudioContainer container) {
        switch (container) {
            case FLAC:
                return "STREAMINFO";
            case MP3:
                return "the LAME tag";
            case OGG_VORBIS:
                return "the last page's granule position";
            default:
                return "the header";
        }
    }

    private static String describe(final Throwable ex) {
        final String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message.strip()
            .replace('\n', ' ');
    }

    private static void closeQuietly(final FrameReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (final IOException ignored) {
                // already failing
            }
        }
    }

    /** Closes the file. */
    @Override
    public void close() throws SourceException {
        try {
            reader.close();
        } catch (final IOException ex) {
            throw new SourceException(name + ": cannot close the file: " + describe(ex), ex);
        }
    }

    @Override
    public String toString() {
        return "AudioFileDecoder[" + name + ", " + info.container().displayName() + ", " + info.sampleRateHz()
            + " Hz, " + channels + " ch, " + selection.describe() + "]";
    }
}
