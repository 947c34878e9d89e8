package org.earshot.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the dashboard's page, stylesheet and scripts from the jar ({@code /web/} on the class path) with the
 * JDK's HTTP server: nothing is fetched from elsewhere, so the page works offline. The page learns the
 * WebSocket port from a {@code <meta>} element filled in here.
 */
final class PageServer {
    /** Files served, by URL path. */
    static final Map<String, String> FILES = Map.of(
        "/", "index.html",
        "/index.html", "index.html",
        "/dashboard.css", "dashboard.css",
        "/common.js", "common.js",
        "/live.js", "live.js",
        "/favicon.svg", "favicon.svg");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, byte[]> bodies = new HashMap<>();

    /**
     * Binds the port and starts serving.
     *
     * @param address where to listen (port 0: any)
     * @throws IOException if the port cannot be bound
     */
    PageServer(final InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 16);
        executor = Executors.newFixedThreadPool(2, r -> {
            final Thread t = new Thread(r, "earshot-dashboard-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Loads the files, fills in the WebSocket port and starts answering.
     *
     * @param webSocketPort the port the page connects to
     */
    void start(final int webSocketPort) {
        for (final Map.Entry<String, String> e : FILES.entrySet()) {
            byte[] body = resource(e.getValue());
            if (e.getValue().equals("index.html")) {
                body = new String(body, StandardCharsets.UTF_8).replace("{{WS_PORT}}", Integer.toString(webSocketPort))
                    .getBytes(StandardCharsets.UTF_8);
            }
            bodies.put(e.getKey(), body);
        }
        server.start();
    }

    /** @return the bound port */
    int port() {
        return server.getAddress().getPort();
    }

    /**
     * @param name a file under {@code /web/}
     * @return its bytes
     * @throws UncheckedIOException if the jar lacks it
     */
    static byte[] resource(final String name) {
        try (InputStream in = PageServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing resource /web/" + name));
            }
            return in.readAllBytes();
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param name a file name
     * @return its content type
     */
    static String contentType(final String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String method = exchange.getRequestMethod();
            final String path = exchange.getRequestURI().getPath();
            final var headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Cache-Control", "no-cache");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            final byte[] body = bodies.get(path);
            if (body == null) {
                final byte[] msg = ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8);
                headers.set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, method.equals("HEAD") ? -1 : msg.length);
                if (!method.equals("HEAD")) {
                    exchange.getResponseBody().write(msg);
                }
                return;
            }
            headers.set("Content-Type", contentType(FILES.get(path)));
            headers.set("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; "
                + "img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
            headers.set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
            if (!method.equals("HEAD")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Stops answering, giving requests in progress up to a second. */
    void stop() {
        server.stop(1);
        executor.shutdownNow();
    }
}
