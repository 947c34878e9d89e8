/**
 * Spectral filterbanks and spectral normalisation, applied to magnitude spectra from
 * {@link org.earshot.dsp.stft.Stft}.
 *
 * <ul>
 *   <li>{@link org.earshot.dsp.filter.MelFilterbank}: triangles equally spaced on a mel scale, HTK or Slaney
 *       convention ({@link org.earshot.dsp.filter.MelScale});</li>
 *   <li>{@link org.earshot.dsp.filter.LogFilterbank}: triangles on log-spaced, bin-snapped centres, a fixed
 *       number of bands per octave (the layout of madmom's {@code LogarithmicFilterbank});</li>
 *   <li>{@link org.earshot.dsp.filter.AdaptiveWhitening}: per-bin peak normalisation after Stowell and
 *       Plumbley (2007).</li>
 * </ul>
 *
 * Weights are computed once, in the constructor, and stored sparsely (each band's non-zero bins);
 * {@code apply} methods allocate nothing.
 */
package org.earshot.dsp.filter;
