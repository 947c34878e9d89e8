package org.earshot.bench.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelExtractor;

/**
 * {@code voicing [--threshold V] [--loud DB] [--each] FILE...}: the room monitor's front end (16 kHz, 25 ms Hann
 * window, 10 ms hop) over the files, one after another, and how its voicing ({@link org.earshot.dsp.stft.Voicing})
 * reads them: the mean over every frame and the share of frames at the threshold or above (default 0.5, the impact
 * detector's "voiced"). With {@code --loud DB}, only the frames within that many dB of each file's loudest frame count
 * (the sound, not the silence around it); with {@code --each}, one line per file as well. A diagnostic for the impact
 * detector's voice test: run it on speech and on noises to see how far apart they read.
 */
public final class VoicingShare {
    private static final int RATE_HZ = 16_000;
    private static final double DEFAULT_THRESHOLD = 0.5;

    private VoicingShare() {
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception if a file cannot be decoded
     */
    public static int run(final String[] args) throws Exception {
        double threshold = DEFAULT_THRESHOLD;
        double loudDb = Double.POSITIVE_INFINITY;
        boolean each = false;
        final List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threshold")) {
                threshold = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--loud")) {
                loudDb = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--each")) {
                each = true;
            } else if (args[i].startsWith("--")) {
                throw new IllegalArgumentException("voicing: unknown option " + args[i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("voicing: name at least one audio file");
        }
        final int hop = FeatureSettings.defaults().hop();
        long frames = 0;
        long voiced = 0;
        double sum = 0;
        for (final Path file : files) {
            final float[] x = ClipLoader.decode(file, RATE_HZ);
            final LogMelExtractor front = new LogMelExtractor(FeatureSettings.defaults(), RATE_HZ, hop, true);
            final List<float[]> read = new ArrayList<>();
            float loudest = -Float.MAX_VALUE;
            for (int at = 0; at + hop <= x.length; at += hop) {
                final int n = front.feed(x, at, hop);
                for (int i = 0; i < n; i++) {
                    read.add(new float[] {front.energyDb(i), front.voicing(i)});
                    loudest = Math.max(loudest, front.energyDb(i));
                }
            }
            long fileFrames = 0;
            long fileVoiced = 0;
            for (final float[] f : read) {
                if (f[0] >= loudest - loudDb) {
                    sum += f[1];
                    fileVoiced += f[1] >= threshold ? 1 : 0;
                    fileFrames++;
                }
            }
            frames += fileFrames;
            voiced += fileVoiced;
            if (each) {
                System.out.printf(Locale.ROOT, "%s: %d frames, %.1f %% voiced%n", file, fileFrames,
                    fileFrames == 0 ? 0.0 : 100.0 * fileVoiced / fileFrames);
            }
        }
        System.out.printf(Locale.ROOT, "voicing: %d files, %d frames: mean %.3f, %.1f %% of frames at %.2f or above%n",
            files.size(), frames, frames == 0 ? 0.0 : sum / frames, frames == 0 ? 0.0 : 100.0 * voiced / frames,
            threshold);
        return 0;
    }
}
