package org.earshot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.earshot.app.config.ConfigException;
import org.earshot.detectors.display.DisplayTapConfig;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.junit.jupiter.api.Test;

/**
 * The servers on loopback: the page and its files from the jar (the WebSocket port filled in, nothing else
 * served, only GET and HEAD), the WebSocket's origin check and hello, and a port that is taken.
 */
class DashboardServerTest {
    private static RenderPlan plan() {
        final GraphBuilder b = new GraphBuilder();
        b.add(new DisplayTapNode(DisplayTapConfig.defaults(), EventMode.LIVE, null, null));
        return b.build(GraphConfig.of("live", 48_000, 256, EventMode.LIVE));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(final String url, final String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeThePageAndItsFilesWithTheWebSocketPortFilledIn() throws Exception {
        try (Dashboard d = Dashboard.start(DashboardAddress.parse("127.0.0.1:0"), "test", List.of(plan()), List.of(),
            line -> { })) {
            final HttpResponse<String> page = get(d.url(), "GET");
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            assertTrue(page.body().contains("<meta name=\"earshot-ws-port\" content=\"" + d.webSocketPort() + "\">"),
                page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            for (final String f : List.of("live.js", "common.js", "dashboard.css", "favicon.svg")) {
                final HttpResponse<String> r = get(d.url() + f, "GET");
                assertEquals(200, r.statusCode(), f);
                assertTrue(r.body().length() > 100, f);
                assertTrue(!r.body().contains("http://") && !r.body().contains("https://") || f.endsWith(".svg"),
                    f + " loads nothing from elsewhere");
            }
            assertEquals(404, get(d.url() + "../pom.xml", "GET").statusCode());
            assertEquals(404, get(d.url() + "report.js", "GET").statusCode());
            assertEquals(405, get(d.url(), "POST").statusCode());
            assertEquals(200, get(d.url(), "HEAD").statusCode());
        }
    }

    @Test
    void shouldGreetTheDashboardsOwnPageAndRefuseOtherOrigins() throws Exception {
        try (Dashboard d = Dashboard.start(DashboardAddress.parse("127.0.0.1:0"), "greeting", List.of(plan()),
            List.of("jsonl"), line -> { })) {
            final URI ws = URI.create("ws://127.0.0.1:" + d.webSocketPort() + "/");
            final CompletableFuture<String> first = new CompletableFuture<>();
            final WebSocket ok = http.newWebSocketBuilder().header("Origin", d.url().replaceAll("/$", ""))
                .buildAsync(ws, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(final WebSocket w, final CharSequence data, final boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            final String hello = first.get(10, TimeUnit.SECONDS);
            assertTrue(hello.startsWith("{\"type\":\"hello\",\"version\":1,\"client\":1,\"title\":\"greeting\""),
                hello);
            assertTrue(hello.contains("\"panels\":[\"spectrogram\",\"health\"]"), hello);
            ok.abort();
            final ExecutionException refused = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
                .header("Origin", "http://evil.example:" + URI.create(d.url()).getPort())
                .buildAsync(ws, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
        }
    }

    @Test
    void shouldNameTheFlagAndAddressWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            final int port = taken.getLocalPort();
            final java.io.IOException ex = assertThrows(java.io.IOException.class, () -> Dashboard.start(
                new DashboardAddress("127.0.0.1", port), "t", List.of(plan()), List.of(), line -> { }));
            assertTrue(ex.getMessage().startsWith("--dashboard 127.0.0.1:" + port + ": cannot listen: "),
                ex.getMessage());
            final ConfigException config = assertThrows(ConfigException.class, () -> LiveDashboard.open(
                "127.0.0.1:" + port, List.of(plan()), "t", List.of(), new java.io.PrintWriter(System.err)));
            assertEquals(org.earshot.app.config.ErrorKind.INPUT, config.kind());
        }
    }
}
