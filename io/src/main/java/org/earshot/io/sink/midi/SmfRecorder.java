package org.earshot.io.sink.midi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;

/**
 * A {@link Receiver} that records what it is sent into a Standard MIDI File (type 0), written on {@link #close()}.
 * Time stamps (microseconds) become ticks of 1 ms (SMPTE division, 25 frames of 40 ticks per second). System
 * real-time and common messages (Timing Clock, Start, Stop, Continue, Song Position), which a MIDI file cannot hold
 * as such, are stored as {@code F7} escape sequences, as the SMF specification provides; channel messages are stored
 * as they are.
 */
public final class SmfRecorder implements Receiver {
    private final Path file;
    private final Sequence sequence;
    private final Track track;
    private final long startNs = System.nanoTime();
    private boolean closed;

    /**
     * @param file where the file is written on close
     */
    public SmfRecorder(final Path file) {
        this.file = file;
        try {
            this.sequence = new Sequence(Sequence.SMPTE_25, 40);
        } catch (final InvalidMidiDataException ex) {
            throw new IllegalStateException(ex);
        }
        this.track = sequence.createTrack();
    }

    @Override
    public synchronized void send(final MidiMessage message, final long timeStampUs) {
        if (closed) {
            throw new IllegalStateException("MIDI file recorder for " + file + " is closed");
        }
        final long us = timeStampUs >= 0 ? timeStampUs : (System.nanoTime() - startNs) / 1_000L;
        final long tick = Math.round(us / 1_000.0);
        MidiMessage stored = message;
        if (message.getStatus() >= 0xF1 && message.getStatus() != 0xF7 && message.getStatus() != 0xFF) {
            try {
                stored = new SysexMessage(0xF7, message.getMessage(), message.getLength());
            } catch (final InvalidMidiDataException ex) {
                throw new IllegalStateException(ex);
            }
        }
        track.add(new MidiEvent(stored, tick));
    }

    /** Writes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            MidiSystem.write(sequence, 0, file.toFile());
        } catch (final IOException ex) {
            throw new UncheckedIOException(file + ": cannot write the MIDI file: " + ex.getMessage(), ex);
        }
    }

    /** @return the file written on close */
    public Path file() {
        return file;
    }
}
