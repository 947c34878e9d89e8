package org.earshot.app.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The dashboard's WebSocket endpoint (Java-WebSocket, one selector thread and one decoder thread): hands
 * connections and text messages to the {@link DashboardHub}, which owns every decision. Browsers must come
 * from the dashboard's own page: a handshake whose {@code Origin} is another site (or another port) is
 * refused, so a web page elsewhere cannot drive the controls of a local engine.
 */
final class WebSocketTransport extends WebSocketServer {
    private static final int MAX_MESSAGE_CHARS = 4096;

    private final DashboardHub hub;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile int httpPort;
    private volatile Exception startFailure;

    /**
     * @param address where to listen (port 0: any)
     * @param hub     the hub
     */
    WebSocketTransport(final InetSocketAddress address, final DashboardHub hub) {
        super(address, 1);
        this.hub = hub;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        setConnectionLostTimeout(30);
    }

    /**
     * Starts listening and waits until the port is bound.
     *
     * @param pagePort the HTTP port whose pages may connect
     * @throws java.io.IOException if the port cannot be bound
     */
    void startAndWait(final int pagePort) throws java.io.IOException {
        this.httpPort = pagePort;
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new java.io.IOException("the WebSocket server did not start within 10 s");
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while starting the WebSocket server", ex);
        }
        if (startFailure != null) {
            throw new java.io.IOException(startFailure.getMessage(), startFailure);
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        final WebSocket conn, final Draft draft, final ClientHandshake request) throws InvalidDataException {
        final ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        final String origin = request.getFieldValue("Origin");
        if (origin != null && !origin.isEmpty() && !allowedOrigin(origin, request.getFieldValue("Host"), httpPort)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin " + origin + " is not this dashboard");
        }
        return response;
    }

    /**
     * A browser origin is allowed when it is {@code http://HOST:PAGE_PORT} with the host the browser used to
     * reach this socket.
     *
     * @param origin   the {@code Origin} header
     * @param host     the {@code Host} header ({@code host:port})
     * @param pagePort the dashboard's HTTP port
     * @return whether the page is the dashboard's
     */
    static boolean allowedOrigin(final String origin, final String host, final int pagePort) {
        try {
            final URI o = URI.create(origin);
            final String wsHost = URI.create("ws://" + host).getHost();
            return "http".equals(o.getScheme()) && o.getPort() == pagePort && o.getHost() != null
                && o.getHost().toLowerCase(Locale.ROOT).equals(wsHost == null ? null : wsHost.toLowerCase(Locale.ROOT));
        } catch (final IllegalArgumentException ex) {
            return false;
        }
    }

    @Override
    public void onOpen(final WebSocket conn, final ClientHandshake handshake) {
        final Channel channel = new Channel(conn);
        conn.setAttachment(channel);
        hub.onOpen(channel);
    }

    @Override
    public void onClose(final WebSocket conn, final int code, final String reason, final boolean remote) {
        final Channel channel = conn.getAttachment();
        if (channel != null) {
            hub.onClose(channel);
        }
    }

    @Override
    public void onMessage(final WebSocket conn, final String message) {
        final Channel channel = conn.getAttachment();
        if (channel == null) {
            return;
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            conn.close(CloseFrame.TOOBIG, "message too long");
            return;
        }
        hub.onMessage(channel, message);
    }

    @Override
    public void onMessage(final WebSocket conn, final ByteBuffer message) {
        conn.close(CloseFrame.REFUSE, "binary messages are not read");
    }

    @Override
    public void onError(final WebSocket conn, final Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** A Java-WebSocket connection as a {@link ClientChannel}. */
    private static final class Channel implements ClientChannel {
        private final WebSocket conn;

        Channel(final WebSocket conn) {
            this.conn = conn;
        }

        @Override
        public void send(final String text) {
            try {
                conn.send(text);
            } catch (final org.java_websocket.exceptions.WebsocketNotConnectedException ex) {
                // closed meanwhile: the hub drops the client at its next tick
            }
        }

        @Override
        public int queuedMessages() {
            return conn instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
        }

        @Override
        public boolean isOpen() {
            return conn.isOpen();
        }

        @Override
        public void close(final int code, final String reason) {
            conn.close(code, reason);
        }

        @Override
        public String describe() {
            final InetSocketAddress peer = conn.getRemoteSocketAddress();
            return peer == null ? "closed" : peer.toString();
        }
    }
}
