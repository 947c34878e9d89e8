/**
 * WAV output: {@link org.earshot.io.wav.WavWriter} writes PCM or float WAV files, and
 * {@link org.earshot.io.wav.WavFileSink} drains an {@link org.earshot.engine.runtime.AudioRing} into one on its
 * own thread.
 */
package org.earshot.io.wav;
