/**
 * Online beat tracking as a graph node: {@link org.earshot.detectors.beat.BeatTrackerNode} reads an onset novelty
 * port ({@link org.earshot.detectors.onset.NoveltyNode}) and emits predicted {@code beat} events ahead of their time,
 * with tempo, bar position, meter and confidence, plus {@code tempo} events.
 *
 * <p>Parts, each usable alone: {@link org.earshot.detectors.beat.TempoEstimator} (leaky autocorrelation, comb
 * salience, log-normal tempo prior: the octave policy), {@link org.earshot.detectors.beat.BeatPhaseFilter} (the
 * beat-pointer HMM of Krebs, Böck and Widmer 2015, filtered forward as madmom's online mode does) and
 * {@link org.earshot.detectors.beat.MeterTracker} (beat-synchronous meter and downbeat HMM). A package-private
 * {@code PulseLevel} decides whether the tracked pulse or every other pulse is the beat, from the alternation of
 * accents and the tempo prior (the second half of the octave policy: the beat-pointer model alone prefers the fastest
 * pulse it can explain).
 *
 * <p>Where the defaults come from ({@link org.earshot.detectors.beat.BeatTrackerConfig#defaults()}): tempo range
 * 60–200 BPM (the issue); on-beat share 1/16 (Krebs et al. 2015, also madmom's default); tempo change penalty
 * {@code lambda = 50}, half their offline value, because an online tracker must follow a tempo step within 4 beats
 * from past audio alone; a low band up to 250 Hz, the range of bass and kick drum; prior centre 100 BPM, the 600 ms
 * spontaneous tempo of Fraisse (1982), one octave wide; 4 s normalisation and resonance half-life ("resonance over
 * several seconds"); 4 comb harmonics (Davies and Plumbley 2007 use 4); 100 tracker frames per second (madmom's beat
 * trackers).
 */
package org.earshot.detectors.beat;
