package org.earshot.detectors.denoise;

import org.earshot.detectors.audio.LowDelayStft;
import org.earshot.detectors.audio.SampleFifo;
import org.earshot.detectors.audio.WetDryMixer;
import org.earshot.engine.AudioBlock;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Streaming noise suppression: STFT, {@link SpectralDenoiser}, inverse STFT, and a wet/dry mix, publishing
 * the result in its {@code audio} port ({@link AudioBlock}, as many samples as the input block).
 *
 * <h2>Latency</h2>
 * Analysis and synthesis use {@link LowDelayStft} with a 5 ms hop: in {@link LatencyMode#STANDARD} a 20 ms
 * square-root Hann window for both, in {@link LatencyMode#LOW} a 20 ms analysis window (the same frequency
 * resolution) with a 10 ms synthesis window. An output sample is final once the last frame whose synthesis window
 * covers it is complete, which for a sample at the start of a hop takes {@code synthesisLength - 1} more input
 * samples; the node declares that, {@link #latencyFrames()} {@code = synthesisLength - 1} (959 frames, 19.98 ms,
 * at 48 kHz; 159 frames, 19.88 ms, at 8 kHz), and output sample {@code m} of a block is input sample
 * {@code blockStartFrame - latency + m}, whatever the block sizes. The port's {@link AudioBlock#startFrame()} says
 * so. Bypass and the dry/wet mix use the input delayed by the same amount, so the latency never changes; the noise
 * estimate keeps tracking while bypassed.
 *
 * <h2>Parameters</h2>
 * Sent with {@code GraphRunner.trySetParameter(name, id, value)}: {@link #PARAM_REDUCTION_LIMIT_DB},
 * {@link #PARAM_WET_MIX}, {@link #PARAM_BYPASS} (non-zero = bypassed). Mix and bypass ramp over 10 ms.
 *
 * <p>{@code process} allocates nothing, takes no locks, does not log and does not throw.
 */
public final class DenoiserNode implements AudioNode {
    /** Parameter: reduction limit in dB, 0 to 60. */
    public static final int PARAM_REDUCTION_LIMIT_DB = 1;
    /** Parameter: wet share, 0 to 1. */
    public static final int PARAM_WET_MIX = 2;
    /** Parameter: bypass, non-zero to bypass. */
    public static final int PARAM_BYPASS = 3;
    /** Ramp time of mix and bypass changes, ms. */
    public static final double RAMP_MS = 10.0;
    /** A learned profile bounds the noise estimate from below at this fraction of its power (-6 dB). */
    public static final double PROFILE_FLOOR_SCALE = 0.25;

    private final DenoiserConfig config;
    private LowDelayStft stft;
    private SpectralDenoiser denoiser;
    private SampleFifo wetFifo;
    private SampleFifo dryDelay;
    private WetDryMixer mixer;
    private Port<AudioBlock> output;
    private float[] hopBuffer;
    private float[] dryBuffer;
    private int latency;
    private int windowLength;
    private double wetMix;
    private long signalFrames;
    private boolean bypassed;

    /**
     * @param config settings
     */
    public DenoiserNode(final DenoiserConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public DenoiserConfig config() {
        return config;
    }

    /**
     * Allocates the transforms, buffers and the {@code audio} port.
     *
     * @param spec  sample rate and largest block
     * @param setup where the port is declared
     */
    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final int rate = spec.sampleRateHz();
        windowLength = config.latencyMode().synthesisFrames(rate);
        final int hop = windowLength / 4;
        final int analysis = config.latencyMode().analysisFrames(rate);
        final int fftSize = Integer.highestOneBit(analysis - 1) << 1;
        stft = new LowDelayStft(analysis, windowLength, hop, fftSize);
        denoiser = new SpectralDenoiser(config.tuning(), fftSize, hop, rate, config.reductionLimitDb());
        if (config.profile() != null) {
            denoiser.setNoiseFloor(config.profile().binPower(fftSize, rate, stft.analysisSquaresSum()),
                PROFILE_FLOOR_SCALE);
        }
        latency = stft.latencyFrames();
        wetFifo = new SampleFifo(latency + hop + spec.maxFrames() + 1);
        dryDelay = new SampleFifo(latency + spec.maxFrames() + 1);
        hopBuffer = new float[hop];
        dryBuffer = new float[spec.maxFrames()];
        mixer = new WetDryMixer((int)Math.round(RAMP_MS * rate / 1000.0), 1.0);
        final int capacity = spec.maxFrames();
        output = setup.declareOutput("audio", () -> new AudioBlock(capacity));
        wetMix = config.wetMix();
        bypassed = config.bypass();
        reset();
    }

    /**
     * @return the {@code audio} port, valid after {@link #prepare}
     * @throws IllegalStateException if the node has not been prepared
     */
    public Port<AudioBlock> output() {
        if (output == null) {
            throw new IllegalStateException("node " + config.name() + " is not prepared");
        }
        return output;
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    /** @return the synthesis window length in samples (after prepare) */
    public int windowLength() {
        return windowLength;
    }

    @Override
    public void process(final BlockContext ctx) {
        final float[] in = ctx.input();
        final int frames = ctx.frames();
        final AudioBlock out = ctx.get(output);
        int pos = 0;
        while (pos < frames) {
            final int used = stft.feed(in, pos, frames - pos);
            countSignal(in, pos, used);
            pos += used;
            if (stft.frameReady()) {
                final float[] spectrum = stft.spectrum();
                denoiser.process(spectrum, 0, stft.filledEnergyFraction(signalFrames));
                stft.synthesize(spectrum, hopBuffer, 0);
                wetFifo.push(hopBuffer, 0, hopBuffer.length);
            }
        }
        dryDelay.push(in, 0, frames);
        final float[] samples = out.samples();
        wetFifo.pop(samples, 0, frames);
        dryDelay.pop(dryBuffer, 0, frames);
        mixer.mix(samples, dryBuffer, frames);
        out.set(frames, ctx.blockStartFrame() - latency);
    }

    /** Counts samples since the first non-zero one after a reset (digital silence carries no noise). */
    private void countSignal(final float[] in, final int offset, final int n) {
        if (signalFrames > 0) {
            signalFrames += n;
            return;
        }
        for (int i = 0; i < n; i++) {
            if (in[offset + i] != 0f) {
                signalFrames = n - i;
                return;
            }
        }
    }

    @Override
    public void onParameter(final int parameterId, final double value) {
        switch (parameterId) {
            case PARAM_REDUCTION_LIMIT_DB:
                if (Double.isFinite(value)) {
                    denoiser.setReductionLimitDb(Math.min(DenoiserConfig.MAX_REDUCTION_LIMIT_DB, Math.max(0.0, value)));
                }
                break;
            case PARAM_WET_MIX:
                if (Double.isFinite(value)) {
                    wetMix = Math.max(0.0, Math.min(1.0, value));
                    mixer.setTarget(bypassed ? 0.0 : wetMix);
                }
                break;
            case PARAM_BYPASS:
                bypassed = value != 0.0;
                mixer.setTarget(bypassed ? 0.0 : wetMix);
                break;
            default:
                break;
        }
    }

    @Override
    public void reset() {
        stft.reset();
        denoiser.reset();
        signalFrames = 0;
        wetFifo.clearAndFill(latency - stft.leadingOutputFrames());
        dryDelay.clearAndFill(latency);
        mixer.jumpTo(bypassed ? 0.0 : wetMix);
    }
}
