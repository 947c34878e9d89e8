package org.earshot.bench.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.train.Noises;
import org.earshot.io.wav.WavEncoding;
import org.earshot.io.wav.WavWriter;

/**
 * {@code speech-alarms [--utterances N] [--seed S] [--model FILE] [--sensitivity S] [--keep TALK.wav]}, or
 * {@code speech-alarms --noizeus DIR [--model FILE] [--sensitivity S]}: the alerts a room raises while people talk.
 * With {@code --noizeus}, real talkers in real noise instead: the NOIZEUS pairs of {@code ../shared/eval/denoise}
 * (15 IEEE sentences read by the NOIZEUS talkers, each in airport, babble, car, exhibition and restaurant noise at 0,
 * 5, 10 and 15 dB SNR, 8 kHz), the 15 noisy sentences of one noise and SNR joined with 50 ms crossfades into one stream
 * of about 40 s (20 streams, 13.1 minutes), each scored as the generated talk is. Nothing of NOIZEUS is in the
 * training data. Generates a stream of synthetic speech with espeak-ng (sentences, voices, speeds and pitches that the
 * built-in model's extra negatives do not use; pauses of 0.3 to 3 s between sentences; each sentence at its own level,
 * 20 to 35 dB above a pink-noise bed at about -50 dBFS), runs the room-monitor graph over it at 16 kHz, as
 * {@code events} does for a scene, and prints the events by label: {@code speech} events are right, anything else
 * (a cough, a sneeze, an impact) is a false alarm, counted per hour of talk. Needs {@code espeak-ng} on the PATH.
 */
public final class SpeechAlarms {
    private static final int RATE_HZ = 16_000;
    /** Sentences not among those of {@code make-negatives.sh}, which the built-in model was trained with. */
    private static final List<String> SENTENCES = List.of(
        "The garden needs watering before the sun gets too hot.",
        "My grandson is coming to visit on Sunday afternoon.",
        "Turn the television down a little, it is very loud.",
        "Have you seen the cat? She was on the sofa a minute ago.",
        "The nurse said the results will be ready next week.",
        "I think it is going to rain, take an umbrella with you.",
        "We used to go dancing every Saturday night when we were young.",
        "Could you open the window, it is warm in here.",
        "The soup needs a little more salt and pepper.",
        "Read me the letter from your sister again, please.",
        "Ha ha ha, that is the funniest thing I have heard all day.",
        "Oh no, I dropped my book behind the chair.",
        "Quiet please, the programme is about to start.",
        "Tomorrow we have an appointment at ten thirty.",
        "Put the kettle on, the neighbours are coming over.",
        "Did you lock the back door before we went to bed?");
    /** Voices and variants not among those of {@code make-negatives.sh}. */
    private static final List<String> VOICES = List.of("en-us+m1", "en+f3", "en-gb-x-rp+m4", "en-us+f4", "en+m7",
        "en-gb+f1", "de+m2", "fr+f2", "es+m3", "it+f5", "sv+m1", "cs+f3");

    private SpeechAlarms() {
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        int utterances = 96;
        long seed = 7;
        Path modelPath = null;
        double sensitivity = 0.5;
        Path keep = null;
        Path noizeus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--noizeus" -> noizeus = Path.of(args[++i]);
                case "--utterances" -> utterances = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--model" -> modelPath = Path.of(args[++i]);
                case "--sensitivity" -> sensitivity = Double.parseDouble(args[++i]);
                case "--keep" -> keep = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: speech-alarms [--utterances N] [--seed S] [--model FILE] "
                        + "[--sensitivity S] [--keep TALK.wav] | speech-alarms --noizeus DIR [--model FILE] "
                        + "[--sensitivity S]");
                    return 2;
                }
            }
        }
        final ClassifierModel model = modelPath == null ? ClassifierModel.builtIn() : ClassifierModel.read(modelPath);
        if (noizeus != null) {
            return noizeus(noizeus, model, sensitivity);
        }
        final float[] x = talk(utterances, seed);
        if (keep != null) {
            try (WavWriter w = new WavWriter(keep, RATE_HZ, 1, WavEncoding.PCM_16)) {
                w.write(x, 0, x.length);
            }
        }
        final double hours = x.length / (double)RATE_HZ / 3600;
        final List<EventEval.Detection> found = EventEval.detect(model, x, sensitivity);
        final Map<String, Integer> byLabel = new TreeMap<>();
        for (final EventEval.Detection d : found) {
            byLabel.merge(d.event().label(), 1, Integer::sum);
        }
        final int alarms = found.size() - byLabel.getOrDefault("speech", 0);
        System.out.printf(java.util.Locale.ROOT, "speech-alarms: %d sentences of espeak-ng speech, %.1f min, "
            + "seed %d, sensitivity %.2f%n", utterances, hours * 60, seed, sensitivity);
        System.out.println("events by label: " + byLabel);
        System.out.printf(java.util.Locale.ROOT, "false alarms (events other than speech): %d = %.1f per hour of "
            + "talk%n", alarms, alarms / hours);
        for (final EventEval.Detection d : found) {
            if (!d.event().label().equals("speech")) {
                System.out.printf(java.util.Locale.ROOT, "  %-14s %8.3f %8.3f conf %.2f%n", d.event().label(),
                    d.event().onset(), d.event().offset(), d.confidence());
            }
        }
        return 0;
    }

    /** Noises of the NOIZEUS pairs, in the order printed. */
    static final List<String> NOIZEUS_NOISES = List.of("airport", "babble", "car", "exhibition", "restaurant");
    /** Their SNRs, dB. */
    static final int[] NOIZEUS_SNRS = {0, 5, 10, 15};
    /** Sentences per noise and SNR. */
    private static final int NOIZEUS_SENTENCES = 15;
    /** Crossfade between joined sentences, seconds. */
    private static final double CROSSFADE_S = 0.05;

    /** The {@code --noizeus} run: one stream per noise and SNR, alerts other than speech counted. */
    private static int noizeus(final Path dir, final ClassifierModel model, final double sensitivity)
        throws Exception {
        final Map<String, Integer> total = new TreeMap<>();
        int alarms = 0;
        double seconds = 0;
        final StringBuilder detail = new StringBuilder();
        final List<float[]> streams = noizeusStreams(dir);
        System.out.printf(java.util.Locale.ROOT, "speech-alarms: NOIZEUS in %s, sensitivity %.2f: alerts other than "
            + "speech per stream (15 sentences, one noise, one SNR)%n", dir, sensitivity);
        System.out.printf(java.util.Locale.ROOT, "%-11s %8s %8s %8s %8s%n", "noise", "0 dB", "5 dB", "10 dB",
            "15 dB");
        int stream = 0;
        for (final String noise : NOIZEUS_NOISES) {
            final StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "%-11s", noise));
            for (final int snr : NOIZEUS_SNRS) {
                final float[] x = streams.get(stream++);
                seconds += x.length / (double)RATE_HZ;
                int here = 0;
                for (final EventEval.Detection d : EventEval.detect(model, x, sensitivity)) {
                    final String label = d.event().label();
                    total.merge(label, 1, Integer::sum);
                    if (!label.equals("speech")) {
                        here++;
                        detail.append(String.format(java.util.Locale.ROOT, "  %-10s %2d dB  %-14s %7.3f %7.3f conf "
                            + "%.2f%n", noise, snr, label, d.event().onset(), d.event().offset(), d.confidence()));
                    }
                }
                alarms += here;
                row.append(String.format(java.util.Locale.ROOT, " %8d", here));
            }
            System.out.println(row);
        }
        final double hours = seconds / 3600;
        System.out.printf(java.util.Locale.ROOT, "%.1f min of speech in noise; events by label: %s%n", hours * 60,
            total);
        System.out.printf(java.util.Locale.ROOT, "false alarms (events other than speech): %d = %.1f per hour%n",
            alarms, alarms / hours);
        System.out.print(detail);
        return 0;
    }

    /**
     * The NOIZEUS streams played one after another.
     *
     * @param samples every stream, at 16 kHz
     * @param starts  the sample each stream starts at, noise by noise ({@link #NOIZEUS_NOISES}) and SNR by SNR
     *                ({@link #NOIZEUS_SNRS}), plus the total length at the end
     */
    record Joined(float[] samples, int[] starts) {
        /** @return the index of the stream the sample {@code at} belongs to */
        int streamOf(final long at) {
            int s = 0;
            while (s + 2 < starts.length && at >= starts[s + 1]) {
                s++;
            }
            return s;
        }
    }

    /**
     * Every NOIZEUS stream of {@code --noizeus}, one after another (noise by noise, SNR by SNR), at 16 kHz.
     *
     * @param dir the folder of the NOIZEUS pairs
     * @return about 13 minutes of real talk in everyday noise, and where each stream starts
     * @throws IOException if a file cannot be decoded
     * @throws IllegalArgumentException if a file is missing
     */
    static Joined allNoizeus(final Path dir) throws IOException {
        final List<float[]> streams = noizeusStreams(dir);
        final float[] all = new float[streams.stream().mapToInt(x -> x.length).sum()];
        final int[] starts = new int[streams.size() + 1];
        int at = 0;
        for (int s = 0; s < streams.size(); s++) {
            starts[s] = at;
            System.arraycopy(streams.get(s), 0, all, at, streams.get(s).length);
            at += streams.get(s).length;
        }
        starts[streams.size()] = at;
        return new Joined(all, starts);
    }

    /** The 20 streams, noise by noise ({@link #NOIZEUS_NOISES}) and SNR by SNR ({@link #NOIZEUS_SNRS}). */
    private static List<float[]> noizeusStreams(final Path dir) throws IOException {
        final List<float[]> streams = new java.util.ArrayList<>();
        for (final String noise : NOIZEUS_NOISES) {
            for (final int snr : NOIZEUS_SNRS) {
                streams.add(joined(dir, noise, snr));
            }
        }
        return streams;
    }

    /** The 15 noisy sentences of one noise and SNR, at 16 kHz, joined with short crossfades. */
    private static float[] joined(final Path dir, final String noise, final int snr) throws IOException {
        final int fade = (int)Math.round(CROSSFADE_S * RATE_HZ);
        float[] out = new float[0];
        for (int sp = 1; sp <= NOIZEUS_SENTENCES; sp++) {
            final float[] s = ClipLoader.decode(noizeusFile(dir, sp, noise, snr), RATE_HZ);
            final int overlap = Math.min(fade, Math.min(out.length, s.length));
            final float[] next = java.util.Arrays.copyOf(out, out.length + s.length - overlap);
            for (int i = 0; i < s.length; i++) {
                final int at = out.length - overlap + i;
                if (i < overlap) {
                    final float w = (i + 0.5f) / overlap;
                    next[at] = next[at] * (1 - w) + s[i] * w;
                } else {
                    next[at] = s[i];
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * @return the noisy NOIZEUS sentence {@code sp} in {@code noise} at {@code snr} dB
     * @throws IllegalArgumentException naming the file if it is missing
     */
    static Path noizeusFile(final Path dir, final int sp, final String noise, final int snr) {
        final Path file = dir.resolve(String.format(java.util.Locale.ROOT, "noizeus_sp%02d_%s_%02ddB.noisy.flac", sp,
            noise, snr));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--noizeus: " + file + " is missing (the NOIZEUS pairs of "
                + "../shared/eval/denoise are expected there)");
        }
        return file;
    }

    /** The talk: sentences with pauses over a pink-noise bed, 16 kHz mono. */
    static float[] talk(final int utterances, final long seed) throws IOException, InterruptedException {
        final SplittableRandom random = new SplittableRandom(seed);
        final Path dir = Files.createTempDirectory("earshot-speech");
        try {
            final java.util.ArrayList<float[]> parts = new java.util.ArrayList<>();
            int total = RATE_HZ * 3;
            for (int u = 0; u < utterances; u++) {
                final Path wav = dir.resolve("u" + u + ".wav");
                final Process p = new ProcessBuilder("espeak-ng", "-v", VOICES.get(random.nextInt(VOICES.size())),
                    "-s", Integer.toString(random.nextInt(120, 201)), "-p", Integer.toString(random.nextInt(10, 91)),
                    "-w", wav.toString(), SENTENCES.get(random.nextInt(SENTENCES.size())))
                    .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("espeak-ng failed (is it installed? apt-get install espeak-ng)");
                }
                final float[] s = ClipLoader.decode(wav, RATE_HZ);
                // peak-normalise, then 20 to 35 dB above the bed's RMS (-50 dBFS): a voice across a quiet room
                float peak = 1e-9f;
                for (final float v : s) {
                    peak = Math.max(peak, Math.abs(v));
                }
                final double gain = Math.pow(10, (-50 + random.nextDouble(20, 35) + 12) / 20) / peak;
                for (int i = 0; i < s.length; i++) {
                    s[i] *= (float)gain;
                }
                final float[] pause = new float[(int)(random.nextDouble(0.3, 3.0) * RATE_HZ)];
                parts.add(s);
                parts.add(pause);
                total += s.length + pause.length;
            }
            // 3 s of bed before the first sentence and after the last
            final float[] x = new float[total + RATE_HZ * 3];
            int at = RATE_HZ * 3;
            for (final float[] part : parts) {
                System.arraycopy(part, 0, x, at, part.length);
                at += part.length;
            }
            addPinkNoise(x, RATE_HZ, Math.pow(10, -50 / 20.0), random);
            return x;
        } finally {
            try (var files = Files.list(dir)) {
                for (final Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Adds pink noise (the trainer's generator, RMS 0.1) at the given RMS.
     *
     * @param x      samples, changed in place
     * @param rateHz their rate
     * @param rms    the noise's RMS, full scale 1
     * @param random the noise's source of randomness
     */
    static void addPinkNoise(final float[] x, final int rateHz, final double rms, final SplittableRandom random) {
        final float[] n = Noises.generate(java.util.Arrays.asList(Noises.KINDS).indexOf("pink"), x.length, rateHz,
            random);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float)(rms / 0.1 * n[i]);
        }
    }
}
