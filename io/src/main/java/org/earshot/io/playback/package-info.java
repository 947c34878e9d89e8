/**
 * Audio out: {@link org.earshot.io.playback.AudioPlayback} plays an
 * {@link org.earshot.engine.runtime.AudioRing} on a Java Sound output line chosen by device name, with a small
 * buffer, on its own thread, counting the times the line ran dry and the frames dropped after a stall.
 */
package org.earshot.io.playback;
