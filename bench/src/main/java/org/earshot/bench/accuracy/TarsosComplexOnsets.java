package org.earshot.bench.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.onsets.ComplexOnsetDetector;
import org.earshot.io.ChannelSelection;
import org.earshot.io.decode.AudioFileDecoder;

/**
 * The peer: TarsosDSP's {@code ComplexOnsetDetector} with its default settings (threshold 0.3, silence
 * -70 dB, minimum inter-onset interval 30 ms) on 1024-sample buffers with 512 samples of overlap (the setting
 * that gives the F = 0.751 quoted in the onset issue; 512/256 can be asked for with {@code --tarsos-buffer} and
 * {@code --tarsos-overlap}). The file is decoded with earshot's decoder (mono downmix, native rate) and handed to
 * TarsosDSP as a float array.
 */
final class TarsosComplexOnsets implements OnsetSystem {
    /** Default FFT / buffer size. */
    static final int DEFAULT_BUFFER = 1024;
    /** Default overlap between buffers. */
    static final int DEFAULT_OVERLAP = 512;

    private final int buffer;
    private final int overlap;

    /**
     * @param buffer  FFT / buffer size in samples
     * @param overlap overlap between consecutive buffers in samples
     */
    TarsosComplexOnsets(final int buffer, final int overlap) {
        this.buffer = buffer;
        this.overlap = overlap;
    }

    @Override
    public String name() {
        return buffer == DEFAULT_BUFFER && overlap == DEFAULT_OVERLAP
            ? "tarsos-complex" : "tarsos-" + buffer + "-" + overlap;
    }

    @Override
    public double[] detect(final Path audio) throws Exception {
        final float[] samples = decode(audio);
        final int rate = AudioFileDecoder.probe(audio).sampleRateHz();
        final AudioDispatcher dispatcher = AudioDispatcherFactory.fromFloatArray(samples, rate, buffer, overlap);
        final ComplexOnsetDetector detector = new ComplexOnsetDetector(buffer);
        final List<Double> times = new ArrayList<>();
        detector.setHandler((time, salience) -> times.add(time));
        dispatcher.addAudioProcessor(detector);
        dispatcher.run();
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static float[] decode(final Path audio) throws Exception {
        try (AudioFileDecoder decoder = AudioFileDecoder.open(audio, ChannelSelection.DOWNMIX)) {
            float[] all = new float[1 << 16];
            int n = 0;
            final float[] buf = new float[4096];
            int got;
            while ((got = decoder.read(buf, 0, buf.length)) > 0) {
                if (n + got > all.length) {
                    all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, n + got));
                }
                System.arraycopy(buf, 0, all, n, got);
                n += got;
            }
            return java.util.Arrays.copyOf(all, n);
        }
    }
}
