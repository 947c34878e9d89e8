package org.earshot.io.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.agrona.concurrent.UnsafeBuffer;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.event.FieldKind;
import org.earshot.engine.runtime.GraphInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook sink against a local HTTP server on 127.0.0.1 that fails before it accepts. */
class WebhookSinkTest {
    private static final EventType TYPE = EventType.define(1106, "event", List.of("cough"),
        new EventField("label", FieldKind.LABEL), EventField.seconds("start"), EventField.seconds("end"),
        EventField.real("confidence"));
    private static final GraphInfo HALL = new GraphInfo(0, "hall", 16_000, 0, List.of("n"));

    @TempDir
    Path dir;

    private static EventView event(final long startFrame) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[EventDescriptor.recordLength(4)]);
        b.putLong(EventDescriptor.FRAME_OFFSET, startFrame);
        b.putInt(EventDescriptor.FIELD_COUNT_OFFSET, 4);
        b.putDouble(EventDescriptor.fieldOffset(0), 0);
        b.putDouble(EventDescriptor.fieldOffset(1), startFrame);
        b.putDouble(EventDescriptor.fieldOffset(2), startFrame + 1600);
        b.putDouble(EventDescriptor.fieldOffset(3), 0.75);
        return new EventView().wrap(TYPE, b, 0);
    }

    @Test
    void shouldRetryUntilTheServerAcceptsAndDeliverInOrder() throws Exception {
        final List<String> bodies = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", ex -> {
            final String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final int status = calls.incrementAndGet() <= 3 ? 503 : 204;
            if (status == 204) {
                synchronized (bodies) {
                    bodies.add(body);
                    keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
                }
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        try {
            final URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
            final WebhookSink sink = new WebhookSink(new WebhookSinkConfig(url, dir, 1 << 20, 2000, 200), line -> { });
            sink.onStart(List.of(HALL));
            for (int i = 0; i < 3; i++) {
                sink.onEvent(event(16_000L * i), HALL);
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sink.delivered() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            sink.close();
            assertEquals(3, sink.delivered());
            assertTrue(calls.get() >= 6, "three failures, then three deliveries: " + calls.get());
            assertEquals(List.of("hall-1", "hall-2", "hall-3"), keys);
            assertTrue(bodies.get(0).startsWith("{\"type\":\"event\",\"id\":1,\"room\":\"hall\""), bodies.get(0));
            assertTrue(bodies.get(2).contains("\"label\":\"cough\",\"start\":2,\"end\":2.1,\"confidence\":0.75}"),
                bodies.get(2));
        } finally {
            server.stop(0);
        }
    }
}
