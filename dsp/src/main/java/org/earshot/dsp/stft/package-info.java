/**
 * Incremental short-time Fourier transform and its streaming inverse.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Frames.</b> Samples are counted from the stream origin given to
 *       {@link org.earshot.dsp.stft.Stft#reset(long)} (0 after construction). Frame {@code k} covers input samples
 *       {@code [origin + k*hop, origin + k*hop + windowLength)}; the first frame is emitted as soon as
 *       {@code windowLength} samples have been fed, then one frame every {@code hop} samples. There is no
 *       implicit zero padding before the first sample (no "centred" frames).</li>
 *   <li><b>Timing.</b> A frame's {@linkplain org.earshot.dsp.stft.SpectralFrame#centreFrame() centre} is
 *       {@code firstSampleFrame + windowLength/2}, the peak of the periodic window. The frame becomes
 *       available once the input's exclusive end reaches {@code firstSampleFrame + windowLength}.</li>
 *   <li><b>Spectrum.</b> Real FFT of the windowed frame placed at index 0 of a zero-padded buffer of
 *       {@code fftSize} (no circular shift), sign convention {@code X[k] = sum x[n] e^{-2 pi i k n / fftSize}},
 *       unnormalised: a bin-centred sine of amplitude {@code A} has magnitude {@code A * windowSum / 2}.</li>
 *   <li><b>Allocation.</b> Constructors allocate; {@code feed}, {@code frame}, every view accessor,
 *       {@code addFrame}, {@code readHop} and {@code reset} never do.</li>
 * </ul>
 */
package org.earshot.dsp.stft;
