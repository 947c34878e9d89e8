/**
 * Spectral analysis nodes: {@link org.earshot.detectors.spectral.StftNode} turns the input stream into STFT
 * frames and publishes each block's frames in a {@link org.earshot.detectors.spectral.SpectrumFrames} port that
 * downstream nodes (onset novelty, log-mel, denoiser) read.
 *
 * <p>Frame conventions are those of {@link org.earshot.dsp.stft}: frame {@code k} covers samples
 * {@code [origin + k*hop, origin + k*hop + windowLength)}, its time is its centre
 * {@code firstSampleFrame + windowLength/2}, and it is published in the block that delivers its last sample.
 */
package org.earshot.detectors.spectral;
