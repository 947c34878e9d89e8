/**
 * The bundled demo clip: 30 seconds of music synthesised by this code (kick, snare and hi-hat at
 * 120 BPM, a bass line, chords and a short noise burst), rendered deterministically at any graph rate,
 * and a source that loops it at real-time pace. {@code earshot live} plays it when the machine has no
 * capture device. No third-party audio is involved.
 */
package org.earshot.app.demo;
