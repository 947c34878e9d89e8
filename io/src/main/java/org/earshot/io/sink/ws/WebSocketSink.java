package org.earshot.io.sink.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.EventJson;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server that streams every event to every connected client as one JSON text frame, in the form network
 * sinks share ({@link EventJson}), e.g.
 * {@code {"type":"beat","id":7,"room":"live","time":"…","t":12.5,"frame":600000,"emitted":12.48,"bpm":120,…}}, for
 * browser visuals. Clients only listen; what they send is ignored.
 *
 * <p>{@link #onEvent} runs on the event agent's thread: it formats the event and offers it to a bounded queue
 * ({@link #dropped()} counts what does not fit); a sender thread hands frames to the connections. A client that does
 * not keep up (more than {@code maxBacklog} frames waiting) skips frames, counted in {@link #skipped()}, rather than
 * growing memory.
 */
public final class WebSocketSink implements EventSink {
    private static final String CLOSE = new String("close");

    private final InetSocketAddress bind;
    private final int maxBacklog;
    private final Consumer<String> log;
    private final ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(1024);
    private final StringBuilder json = new StringBuilder(256);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private Server server;
    private Thread sender;
    private long nextId;

    /**
     * @param bind       address and port to listen on (port 0: any free port, see {@link #port()})
     * @param maxBacklog frames one client may have waiting before it skips frames, 1 or more
     * @param log        where failures are reported
     */
    public WebSocketSink(final InetSocketAddress bind, final int maxBacklog, final Consumer<String> log) {
        if (maxBacklog < 1) {
            throw new IllegalArgumentException("maxBacklog must be >= 1, got " + maxBacklog);
        }
        this.bind = bind;
        this.maxBacklog = maxBacklog;
        this.log = log;
    }

    private final class Server extends WebSocketServer {
        Server() {
            super(bind);
            setReuseAddr(true);
        }

        @Override
        public void onOpen(final WebSocket conn, final ClientHandshake handshake) {
        }

        @Override
        public void onClose(final WebSocket conn, final int code, final String reason, final boolean remote) {
        }

        @Override
        public void onMessage(final WebSocket conn, final String message) {
        }

        @Override
        public void onError(final WebSocket conn, final Exception ex) {
            if (conn == null) {
                startFailure = ex;
                started.countDown();
            } else {
                log.accept("ws: " + conn.getRemoteSocketAddress() + ": " + ex.getMessage());
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) throws IOException, InterruptedException {
        server = new Server();
        server.start();
        if (!started.await(5, TimeUnit.SECONDS) || startFailure != null) {
            throw new IOException("ws: cannot listen on " + bind + (startFailure == null ? "" : ": "
                + startFailure.getMessage()), startFailure);
        }
        sender = new Thread(this::send, "earshot-ws");
        sender.setDaemon(true);
        sender.start();
    }

    /** @return the port the server listens on, valid after {@link #onStart} */
    public int port() {
        return server.getPort();
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) {
        EventJson.format(json, event, graph, nextId++, System.currentTimeMillis());
        if (!queue.offer(json.toString())) {
            dropped.incrementAndGet();
        }
    }

    private void send() {
        while (true) {
            final String text;
            try {
                text = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (final InterruptedException ex) {
                break;
            }
            if (text == CLOSE) {
                break;
            }
            if (text == null) {
                continue;
            }
            for (final WebSocket conn : server.getConnections()) {
                if (!conn.isOpen()) {
                    continue;
                }
                if (conn instanceof WebSocketImpl impl && impl.outQueue.size() >= maxBacklog) {
                    skipped.incrementAndGet();
                    continue;
                }
                try {
                    conn.send(text);
                    sent.incrementAndGet();
                } catch (final RuntimeException ex) {
                    skipped.incrementAndGet();
                }
            }
        }
    }

    /** @return frames handed to connections */
    public long sent() {
        return sent.get();
    }

    /** @return events dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    /** @return frames skipped for clients that did not keep up */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public void close() throws Exception {
        if (sender != null) {
            if (!queue.offer(CLOSE, 1, TimeUnit.SECONDS)) {
                sender.interrupt();
            }
            sender.join(2_000);
            sender = null;
        }
        if (server != null) {
            server.stop(1_000);
            server = null;
        }
    }
}
