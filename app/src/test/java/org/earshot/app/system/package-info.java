/**
 * System tests (failsafe, {@code *IT}): they run the packaged {@code earshot.jar} as a subprocess, with
 * the launcher's JVM options, against a virtual microphone (a private PulseAudio null sink started by
 * scripts/test-all), synthesised audio files, and every kind of bad input.
 */
package org.earshot.app.system;
