/**
 * Online source separation: {@link org.earshot.detectors.separate.HpssNode} splits a stream into harmonic and
 * percussive streams by median filtering of the magnitude spectrogram (Fitzgerald, DAFx 2010) with a
 * bounded, declared look-ahead.
 */
package org.earshot.detectors.separate;
