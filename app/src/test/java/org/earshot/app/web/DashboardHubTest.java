package org.earshot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.UnsafeBuffer;
import org.earshot.detectors.display.DisplayColumns;
import org.earshot.detectors.display.DisplayTapConfig;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.GraphInfo;
import org.junit.jupiter.api.Test;

/**
 * The hub on the test thread with an injected clock and fake connections: what a client is sent, the
 * acknowledgement window (a client that does not keep up gets fewer frames, never more than the window in
 * flight), skipping ahead, transport back-pressure, and controls reaching the engine's command queues.
 */
class DashboardHubTest {
    private static final EventType PING = EventType.define(9_901, "ping", EventField.real("value"));

    /** A connection that records what it is sent. */
    static final class FakeChannel implements ClientChannel {
        final List<String> sent = new ArrayList<>();
        int queued;
        boolean open = true;
        int closeCode;

        @Override
        public void send(final String text) {
            sent.add(text);
        }

        @Override
        public int queuedMessages() {
            return queued;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close(final int code, final String reason) {
            open = false;
            closeCode = code;
        }

        @Override
        public String describe() {
            return "fake";
        }

        List<String> frames() {
            return sent.stream().filter(s -> s.startsWith("{\"type\":\"frame\"")).toList();
        }

        String last(final String type) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).startsWith("{\"type\":\"" + type + "\"")) {
                    return sent.get(i);
                }
            }
            return null;
        }
    }

    /** Records the parameter changes posted. */
    static final class FakeEngine implements EngineLink {
        final List<String> posted = new ArrayList<>();
        boolean full;

        @Override
        public boolean trySetParameter(
            final int graphId, final String node, final int parameterId, final double value) {
            posted.add(graphId + ":" + node + ":" + parameterId + "=" + value);
            return !full;
        }

        @Override
        public EngineCounters counters() {
            return null;
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final DisplayTapNode tap = new DisplayTapNode(DisplayTapConfig.defaults().withRingColumns(4096),
        EventMode.LIVE, null, null);
    private final DashboardSink sink = new DashboardSink(5_333_333);
    private final Control bypass = new Control("0/bypass", 0, "bypass", "Bypass", true, 0, 1, 1, "", 0,
        List.of(new Control.Target("denoise", 3)));
    private final Control strength = new Control("0/strength", 0, "strength", "Strength", false, 0, 60, 1, "dB", 20,
        List.of(new Control.Target("denoise", 1)));
    private final HubGraph graph = new HubGraph(0, "live", 48_000, List.of("stft", "denoise", "display"),
        new GraphLayout(List.of("spectrogram", "denoiser", "health"), List.of(bypass, strength)), tap);
    private final DashboardHub hub = new DashboardHub("test", List.of("jsonl"), List.of(graph), sink, clock::get,
        line -> { });
    private long nextFrame;

    private void writeColumns(final int n) {
        final DisplayColumns ring = tap.columns();
        for (int i = 0; i < n; i++) {
            final int slot = ring.tryClaim();
            final float[] data = ring.data();
            final int base = ring.offset(slot);
            data[base + DisplayColumns.NOVELTY] = 0.5f;
            data[base + DisplayColumns.IN_RMS_DB] = -20f;
            data[base + DisplayColumns.IN_PEAK_DB] = -10f;
            data[base + DisplayColumns.OUT_RMS_DB] = Float.NaN;
            for (int b = 0; b < ring.bands(); b++) {
                data[base + DisplayColumns.SCALARS + b] = -55f;
            }
            ring.commit(slot, nextFrame);
            nextFrame += 960;
        }
    }

    private void event(final double value) {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocate(EventDescriptor.recordLength(1)));
        buffer.putLong(EventDescriptor.FRAME_OFFSET, 48_000);
        buffer.putLong(EventDescriptor.EMIT_FRAME_OFFSET, 48_256);
        buffer.putLong(EventDescriptor.CAPTURE_NS_OFFSET, System.nanoTime());
        buffer.putInt(EventDescriptor.FIELD_COUNT_OFFSET, 1);
        buffer.putDouble(EventDescriptor.fieldOffset(0), value);
        sink.onEvent(new EventView().wrap(PING, buffer, 0), new GraphInfo(0, "live", 48_000, 0, List.of()));
    }

    /** Advances the clock by one tick and runs a duty cycle. */
    private void tick() {
        clock.addAndGet(DashboardHub.TICK_NS);
        hub.doWork();
    }

    private static void ack(final DashboardHub hub, final FakeChannel c) {
        final String last = c.frames().get(c.frames().size() - 1);
        final String seq = last.substring(last.indexOf("\"seq\":") + 6, last.indexOf(",\"now\""));
        hub.onMessage(c, "{\"type\":\"ack\",\"seq\":" + seq + "}");
    }

    @Test
    void shouldSendHelloThenColumnsAndEventsWhenAClientConnects() {
        writeColumns(10);
        event(0.25);
        final FakeChannel c = new FakeChannel();
        hub.onOpen(c);
        tick();
        assertTrue(c.sent.get(0).startsWith("{\"type\":\"hello\""), c.sent.get(0));
        assertTrue(c.sent.get(0).contains("\"panels\":[\"spectrogram\",\"denoiser\",\"health\"]"), c.sent.get(0));
        assertTrue(c.sent.get(0).contains("\"id\":\"0/bypass\""), c.sent.get(0));
        final String frame = c.frames().get(0);
        assertTrue(frame.contains("\"g\":0,\"n\":10,\"skipped\":0"), frame);
        assertTrue(frame.contains("\"type\":\"ping\",\"t\":1,\"frame\":48000,\"decided\":1.005333,\"value\":0.25"),
            frame);
        assertTrue(frame.contains("\"out\":[null,"), "NaN levels are null: " + frame);
        assertTrue(frame.contains("\"health\":{"), frame);
    }

    @Test
    void shouldKeepAtMostTheWindowInFlightWhenAClientNeverAcknowledges() {
        final FakeChannel slow = new FakeChannel();
        final FakeChannel fast = new FakeChannel();
        hub.onOpen(slow);
        hub.onOpen(fast);
        for (int t = 0; t < 50; t++) {
            writeColumns(2);
            tick();
            if (!fast.frames().isEmpty()) {
                ack(hub, fast);
            }
        }
        assertEquals(DashboardHub.WINDOW, slow.frames().size(), "the slow client is sent the window, then nothing");
        assertEquals(50, fast.frames().size(), "the other client gets a frame every tick");
        assertTrue(hub.framesSkipped() >= 48, "skips are counted: " + hub.framesSkipped());
        ack(hub, slow);
        writeColumns(2);
        tick();
        final String catchUp = slow.frames().get(slow.frames().size() - 1);
        assertTrue(catchUp.contains("\"n\":98,\"skipped\":0"), "one frame carries all it missed: "
            + catchUp.substring(0, 120));
    }

    @Test
    void shouldSkipAheadAndSayHowFarWhenAClientFallsFarBehind() {
        final FakeChannel c = new FakeChannel();
        hub.onOpen(c);
        tick();
        tick();
        assertEquals(1, c.frames().size());
        writeColumns(DashboardHub.MAX_COLUMNS_PER_FRAME + 300);
        tick();
        ack(hub, c);
        tick();
        final String frame = c.frames().get(c.frames().size() - 1);
        assertTrue(frame.contains("\"n\":" + DashboardHub.MAX_COLUMNS_PER_FRAME + ",\"skipped\":300"), frame);
        assertTrue(frame.contains("\"columnsSkipped\":300"), frame);
    }

    @Test
    void shouldSkipAClientWhoseTransportIsBackedUp() {
        final FakeChannel c = new FakeChannel();
        hub.onOpen(c);
        tick();
        ack(hub, c);
        c.queued = DashboardHub.MAX_QUEUED_MESSAGES + 1;
        final int before = c.frames().size();
        for (int t = 0; t < 10; t++) {
            writeColumns(2);
            tick();
        }
        assertEquals(before, c.frames().size());
        c.queued = 0;
        tick();
        assertEquals(before + 1, c.frames().size());
    }

    @Test
    void shouldDropAClientWhoseConnectionClosed() {
        final FakeChannel c = new FakeChannel();
        hub.onOpen(c);
        tick();
        assertEquals(1, hub.clientCount());
        c.open = false;
        writeColumns(1);
        tick();
        assertEquals(0, hub.clientCount());
    }

    @Test
    void shouldPostAControlToEveryTargetAndShowItToEveryClient() {
        final FakeEngine engine = new FakeEngine();
        hub.attach(engine);
        final FakeChannel a = new FakeChannel();
        final FakeChannel b = new FakeChannel();
        hub.onOpen(a);
        hub.onOpen(b);
        tick();
        ack(hub, a);
        ack(hub, b);
        hub.onMessage(a, "{\"type\":\"set\",\"id\":\"0/bypass\",\"value\":1}");
        tick();
        assertEquals(List.of("0:denoise:3=1.0"), engine.posted);
        assertEquals("{\"type\":\"control\",\"id\":\"0/bypass\",\"value\":1,\"ok\":true}", a.last("control"));
        assertTrue(b.last("frame").contains("\"controls\":[{\"id\":\"0/bypass\",\"value\":1},{\"id\":\"0/strength\","
            + "\"value\":20}]"), b.last("frame"));
    }

    @Test
    void shouldClampAControlToItsRange() {
        final FakeEngine engine = new FakeEngine();
        hub.attach(engine);
        final FakeChannel a = new FakeChannel();
        hub.onOpen(a);
        hub.onMessage(a, "{\"type\":\"set\",\"id\":\"0/strength\",\"value\":99}");
        tick();
        assertEquals(List.of("0:denoise:1=60.0"), engine.posted);
        assertEquals("{\"type\":\"control\",\"id\":\"0/strength\",\"value\":60,\"ok\":true}", a.last("control"));
    }

    @Test
    void shouldRefuseAControlWhenTheEngineIsNotRunningOrItsQueueIsFull() {
        final FakeChannel a = new FakeChannel();
        hub.onOpen(a);
        hub.onMessage(a, "{\"type\":\"set\",\"id\":\"0/bypass\",\"value\":1}");
        tick();
        assertEquals("{\"type\":\"control\",\"id\":\"0/bypass\",\"value\":0,\"ok\":false,"
            + "\"error\":\"the engine is not running\"}", a.last("control"));
        final FakeEngine engine = new FakeEngine();
        engine.full = true;
        hub.attach(engine);
        hub.onMessage(a, "{\"type\":\"set\",\"id\":\"0/bypass\",\"value\":1}");
        tick();
        assertEquals("{\"type\":\"control\",\"id\":\"0/bypass\",\"value\":0,\"ok\":false,"
            + "\"error\":\"node denoise did not take the change (command queue full)\"}", a.last("control"));
        hub.detach();
        hub.onMessage(a, "{\"type\":\"set\",\"id\":\"0/nope\",\"value\":1}");
        hub.onMessage(a, "{\"type\":\"set\",");
        tick();
        assertTrue(a.sent.contains("{\"type\":\"error\",\"message\":\"no control 0/nope\"}"), a.sent.toString());
        assertTrue(a.last("error").startsWith("{\"type\":\"error\",\"message\":\"unreadable message"), a.last("error"));
    }

    @Test
    void shouldRefuseClientsBeyondTheLimit() {
        final List<FakeChannel> channels = new ArrayList<>();
        for (int i = 0; i <= DashboardHub.MAX_CLIENTS; i++) {
            final FakeChannel c = new FakeChannel();
            channels.add(c);
            hub.onOpen(c);
        }
        tick();
        assertEquals(DashboardHub.MAX_CLIENTS, hub.clientCount());
        assertFalse(channels.get(DashboardHub.MAX_CLIENTS).open);
        assertEquals(1013, channels.get(DashboardHub.MAX_CLIENTS).closeCode);
    }

    @Test
    void shouldDropAndCountEventsInsteadOfWaitingWhenTheHubFallsBehind() {
        for (int i = 0; i < DashboardSink.QUEUE_CAPACITY + 100; i++) {
            event(i);
        }
        assertEquals(100, sink.dropped());
    }
}
