/**
 * Audio out: {@link org.earshot.io.playback.AudioPlayback} plays an
 * {@link org.earshot.engine.runtime.AudioRing} on a Java Sound output line chosen by device name, with a small
 * buffer, on its own thread, counting underruns.
 */
package org.earshot.io.playback;
