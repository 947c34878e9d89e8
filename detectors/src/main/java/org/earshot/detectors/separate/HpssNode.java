package org.earshot.detectors.separate;

import java.util.Arrays;

import org.earshot.detectors.audio.LowDelayStft;
import org.earshot.detectors.audio.SampleFifo;
import org.earshot.engine.AudioBlock;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Online harmonic/percussive separation by median filtering (Fitzgerald, "Harmonic/percussive separation
 * using median filtering", DAFx 2010), publishing two audio streams, {@code harmonic} and {@code percussive}
 * ({@link AudioBlock} ports, as many samples as the input block; they add up to the input).
 *
 * <p>Per STFT frame, a harmonic-enhanced magnitude is the median of each bin over time and a
 * percussive-enhanced magnitude is the median over frequency within the frame. Offline the time median is
 * centred on the frame; here it spans {@link HpssConfig#harmonicPastMs()} of past frames and only
 * {@link HpssConfig#lookAheadMs()} of future ones, so a frame is decided once that look-ahead has arrived.
 * Soft masks {@code H^p / (H^p + P^p)} and {@code P^p / (H^p + P^p)} split the complex spectrum.
 *
 * <h2>Latency</h2>
 * {@link #latencyFrames()} {@code = (window - 1) + lookAheadFrames * hop} (2,025 frames, 45.9 ms, at 44.1 kHz
 * with the defaults); the ports' {@link AudioBlock#startFrame()} is the input frame of their first sample.
 *
 * <p>{@code process} allocates nothing, takes no locks, does not log and does not throw.
 */
public final class HpssNode implements AudioNode {
    private final HpssConfig config;
    private LowDelayStft analysis;
    private LowDelayStft percussiveSynthesis;
    private SampleFifo harmonicFifo;
    private SampleFifo percussiveFifo;
    private Port<AudioBlock> harmonicPort;
    private Port<AudioBlock> percussivePort;
    private float[][] magnitudes;
    private float[][] spectra;
    private float[] harmonicSpectrum;
    private float[] percussiveSpectrum;
    private float[] hopBuffer;
    private float[] scratch;
    private int bins;
    private int hop;
    private int windowLength;
    private int pastFrames;
    private int lookAheadFrames;
    private int percussiveHalfBins;
    private int latency;
    private long framesSeen;

    /**
     * @param config settings
     */
    public HpssNode(final HpssConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public HpssConfig config() {
        return config;
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final int rate = spec.sampleRateHz();
        final int w = (int)Math.round(config.windowMs() * rate / 1000.0);
        windowLength = Math.max(16, w - w % 4);
        hop = windowLength / 4;
        final int fftSize = Integer.highestOneBit(windowLength - 1) << 1;
        if (fftSize > 4096) {
            throw new IllegalArgumentException("windowMs " + config.windowMs() + " at " + rate
                + " Hz needs a transform larger than 4096 points");
        }
        analysis = new LowDelayStft(windowLength, windowLength, hop, fftSize);
        percussiveSynthesis = new LowDelayStft(windowLength, windowLength, hop, fftSize);
        bins = analysis.bins();
        final double hopMs = 1000.0 * hop / rate;
        pastFrames = (int)Math.round(config.harmonicPastMs() / hopMs);
        lookAheadFrames = (int)Math.round(config.lookAheadMs() / hopMs);
        percussiveHalfBins = Math.max(1, (int)Math.round(config.percussiveWidthHz() / 2 * fftSize / rate));
        magnitudes = new float[pastFrames + lookAheadFrames + 1][bins];
        spectra = new float[lookAheadFrames + 1][2 * bins];
        harmonicSpectrum = new float[2 * bins];
        percussiveSpectrum = new float[2 * bins];
        hopBuffer = new float[hop];
        scratch = new float[Math.max(pastFrames + lookAheadFrames + 1, 2 * percussiveHalfBins + 1)];
        latency = analysis.latencyFrames() + lookAheadFrames * hop;
        harmonicFifo = new SampleFifo(latency + hop + spec.maxFrames() + 1);
        percussiveFifo = new SampleFifo(latency + hop + spec.maxFrames() + 1);
        final int capacity = spec.maxFrames();
        harmonicPort = setup.declareOutput("harmonic", () -> new AudioBlock(capacity));
        percussivePort = setup.declareOutput("percussive", () -> new AudioBlock(capacity));
        reset();
    }

    /**
     * @return the {@code harmonic} port, valid after {@link #prepare}
     * @throws IllegalStateException before prepare
     */
    public Port<AudioBlock> harmonic() {
        if (harmonicPort == null) {
            throw new IllegalStateException("node " + config.name() + " is not prepared");
        }
        return harmonicPort;
    }

    /**
     * @return the {@code percussive} port, valid after {@link #prepare}
     * @throws IllegalStateException before prepare
     */
    public Port<AudioBlock> percussive() {
        if (percussivePort == null) {
            throw new IllegalStateException("node " + config.name() + " is not prepared");
        }
        return percussivePort;
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    /** @return the look-ahead of the harmonic median in frames of audio (after prepare) */
    public int lookAheadSampleFrames() {
        return lookAheadFrames * hop;
    }

    @Override
    public void process(final BlockContext ctx) {
        final float[] in = ctx.input();
        final int frames = ctx.frames();
        int pos = 0;
        while (pos < frames) {
            pos += analysis.feed(in, pos, frames - pos);
            if (analysis.frameReady()) {
                onFrame(analysis.spectrum());
            }
        }
        final AudioBlock h = ctx.get(harmonicPort);
        final AudioBlock p = ctx.get(percussivePort);
        harmonicFifo.pop(h.samples(), 0, frames);
        percussiveFifo.pop(p.samples(), 0, frames);
        final long start = ctx.blockStartFrame() - latency;
        h.set(frames, start);
        p.set(frames, start);
    }

    private void onFrame(final float[] spectrum) {
        final long j = framesSeen++;
        final float[] mag = magnitudes[(int)(j % magnitudes.length)];
        for (int b = 0; b < bins; b++) {
            final float re = spectrum[2 * b];
            final float im = spectrum[2 * b + 1];
            mag[b] = (float)Math.sqrt(re * re + im * im);
        }
        System.arraycopy(spectrum, 0, spectra[(int)(j % spectra.length)], 0, 2 * bins);
        final long k = j - lookAheadFrames;
        if (k < 0) {
            return;
        }
        final float[] target = spectra[(int)(k % spectra.length)];
        final float[] targetMag = magnitudes[(int)(k % magnitudes.length)];
        final long first = Math.max(0, k - pastFrames);
        final int count = (int)(j - first + 1);
        final double power = config.maskPower();
        final boolean square = power == 2.0;
        for (int b = 0; b < bins; b++) {
            for (int t = 0; t < count; t++) {
                scratch[t] = magnitudes[(int)((first + t) % magnitudes.length)][b];
            }
            final double harm = Medians.median(scratch, count);
            final int lo = Math.max(0, b - percussiveHalfBins);
            final int hi = Math.min(bins - 1, b + percussiveHalfBins);
            System.arraycopy(targetMag, lo, scratch, 0, hi - lo + 1);
            final double perc = Medians.median(scratch, hi - lo + 1);
            final double hp = square ? harm * harm : Math.pow(harm, power);
            final double pp = square ? perc * perc : Math.pow(perc, power);
            final double sum = hp + pp;
            final float maskH = sum > 0 ? (float)(hp / sum) : 0.5f;
            harmonicSpectrum[2 * b] = target[2 * b] * maskH;
            harmonicSpectrum[2 * b + 1] = target[2 * b + 1] * maskH;
            percussiveSpectrum[2 * b] = target[2 * b] * (1f - maskH);
            percussiveSpectrum[2 * b + 1] = target[2 * b + 1] * (1f - maskH);
        }
        analysis.synthesize(harmonicSpectrum, hopBuffer, 0);
        harmonicFifo.push(hopBuffer, 0, hop);
        percussiveSynthesis.synthesize(percussiveSpectrum, hopBuffer, 0);
        percussiveFifo.push(hopBuffer, 0, hop);
    }

    @Override
    public void reset() {
        analysis.reset();
        percussiveSynthesis.reset();
        for (final float[] m : magnitudes) {
            Arrays.fill(m, 0f);
        }
        final int prefill = hop - 1 + lookAheadFrames * hop;
        harmonicFifo.clearAndFill(prefill);
        percussiveFifo.clearAndFill(prefill);
        framesSeen = 0;
    }
}
