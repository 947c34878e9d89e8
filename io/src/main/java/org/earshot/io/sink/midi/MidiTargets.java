package org.earshot.io.sink.midi;

import java.nio.file.Path;
import java.util.Locale;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;

/** Opens where a {@link MidiClockSink} sends: the default device, a named device, or a MIDI file. */
public final class MidiTargets {
    private MidiTargets() {
    }

    /**
     * @param file a {@code .mid} path
     * @return a recorder writing that file on close
     */
    public static Receiver file(final Path file) {
        return new SmfRecorder(file);
    }

    /**
     * @param name a device name or part of it (case-insensitive), or null for Java Sound's default receiver
     * @return an open receiver of the first output device whose name contains it
     * @throws MidiUnavailableException naming the device if none matches or it cannot be opened
     */
    public static Receiver device(final String name) throws MidiUnavailableException {
        if (name == null || name.isBlank()) {
            return MidiSystem.getReceiver();
        }
        final String wanted = name.toLowerCase(Locale.ROOT);
        final StringBuilder known = new StringBuilder();
        for (final MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            final MidiDevice device = MidiSystem.getMidiDevice(info);
            if (device.getMaxReceivers() == 0) {
                continue;
            }
            if (known.length() > 0) {
                known.append(", ");
            }
            known.append(info.getName());
            if (info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
                device.open();
                return device.getReceiver();
            }
        }
        throw new MidiUnavailableException("no MIDI output device named '" + name + "' (known: " + known + ")");
    }
}
