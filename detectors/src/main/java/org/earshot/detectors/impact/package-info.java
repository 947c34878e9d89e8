/**
 * Training-free impact detection (falls, door slams, knocks, dropped keys) on the log-mel frames:
 * {@link org.earshot.detectors.impact.ImpactNode}.
 */
package org.earshot.detectors.impact;
