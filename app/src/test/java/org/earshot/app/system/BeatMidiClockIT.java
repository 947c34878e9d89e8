package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;

import org.earshot.detectors.beat.ClickTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot live --preset beats} on a generated 100 BPM click track at real-time pace with
 * {@code --sink midi:FILE.mid,note}: the MIDI file read back holds Start, 24 clock pulses per beat at the tracked
 * tempo, a note per beat and Stop.
 */
@Timeout(120)
class BeatMidiClockIT {
    private static final int RATE = 48_000;

    @TempDir
    Path tmp;

    @Test
    void shouldRecordMidiClockFollowingTheBeat() throws Exception {
        final Path wav = tmp.resolve("clicks.wav");
        Fixtures.writeWav16(wav, RATE, 1, ClickTrack.render(RATE, 10.0, ClickTrack.beats(0.5, 9.5, 100.0), 4, 12L));
        final Path mid = tmp.resolve("clock.mid");
        final Earshot.Result result = Earshot.run(tmp, Duration.ofSeconds(60), Map.of(), "live", "--preset", "beats",
            "--input", wav.toString(), "--rate", Integer.toString(RATE), "--sink", "midi:" + mid + ",note");
        result.assertNoStackTrace();
        assertEquals(0, result.exitStatus(), result.stderr());
        final Sequence s = MidiSystem.getSequence(mid.toFile());
        final Track t = s.getTracks()[0];
        final List<Long> clocks = new ArrayList<>();
        final List<Long> notes = new ArrayList<>();
        int starts = 0;
        int stops = 0;
        for (int i = 0; i < t.size(); i++) {
            final MidiEvent e = t.get(i);
            if (e.getMessage() instanceof SysexMessage sx && sx.getStatus() == 0xF7) {
                final int status = sx.getData()[0] & 0xFF;
                if (status == ShortMessage.TIMING_CLOCK) {
                    clocks.add(e.getTick());
                } else if (status == ShortMessage.START || status == ShortMessage.CONTINUE) {
                    starts++;
                } else if (status == ShortMessage.STOP) {
                    stops++;
                }
            } else if ((e.getMessage().getStatus() & 0xF0) == ShortMessage.NOTE_ON) {
                notes.add(e.getTick());
            }
        }
        assertEquals(1, starts, "one Start");
        assertEquals(1, stops, "one Stop");
        assertTrue(clocks.size() >= 24 * 10, "pulses: " + clocks.size());
        // 100 BPM: a beat is 600 ticks of 1 ms, a pulse 25 ms
        for (int k = 1; k + 24 < clocks.size() - 24; k += 24) {
            assertEquals(600.0, clocks.get(k + 24) - clocks.get(k), 12.0, "24 pulses span one beat at pulse " + k);
        }
        int evenGaps = 0;
        for (int k = 1; k < clocks.size() - 24; k++) {
            if (Math.abs(clocks.get(k) - clocks.get(k - 1) - 25) <= 2) {
                evenGaps++;
            }
        }
        assertTrue(evenGaps > 0.9 * (clocks.size() - 25), "pulses 25 ms apart: " + evenGaps + " of " + clocks.size());
        assertTrue(notes.size() >= 10, "a note per beat: " + notes.size());
        for (int i = 1; i < notes.size(); i++) {
            assertEquals(600.0, notes.get(i) - notes.get(i - 1), 15.0, "notes a beat apart");
        }
    }
}
