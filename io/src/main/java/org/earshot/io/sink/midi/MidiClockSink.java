package org.earshot.io.sink.midi;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * MIDI clock that follows the beat tracker: 24 Timing Clock pulses per beat, the pulse that starts each beat on the
 * predicted beat, the pulses between two beats spread evenly over the interval the tracker predicts (extrapolated at
 * the tracked tempo until the next beat is known); Start (or Song Position Pointer and Continue) on the first beat
 * after the tracker locks, Stop when it unlocks; optionally a note per beat.
 *
 * <p>{@link #onEvent} runs on the event agent's thread and only hands the beat (its wall-clock time, tempo and bar
 * position) to a bounded queue; a scheduler thread of its own times the pulses and calls the {@link Receiver} (a
 * device, or {@link SmfRecorder}), never the audio thread. Each message carries its time stamp in microseconds since
 * the sink started. Beats the queue cannot take are counted in {@link #dropped()}.
 */
public final class MidiClockSink implements EventSink {
    private static final long[] STOP_REQUEST = new long[0];
    private static final long[] CLOSE_REQUEST = new long[0];
    private static final long MAX_WAIT_NS = 2_000_000L;

    private final MidiClockConfig config;
    private final Receiver receiver;
    private final Consumer<String> log;
    private final ArrayBlockingQueue<long[]> queue = new ArrayBlockingQueue<>(256);
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final long startNs = System.nanoTime();
    private Thread scheduler;

    // scheduler state (scheduler thread only)
    private boolean running;
    private long beatStartNs;
    private long beatPeriodNs;
    private long nextBeatNs;
    private int pulseInBeat;
    private int pendingBarPos;
    private boolean noteSounding;

    /**
     * @param config   settings
     * @param receiver where messages go; closed by {@link #close()}
     * @param log      where failures are reported
     */
    public MidiClockSink(final MidiClockConfig config, final Receiver receiver, final Consumer<String> log) {
        this.config = config;
        this.receiver = receiver;
        this.log = log;
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) {
        scheduler = new Thread(this::schedule, "earshot-midi-clock");
        scheduler.setDaemon(true);
        scheduler.setPriority(Thread.MAX_PRIORITY);
        scheduler.start();
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) {
        final String type = event.type().name();
        if ("beat".equals(type)) {
            final double aheadS = (event.frame() - event.emitFrame()) / (double)graph.sampleRateHz();
            final long beatNs = event.captureNs() + Math.round(aheadS * 1e9);
            final double bpm = value(event, "bpm");
            final long periodNs = bpm > 0.0 ? Math.round(60e9 / bpm) : 500_000_000L;
            final long barPos = Math.round(value(event, "bar_pos"));
            if (!queue.offer(new long[] {beatNs, periodNs, barPos})) {
                dropped.incrementAndGet();
            }
        } else if ("tempo".equals(type) && value(event, "locked") == 0.0) {
            if (!queue.offer(STOP_REQUEST)) {
                dropped.incrementAndGet();
            }
        }
    }

    private static double value(final EventView event, final String field) {
        final int i = event.type().indexOf(field);
        return i >= 0 && i < event.fieldCount() ? event.value(i) : 0.0;
    }

    private void schedule() {
        try {
            while (true) {
                final long now = System.nanoTime();
                final long due = running ? nextPulseNs() : Long.MAX_VALUE;
                if (running && due - now <= 0) {
                    pulse(due);
                    continue;
                }
                final long waitNs = Math.min(MAX_WAIT_NS, running ? due - now : MAX_WAIT_NS);
                final long[] request = queue.poll(waitNs, TimeUnit.NANOSECONDS);
                if (request == CLOSE_REQUEST) {
                    break;
                }
                if (request == STOP_REQUEST) {
                    stop(System.nanoTime());
                } else if (request != null) {
                    onBeat(request[0], request[1], (int)request[2]);
                }
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        stop(System.nanoTime());
    }

    private long nextPulseNs() {
        final long span = nextBeatNs != 0 ? nextBeatNs - beatStartNs : beatPeriodNs;
        return beatStartNs + span * pulseInBeat / MidiClockConfig.PULSES_PER_BEAT;
    }

    private void onBeat(final long beatNs, final long periodNs, final int barPos) {
        if (!running) {
            // wait for this beat: Start (or Song Position + Continue) goes out just before its first pulse
            running = true;
            beatStartNs = beatNs;
            beatPeriodNs = periodNs;
            nextBeatNs = 0;
            pulseInBeat = 0;
            pendingBarPos = Math.max(1, barPos);
            return;
        }
        beatPeriodNs = periodNs;
        final long currentStart = beatStartNs;
        if (Math.abs(beatNs - currentStart) < periodNs / 2) {
            return; // the beat already running: its pulses are under way
        }
        if (beatNs > currentStart) {
            nextBeatNs = beatNs;
        }
    }

    private void pulse(final long dueNs) {
        if (pulseInBeat == MidiClockConfig.PULSES_PER_BEAT) {
            beatStartNs = nextBeatNs != 0 ? nextBeatNs : beatStartNs + beatPeriodNs;
            nextBeatNs = 0;
            pulseInBeat = 0;
            return;
        }
        if (pendingBarPos > 0) {
            if (config.songPosition() && pendingBarPos > 1) {
                final int sixteenths = (pendingBarPos - 1) * 4;
                send(ShortMessage.SONG_POSITION_POINTER, sixteenths & 0x7F, (sixteenths >> 7) & 0x7F, dueNs);
                send(ShortMessage.CONTINUE, 0, 0, dueNs);
            } else {
                send(ShortMessage.START, 0, 0, dueNs);
            }
            pendingBarPos = 0;
        }
        send(ShortMessage.TIMING_CLOCK, 0, 0, dueNs);
        pulses.incrementAndGet();
        if (config.noteOnBeat()) {
            if (pulseInBeat == 0) {
                send(ShortMessage.NOTE_ON | (config.channel() - 1), config.note(), 100, dueNs);
                noteSounding = true;
            } else if (pulseInBeat == MidiClockConfig.PULSES_PER_BEAT / 4 && noteSounding) {
                send(ShortMessage.NOTE_OFF | (config.channel() - 1), config.note(), 0, dueNs);
                noteSounding = false;
            }
        }
        pulseInBeat++;
    }

    private void stop(final long nowNs) {
        if (!running) {
            return;
        }
        if (noteSounding) {
            send(ShortMessage.NOTE_OFF | (config.channel() - 1), config.note(), 0, nowNs);
            noteSounding = false;
        }
        if (pendingBarPos == 0) {
            send(ShortMessage.STOP, 0, 0, nowNs);
        }
        running = false;
        pendingBarPos = 0;
    }

    private void send(final int status, final int data1, final int data2, final long atNs) {
        try {
            final ShortMessage m = new ShortMessage();
            if (status >= 0xF8 || status == ShortMessage.START || status == ShortMessage.CONTINUE) {
                m.setMessage(status);
            } else {
                m.setMessage(status, data1, data2);
            }
            receiver.send(m, (atNs - startNs) / 1_000L);
        } catch (final InvalidMidiDataException | IllegalStateException ex) {
            log.accept("midi: cannot send: " + ex.getMessage());
        }
    }

    /** @return clock pulses sent */
    public long pulses() {
        return pulses.get();
    }

    /** @return beats dropped because the scheduler's queue was full */
    public long dropped() {
        return dropped.get();
    }

    /** Sends Stop if the clock runs, stops the scheduler and closes the receiver. */
    @Override
    public void close() throws Exception {
        if (scheduler != null) {
            if (!queue.offer(CLOSE_REQUEST, 1, TimeUnit.SECONDS)) {
                scheduler.interrupt();
            }
            scheduler.join(2_000);
            scheduler = null;
        }
        receiver.close();
    }
}
