package org.earshot.io.sink.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.TestEvents;
import org.junit.jupiter.api.Test;

/** A browser-like client receives beats as JSON text frames. */
class WebSocketSinkTest {
    private static final GraphInfo GRAPH = new GraphInfo(0, "live", 48_000, 0, List.of());

    @Test
    void shouldStreamBeatsAsJsonToConnectedClients() throws Exception {
        final WebSocketSink sink = new WebSocketSink(new InetSocketAddress("127.0.0.1", 0), 64, System.err::println);
        sink.onStart(List.of(GRAPH));
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        final WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + sink.port() + "/"), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last) {
                    text.append(data);
                    if (last) {
                        received.add(text.toString());
                        text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            }).get(5, TimeUnit.SECONDS);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String first = null;
        while (first == null && System.nanoTime() < deadline) {
            sink.onEvent(TestEvents.view(TestEvents.BEAT, 48_000, 47_000, System.nanoTime(), 47_000, 120.0, 1, 0.8,
                0, 4), GRAPH);
            first = received.poll(100, TimeUnit.MILLISECONDS);
        }
        client.abort();
        sink.close();
        assertTrue(first != null, "a frame arrived");
        assertTrue(first.startsWith("{\"type\":\"beat\""), first);
        assertTrue(first.contains("\"t\":1,") && first.contains("\"bpm\":120") && first.contains("\"bar_pos\":1"),
            first);
        assertTrue(first.contains("\"emitted\":0.979167"), first);
        assertEquals(0, sink.dropped());
    }
}
