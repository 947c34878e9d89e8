package org.earshot.io.sink.osc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import com.illposed.osc.transport.OSCPortOut;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * Sends events as OSC messages over UDP. The address space:
 *
 * <table>
 *   <caption>OSC addresses</caption>
 *   <tr><th>address</th><th>types</th><th>arguments</th></tr>
 *   <tr><td>{@code /earshot/beat}</td><td>{@code ifif}</td><td>beat index (from 0 at each lock), tempo in BPM,
 *       bar position (1 = downbeat), confidence 0–1</td></tr>
 *   <tr><td>{@code /earshot/tempo}</td><td>{@code ffi}</td><td>tempo in BPM (0 when unlocked), confidence,
 *       locked (1 or 0)</td></tr>
 *   <tr><td>{@code /earshot/onset}</td><td>{@code f}</td><td>onset strength</td></tr>
 *   <tr><td>{@code /earshot/TYPE}</td><td>per field</td><td>any other event: its fields in record order, whole
 *       numbers and booleans as {@code i}, labels as {@code s}, the rest as {@code f} (frame fields in seconds)</td></tr>
 * </table>
 *
 * <p>With {@link OscSinkConfig#timeTaggedBeats()}, a beat goes out as a bundle whose time tag is the wall-clock time
 * of the predicted beat (the capture time of the block that predicted it plus the distance to the beat), so a
 * receiver that schedules bundles acts exactly on the beat. Otherwise it is sent at once, ahead of the beat by the
 * tracker's look-ahead plus its {@code --lead-ms}.
 *
 * <p>{@link #onEvent} runs on the event agent's thread and never blocks: it builds the packet and offers it to a
 * bounded queue; a sender thread of its own does the network I/O. A full queue drops the packet and counts it
 * ({@link #dropped()}); a failed send is counted in {@link #failed()} and reported once per change of state.
 */
public final class OscSink implements EventSink {
    private static final OSCPacket POISON = new OSCMessage("/earshot/close");
    /** Seconds from 1900-01-01 (NTP epoch) to 1970-01-01. */
    private static final long NTP_EPOCH_OFFSET_S = 2_208_988_800L;

    private final OscSinkConfig config;
    private final Consumer<String> log;
    private final ArrayBlockingQueue<OSCPacket> queue;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final long epochOffsetNs;
    private OSCPortOut port;
    private Thread sender;

    /**
     * @param config settings
     * @param log    where send failures are reported, one line per change of state
     */
    public OscSink(final OscSinkConfig config, final Consumer<String> log) {
        this.config = config;
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.epochOffsetNs = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) throws IOException {
        final InetSocketAddress target = new InetSocketAddress(config.host(), config.port());
        if (target.isUnresolved()) {
            throw new IOException("osc: cannot resolve host " + config.host());
        }
        port = new OSCPortOut(target);
        sender = new Thread(this::send, "earshot-osc");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) {
        final OSCPacket packet = packet(event, graph);
        if (!queue.offer(packet)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * @param event an event
     * @param graph its graph
     * @return the OSC packet it becomes
     */
    OSCPacket packet(final EventView event, final GraphInfo graph) {
        final EventType type = event.type();
        final String name = type.name();
        final List<Object> args = new ArrayList<>(8);
        switch (name) {
            case "beat" -> {
                args.add((int)Math.round(value(event, "index")));
                args.add((float)value(event, "bpm"));
                args.add((int)Math.round(value(event, "bar_pos")));
                args.add((float)value(event, "confidence"));
                final OSCMessage message = new OSCMessage("/earshot/beat", args);
                if (!config.timeTaggedBeats()) {
                    return message;
                }
                final double aheadS = (event.frame() - event.emitFrame()) / (double)graph.sampleRateHz();
                final long beatEpochNs = event.captureNs() + epochOffsetNs + Math.round(aheadS * 1e9);
                return new OSCBundle(List.of(message), ntpTimeTag(beatEpochNs));
            }
            case "tempo" -> {
                args.add((float)value(event, "bpm"));
                args.add((float)value(event, "confidence"));
                args.add(value(event, "locked") != 0.0 ? 1 : 0);
                return new OSCMessage("/earshot/tempo", args);
            }
            case "onset" -> {
                args.add((float)value(event, "strength"));
                return new OSCMessage("/earshot/onset", args);
            }
            default -> {
                final List<EventField> fields = type.fields();
                for (int i = 0; i < fields.size() && i < event.fieldCount(); i++) {
                    final double v = event.value(i);
                    switch (fields.get(i).kind()) {
                        case INTEGER, BOOLEAN -> args.add((int)Math.round(v));
                        case LABEL -> {
                            final long index = Math.round(v);
                            args.add(index >= 0 && index < type.labels().size() ? type.labels().get((int)index) : "");
                        }
                        case FRAME_AS_SECONDS -> args.add((float)(v / graph.sampleRateHz()));
                        default -> args.add((float)v);
                    }
                }
                return new OSCMessage("/earshot/" + name, args);
            }
        }
    }

    /**
     * An OSC time tag (NTP format: seconds since 1900 in the high 32 bits, binary fraction in the low 32). Built by
     * hand: JavaOSC 0.8's {@code OSCTimeTag64.valueOf(Instant)} writes seconds since 1970, which receivers such as
     * liblo read as a date in 1956.
     *
     * @param epochNs wall-clock time, ns since 1970
     * @return the time tag
     */
    static OSCTimeTag64 ntpTimeTag(final long epochNs) {
        final long seconds = Math.floorDiv(epochNs, 1_000_000_000L);
        final long nanos = Math.floorMod(epochNs, 1_000_000_000L);
        final long ntpSeconds = seconds + NTP_EPOCH_OFFSET_S;
        final long fraction = (nanos << 32) / 1_000_000_000L;
        return OSCTimeTag64.valueOf((ntpSeconds << 32) | fraction);
    }

    private static double value(final EventView event, final String field) {
        final int i = event.type().indexOf(field);
        return i >= 0 && i < event.fieldCount() ? event.value(i) : 0.0;
    }

    private void send() {
        boolean failing = false;
        while (true) {
            final OSCPacket p;
            try {
                p = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (final InterruptedException ex) {
                break;
            }
            if (p == POISON) {
                break;
            }
            if (p == null) {
                continue;
            }
            try {
                port.send(p);
                sent.incrementAndGet();
                if (failing) {
                    log.accept("osc: sending to " + config.host() + ":" + config.port() + " works again");
                    failing = false;
                }
            } catch (final IOException | com.illposed.osc.OSCSerializeException ex) {
                failed.incrementAndGet();
                if (!failing) {
                    log.accept("osc: cannot send to " + config.host() + ":" + config.port() + ": " + ex.getMessage());
                    failing = true;
                }
            }
        }
    }

    /** @return packets handed to the network */
    public long sent() {
        return sent.get();
    }

    /** @return packets dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    /** @return packets whose send failed */
    public long failed() {
        return failed.get();
    }

    /** Sends what is queued (for up to a second), then closes the socket. */
    @Override
    public void close() throws Exception {
        if (sender != null) {
            if (!queue.offer(POISON, 1, TimeUnit.SECONDS)) {
                sender.interrupt();
            }
            sender.join(2_000);
            sender = null;
        }
        if (port != null) {
            port.close();
            port = null;
        }
    }
}
