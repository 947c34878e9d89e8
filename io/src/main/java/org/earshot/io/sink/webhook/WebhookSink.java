package org.earshot.io.sink.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.EventJson;
import org.earshot.io.sink.spool.Spool;

/**
 * POSTs each {@code event} as JSON (the MQTT payload: type, id, room, time, label, start, end,
 * confidence) to a URL, with an {@code Idempotency-Key: ROOM-ID} header. Events go through the same
 * on-disk {@link Spool} as MQTT, so they survive an unreachable server and a restart; a sender thread
 * delivers them in order per room and retries with exponential backoff (up to {@code maxBackoffMs}).
 * A 2xx answer delivers; 4xx other than 408 and 429 rejects the event for good (counted); anything else
 * (5xx, timeouts, refused connections) is retried.
 */
public final class WebhookSink implements EventSink {
    private final WebhookSinkConfig config;
    private final Consumer<String> log;
    private final List<Room> rooms = new ArrayList<>();
    private final StringBuilder json = new StringBuilder(256);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private HttpClient http;
    private volatile boolean running;
    private long reportedDrops;
    private Thread sender;

    /**
     * @param config settings
     * @param log    where failures are reported (one line per change of state)
     */
    public WebhookSink(final WebhookSinkConfig config, final Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    private static final class Room {
        final GraphInfo graph;
        final String level;
        final Spool spool;
        long nextAttemptNs;
        long backoffMs = 100;
        boolean failing;

        Room(final GraphInfo graph, final Spool spool) {
            this.graph = graph;
            this.level = EventJson.topicLevel(graph.name());
            this.spool = spool;
        }
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) throws IOException {
        for (final GraphInfo g : graphs) {
            rooms.add(new Room(g, new Spool(config.spoolDirectory().resolve(EventJson.topicLevel(g.name())),
                config.spoolMaxBytes())));
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.timeoutMs())).build();
        running = true;
        sender = new Thread(this::send, "earshot-webhook");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) throws IOException {
        if (!"event".equals(event.type().name()) || graph.id() >= rooms.size()) {
            return;
        }
        final Room room = rooms.get(graph.id());
        EventJson.format(json, event, graph, room.spool.nextId(), System.currentTimeMillis());
        room.spool.append("", json.toString().getBytes(StandardCharsets.UTF_8));
        final long dropped = dropped();
        if (dropped != reportedDrops) {
            reportedDrops = dropped;
            log.accept("webhook: spool of room " + room.graph.name() + " is full; " + dropped
                + " oldest events dropped so far");
        }
    }


    private void send() {
        long drainDeadline = 0;
        while (true) {
            if (!running) {
                if (drainDeadline == 0) {
                    drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                }
                if (spooled() == 0 || System.nanoTime() - drainDeadline > 0) {
                    break;
                }
            }
            int work = 0;
            for (final Room r : rooms) {
                work += service(r);
            }
            if (work == 0) {
                LockSupport.parkNanos(5_000_000L);
            }
        }
        for (final Room r : rooms) {
            try {
                r.spool.close();
            } catch (final IOException ex) {
                log.accept("webhook: " + ex.getMessage());
            }
        }
    }

    private int service(final Room r) {
        final long now = System.nanoTime();
        if (now - r.nextAttemptNs < 0) {
            return 0;
        }
        final Spool.Message m = r.spool.peek();
        if (m == null) {
            return 0;
        }
        int status;
        String problem;
        try {
            final HttpRequest req = HttpRequest.newBuilder(config.url())
                .timeout(Duration.ofMillis(config.timeoutMs()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", r.level + "-" + m.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.payload()))
                .build();
            status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            problem = "HTTP " + status;
        } catch (final IOException ex) {
            status = -1;
            problem = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 0;
        }
        final boolean ok = status >= 200 && status < 300;
        final boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        if (ok || permanent) {
            try {
                r.spool.ack(m.id());
            } catch (final IOException ex) {
                log.accept("webhook: cannot record delivery: " + ex.getMessage());
            }
            if (ok) {
                delivered.incrementAndGet();
            } else {
                rejected.incrementAndGet();
                log.accept("webhook: " + config.url() + " rejected event " + m.id() + " of room " + r.graph.name()
                    + " (" + problem + "); dropped");
            }
            if (r.failing) {
                r.failing = false;
                log.accept("webhook: " + config.url() + " reachable again for room " + r.graph.name());
            }
            r.backoffMs = 100;
            return 1;
        }
        if (!r.failing) {
            r.failing = true;
            log.accept("webhook: " + config.url() + " failed for room " + r.graph.name() + " (" + problem
                + "); retrying, events are spooled");
        }
        r.nextAttemptNs = now + TimeUnit.MILLISECONDS.toNanos(r.backoffMs);
        r.backoffMs = Math.min(config.maxBackoffMs(), r.backoffMs * 2);
        return 0;
    }

    private int spooled() {
        int n = 0;
        for (final Room r : rooms) {
            n += r.spool.size();
        }
        return n;
    }

    /** @return events delivered */
    public long delivered() {
        return delivered.get();
    }

    /** @return events dropped because a spool was full */
    public long dropped() {
        long n = 0;
        for (final Room r : rooms) {
            n += r.spool.dropped();
        }
        return n;
    }

    /** @return events the server refused for good */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.join(10_000);
        }
    }
}
