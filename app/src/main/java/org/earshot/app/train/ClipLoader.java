package org.earshot.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.earshot.detectors.classify.train.LabelledClip;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.ChannelSelection;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;
import org.earshot.io.source.Pacing;

/**
 * Decodes labelled files (WAV, AIFF, FLAC, MP3, Ogg) with the product's decoder, mixed down to mono and
 * resampled to the analysis rate, into training clips.
 */
public final class ClipLoader {
    private ClipLoader() {
    }

    /**
     * @param file   an audio file
     * @param rateHz rate to resample to
     * @return its samples, mono
     * @throws IOException naming the file if it cannot be decoded
     */
    public static float[] decode(final Path file, final int rateHz) throws IOException {
        try (AudioSource s = FileSource.open(file, new FileSourceOptions(rateHz, ChannelSelection.DOWNMIX,
            Pacing.AS_FAST_AS_POSSIBLE, false))) {
            float[] buf = new float[rateHz * 10];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                final int r = s.read(buf, n, buf.length - n);
                if (r == AudioSource.END_OF_STREAM) {
                    break;
                }
                n += r;
            }
            return java.util.Arrays.copyOf(buf, n);
        } catch (final IOException ex) {
            throw ex;
        } catch (final Exception ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Decodes every entry (two at a time).
     *
     * @param entries labelled files
     * @param rateHz  rate to resample to
     * @return the clips, in entry order; empty files are skipped
     * @throws IOException for the first file that cannot be decoded
     */
    public static List<LabelledClip> load(final List<LabelsCsv.Entry> entries, final int rateHz) throws IOException {
        final float[][] audio = new float[entries.size()][];
        final AtomicReference<IOException> failure = new AtomicReference<>();
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            try {
                audio[i] = decode(entries.get(i).file(), rateHz);
            } catch (final IOException ex) {
                failure.compareAndSet(null, ex);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        final List<LabelledClip> clips = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (audio[i].length > 0) {
                final LabelsCsv.Entry e = entries.get(i);
                clips.add(new LabelledClip(e.file().toString(), e.group(), e.label(), audio[i], rateHz));
            }
        }
        return clips;
    }
}
