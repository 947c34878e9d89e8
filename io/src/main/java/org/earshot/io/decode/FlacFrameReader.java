package org.earshot.io.decode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.earshot.io.flac.FlacDamage;
import org.earshot.io.flac.FlacErrorPolicy;
import org.earshot.io.flac.FlacReader;
import org.earshot.io.flac.FlacStreamInfo;

/**
 * Reads FLAC files with earshot's own decoder ({@link FlacReader}). A stream that ends early reads as
 * ended when STREAMINFO declares the length, so that {@link AudioFileDecoder} reports the shortfall against
 * that length; without a declared length the {@link EOFException} passes on. Corrupt frames are played as
 * silence and the stream goes on ({@link FlacErrorPolicy#CONCEAL}); {@link #concealedDamage()} says what was
 * lost.
 */
final class FlacFrameReader implements FrameReader {
    private final FlacReader flac;
    private final boolean lengthDeclared;
    private boolean ended;

    private FlacFrameReader(final FlacReader flac) {
        this.flac = flac;
        this.lengthDeclared = flac.streamInfo().totalFrames() > 0;
    }

    /**
     * @param path a FLAC file
     * @return the reader, positioned at the first frame
     * @throws IOException if the file cannot be read, is not FLAC, or its metadata is corrupt
     */
    static FlacFrameReader open(final Path path) throws IOException {
        final InputStream in = Files.newInputStream(path);
        try {
            return new FlacFrameReader(new FlacReader(in, FlacErrorPolicy.CONCEAL));
        } catch (final IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
    }

    /** @return the stream's STREAMINFO */
    FlacStreamInfo streamInfo() {
        return flac.streamInfo();
    }

    @Override
    public int read(final float[] dst, final int maxFrames) throws IOException {
        if (ended) {
            return -1;
        }
        try {
            return flac.read(dst, maxFrames);
        } catch (final EOFException ex) {
            if (!lengthDeclared) {
                throw ex;
            }
            ended = true;
            return -1;
        }
    }

    @Override
    public String concealedDamage() {
        final FlacDamage damage = flac.damage();
        if (damage == null) {
            return null;
        }
        final int rateHz = flac.streamInfo().sampleRateHz();
        final String where = seconds(damage.firstAtFrame(), rateHz);
        return damage.firstProblem() + "; " + seconds(damage.silencedFrames(), rateHz) + " of audio played as silence"
            + (damage.corruptStretches() == 1 ? " from " + where
                : " in " + damage.corruptStretches() + " corrupt stretches, the first from " + where);
    }

    private static String seconds(final long frames, final int rateHz) {
        return String.format(Locale.ROOT, "%.3f s", frames / (double)rateHz);
    }

    @Override
    public void close() throws IOException {
        flac.close();
    }
}
