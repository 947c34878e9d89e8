package org.earshot.io.sink.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;

import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIDI clock from predicted beats, received by a time-stamping {@link Receiver} and a MIDI file. */
class MidiClockSinkTest {
    private static final int RATE = 48_000;
    private static final GraphInfo GRAPH = new GraphInfo(0, "live", RATE, 0, List.of());
    private static final double BPM = 120.0;
    private static final long PERIOD_NS = 500_000_000L;
    private static final long AHEAD_NS = 25_000_000L;

    /** What a receiver got: status byte, the receiver's nanoTime, and the message's own time stamp. */
    record Received(int status, int data1, long atNs, long stampUs) {
    }

    static final class Stamping implements Receiver {
        final List<Received> got = new ArrayList<>();

        @Override
        public synchronized void send(final MidiMessage m, final long timeStamp) {
            final int d1 = m instanceof ShortMessage s ? s.getData1() : 0;
            got.add(new Received(m.getStatus(), d1, System.nanoTime(), timeStamp));
        }

        synchronized List<Received> copy() {
            return new ArrayList<>(got);
        }

        @Override
        public void close() {
        }
    }

    /** Feeds {@code beats} beats at 120 BPM, each 25 ms before it is due, then an unlock; returns the beat times. */
    private static long[] play(final MidiClockSink sink, final int beats, final int firstBarPos) throws Exception {
        sink.onStart(List.of(GRAPH));
        final long t0 = System.nanoTime() + 200_000_000L;
        final long[] beatNs = new long[beats];
        final long aheadFrames = AHEAD_NS * RATE / 1_000_000_000L;
        for (int k = 0; k < beats; k++) {
            beatNs[k] = t0 + k * PERIOD_NS;
            sleepUntil(beatNs[k] - AHEAD_NS);
            final long emit = 1_000_000L + k * 24_000L;
            // stamped with the time the beat was meant to be emitted, not the (possibly late) wake-up: the beat
            // times stay exact on a loaded machine, as a tracker's predictions would
            sink.onEvent(TestEvents.view(TestEvents.BEAT, emit + aheadFrames, emit, beatNs[k] - AHEAD_NS, 0, BPM,
                (firstBarPos - 1 + k) % 4 + 1, 0.9, k, 4), GRAPH);
        }
        sleepUntil(beatNs[beats - 1] + PERIOD_NS + PERIOD_NS / 4);
        sink.onEvent(TestEvents.view(TestEvents.TEMPO, 0, 0, System.nanoTime(), 0.0, 0.1, 0.0), GRAPH);
        sleepUntil(System.nanoTime() + 50_000_000L);
        sink.close();
        return beatNs;
    }

    private static void sleepUntil(final long ns) {
        long left;
        while ((left = ns - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    @Test
    void shouldSendTwentyFourPulsesPerBeatStartingOnEachPredictedBeat() throws Exception {
        final Stamping receiver = new Stamping();
        final long[] beats = play(new MidiClockSink(MidiClockConfig.defaults().withNoteOnBeat(true), receiver,
            System.err::println), 8, 1);
        final List<Received> got = receiver.copy();
        assertEquals(ShortMessage.START, got.get(0).status(), "Start first (the first beat is a downbeat)");
        assertEquals(ShortMessage.STOP, got.get(got.size() - 1).status(), "Stop last");
        final List<Received> clocks = got.stream().filter(r -> r.status() == ShortMessage.TIMING_CLOCK).toList();
        assertTrue(clocks.size() >= 8 * 24, "pulses: " + clocks.size());
        // The time stamps (microseconds on the sink's clock) are the schedule. The sink's clock started at an
        // unknown nanoTime: the earliest any pulse arrived after its stamp bounds it (a pulse the scheduler sent
        // on time arrives microseconds after its stamp). Each beat's first pulse is stamped on the beat.
        long clockStartNs = Long.MAX_VALUE;
        for (final Received r : clocks) {
            clockStartNs = Math.min(clockStartNs, r.atNs() - 1_000L * r.stampUs());
        }
        final List<Double> arrivalErrorsMs = new ArrayList<>();
        for (int k = 0; k < beats.length; k++) {
            final Received pulse = clocks.get(24 * k);
            final double stampErrorMs = (clockStartNs + 1_000L * pulse.stampUs() - beats[k]) / 1e6;
            assertEquals(0.0, stampErrorMs, 1.0, "time stamp of pulse " + 24 * k + " on beat " + k);
            arrivalErrorsMs.add(Math.abs(pulse.atNs() - beats[k]) / 1e6);
        }
        // arrivals carry the scheduler thread's wake-up on a shared machine: most on the beat, none far off
        arrivalErrorsMs.sort(null);
        assertTrue(arrivalErrorsMs.get(arrivalErrorsMs.size() / 2) <= 3.0, "beat pulses arrived off the beat by (ms) "
            + arrivalErrorsMs);
        assertTrue(arrivalErrorsMs.get(arrivalErrorsMs.size() - 1) <= 25.0, "beat pulses arrived off the beat by (ms) "
            + arrivalErrorsMs);
        // The MIDI time stamps are the schedule: exact. Arrival times also carry the scheduler thread's wake-up
        // jitter on a shared machine, so they are held to the schedule in aggregate: 95% of gaps within 3 ms.
        int gapsOff = 0;
        for (int i = 1; i < 24 * 8; i++) {
            final double gapMs = (clocks.get(i).atNs() - clocks.get(i - 1).atNs()) / 1e6;
            if (Math.abs(gapMs - 500.0 / 24) > 3.0) {
                gapsOff++;
            }
            final double stampGapMs = (clocks.get(i).stampUs() - clocks.get(i - 1).stampUs()) / 1e3;
            assertEquals(500.0 / 24, stampGapMs, 0.5, "time-stamp gap before pulse " + i);
        }
        assertTrue(gapsOff <= (24 * 8) / 20, "arrival gaps more than 3 ms off 20.8 ms: " + gapsOff + " of 191");
        final long notes = got.stream().filter(r -> (r.status() & 0xF0) == ShortMessage.NOTE_ON).count();
        assertTrue(notes >= 8, "a note on each beat: " + notes);
    }

    @Test
    void shouldPlaceReceiverInTheBarWithSongPositionWhenStartingOffTheDownbeat() throws Exception {
        final Stamping receiver = new Stamping();
        play(new MidiClockSink(MidiClockConfig.defaults(), receiver, System.err::println), 3, 3);
        final List<Received> got = receiver.copy();
        assertEquals(ShortMessage.SONG_POSITION_POINTER, got.get(0).status());
        assertEquals(8, got.get(0).data1(), "third beat of the bar: sixteenth 8");
        assertEquals(ShortMessage.CONTINUE, got.get(1).status());
    }

    @Test
    void shouldWriteAMidiFileThatReadsBackWithTheClock(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("clock.mid");
        play(new MidiClockSink(MidiClockConfig.defaults().withNoteOnBeat(true), MidiTargets.file(file),
            System.err::println), 4, 1);
        assertTrue(Files.size(file) > 100);
        final Sequence s = MidiSystem.getSequence(file.toFile());
        final Track t = s.getTracks()[0];
        final List<Long> clockTicks = new ArrayList<>();
        int starts = 0;
        int stops = 0;
        int notes = 0;
        for (int i = 0; i < t.size(); i++) {
            final MidiEvent e = t.get(i);
            final MidiMessage m = e.getMessage();
            if (m instanceof SysexMessage sx && sx.getStatus() == 0xF7) {
                final int rt = sx.getData()[0] & 0xFF;
                if (rt == ShortMessage.TIMING_CLOCK) {
                    clockTicks.add(e.getTick());
                } else if (rt == ShortMessage.START) {
                    starts++;
                } else if (rt == ShortMessage.STOP) {
                    stops++;
                }
            } else if ((m.getStatus() & 0xF0) == ShortMessage.NOTE_ON) {
                notes++;
            }
        }
        assertEquals(1, starts);
        assertEquals(1, stops);
        assertTrue(notes >= 4, "notes " + notes);
        assertTrue(clockTicks.size() >= 4 * 24, "clocks " + clockTicks.size());
        final double beatMs = clockTicks.get(72) - clockTicks.get(0);
        assertEquals(1500.0, beatMs, 4.0, "three beats at 120 BPM, in 1 ms ticks");
    }
}
