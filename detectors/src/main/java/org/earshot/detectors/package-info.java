/**
 * Graph nodes built on the engine's node contract and the dsp module. {@link org.earshot.detectors.EventIds}
 * keeps the numeric ids of every event type the detectors define, so that they never clash.
 */
package org.earshot.detectors;
