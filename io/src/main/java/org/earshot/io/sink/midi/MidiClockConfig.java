package org.earshot.io.sink.midi;

/**
 * Settings of a {@link MidiClockSink}, validated on construction.
 *
 * @param noteOnBeat   also send a note on each beat (and its note-off a sixteenth later)
 * @param channel      MIDI channel of that note, 1 to 16
 * @param note         note number, 0 to 127 (default 37, side stick in General MIDI)
 * @param songPosition on each start, send a Song Position Pointer placing the receiver at the beat's position in the
 *                     bar, then Continue (Start when it is the downbeat)
 */
public record MidiClockConfig(boolean noteOnBeat, int channel, int note, boolean songPosition) {
    /** MIDI clock pulses per quarter note. */
    public static final int PULSES_PER_BEAT = 24;

    /**
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public MidiClockConfig {
        if (channel < 1 || channel > 16) {
            throw new IllegalArgumentException("channel must be in [1, 16], got " + channel);
        }
        if (note < 0 || note > 127) {
            throw new IllegalArgumentException("note must be in [0, 127], got " + note);
        }
    }

    /** @return clock with song position, no note */
    public static MidiClockConfig defaults() {
        return new MidiClockConfig(false, 10, 37, true);
    }

    /**
     * @param on whether to send a note per beat
     * @return a copy with that setting
     */
    public MidiClockConfig withNoteOnBeat(final boolean on) {
        return new MidiClockConfig(on, channel, note, songPosition);
    }
}
