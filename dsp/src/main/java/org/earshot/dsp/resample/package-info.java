/**
 * Band-limited streaming sample-rate conversion.
 *
 * <p>{@link org.earshot.dsp.resample.Resampler} converts a mono stream between any two rates from 8 kHz to
 * 192 kHz with a Kaiser-windowed sinc, evaluated polyphase, cut off below the lower of the two Nyquist
 * frequencies. It is configured by a validated {@link org.earshot.dsp.resample.ResamplerConfig}, allocates
 * only in its constructor and can be fed blocks of any size, with the same output whatever the split.
 */
package org.earshot.dsp.resample;
