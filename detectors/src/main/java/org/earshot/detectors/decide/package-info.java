/**
 * Event decisions: per-class smoothing, hysteresis, minimum duration, merge gap and a loudness gate turn
 * classifier probabilities into {@code event} records with start, end, label and confidence
 * ({@link org.earshot.detectors.decide.EventDecisionNode}, {@link org.earshot.detectors.decide.SoundEvents}).
 */
package org.earshot.detectors.decide;
