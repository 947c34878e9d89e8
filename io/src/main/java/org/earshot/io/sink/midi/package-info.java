/**
 * MIDI out through {@code javax.sound.midi}: {@link org.earshot.io.sink.midi.MidiClockSink} turns predicted beats
 * into MIDI clock (24 pulses per quarter note, Start/Stop, Song Position, optional note per beat) on a scheduler
 * thread of its own; {@link org.earshot.io.sink.midi.SmfRecorder} records to a Standard MIDI File;
 * {@link org.earshot.io.sink.midi.MidiTargets} opens devices and files.
 */
package org.earshot.io.sink.midi;
