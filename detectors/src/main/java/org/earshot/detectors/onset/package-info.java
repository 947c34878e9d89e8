/**
 * Onset detection as graph nodes: {@link org.earshot.detectors.onset.NoveltyNode} turns STFT frames into an onset
 * novelty function ({@link org.earshot.detectors.onset.NoveltyType}: spectral flux, SuperFlux, complex domain,
 * HFC, energy) and {@link org.earshot.detectors.onset.OnsetPeakPickerNode} picks onsets from it online, with an
 * adaptive threshold over past frames, a small declared look-ahead, a minimum inter-onset interval, a silence gate
 * and a steady-noise gate. {@link org.earshot.detectors.onset.OnsetGraph#addTo} adds the whole chain
 * (STFT → novelty → peak picker) to a graph.
 *
 * <p>Time stamps: a novelty value and an onset carry the centre of their STFT frame; an onset is decided
 * {@link org.earshot.detectors.onset.OnsetPeakPickerNode#declaredLatencyFrames()} frames later (half the window
 * plus the look-ahead: 21.6 ms with the defaults at 44.1 kHz).
 */
package org.earshot.detectors.onset;
