package org.earshot.io.sink.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes {@code event} records to MQTT (Eclipse Paho), one connection per room:
 *
 * <pre>
 *   PREFIX/ROOM/event/LABEL   the event as JSON, QoS 1, with an id for de-duplication
 *   PREFIX/ROOM/status        "online" (retained) while connected; the last will sets "offline" (retained)
 *   homeassistant/binary_sensor/earshot_ROOM/LABEL/config   retained discovery, one per alert label
 * </pre>
 *
 * <p>Durability: the event agent only appends each event to the room's on-disk {@link Spool} (a local
 * file write into the operating system's cache, never the network, never an fsync). A publisher thread
 * owned by the sink sends the spool in order, one message in flight per room, and removes a message only
 * when the broker has acknowledged it (PUBACK).
 * While the broker is down messages wait in the spool; after a {@code kill -9} of earshot the spool is
 * read back at the next start and sent, so every alert arrives at least once, in order, with its id.
 * Messages dropped because a spool is full are counted ({@link #dropped()}).
 */
public final class MqttSink implements EventSink {
    private static final long DRAIN_MS = 3000;
    /** Longest wait for an abandoned connect attempt to end before its client is closed, ms. */
    private static final long CONNECT_SETTLE_MS = 5000;

    private final MqttSinkConfig config;
    private final Consumer<String> log;
    private final List<Room> rooms = new ArrayList<>();
    private final StringBuilder json = new StringBuilder(256);
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;
    private long reportedDrops;
    private Thread publisher;

    /**
     * @param config settings
     * @param log    where connection changes are reported (one line each)
     */
    public MqttSink(final MqttSinkConfig config, final Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    /** One room's connection and spool, used by the publisher thread (the spool is shared). */
    private final class Room {
        final GraphInfo graph;
        final String level;
        final String statusTopic;
        final Spool spool;
        MqttAsyncClient client;
        IMqttToken connecting;
        IMqttDeliveryToken inflight;
        long inflightId;
        long nextAttemptNs;
        long backoffMs = 100;
        boolean wasConnected;

        Room(final GraphInfo graph) throws IOException {
            this.graph = graph;
            this.level = EventJson.topicLevel(graph.name());
            this.statusTopic = config.topicPrefix() + "/" + level + "/status";
            this.spool = new Spool(config.spoolDirectory().resolve(level), config.spoolMaxBytes());
        }

        int service(final long nowNs) {
            if (client == null || !client.isConnected()) {
                inflight = null;
                if (wasConnected) {
                    wasConnected = false;
                    log.accept("mqtt: room " + graph.name() + " lost the broker; " + spool.size() + " alerts spooled");
                }
                if (nowNs - nextAttemptNs < 0) {
                    return 0;
                }
                try {
                    connect();
                    backoffMs = 100;
                    wasConnected = true;
                    return 1;
                } catch (final MqttException ex) {
                    // start the next attempt from a fresh client: one whose connect timed out can refuse every
                    // later connect as "already in progress"
                    discardClient();
                    nextAttemptNs = nowNs + TimeUnit.MILLISECONDS.toNanos(backoffMs);
                    backoffMs = Math.min(5000, backoffMs * 2);
                    return 0;
                }
            }
            int work = 0;
            if (inflight != null) {
                if (!inflight.isComplete()) {
                    return 0;
                }
                if (inflight.getException() == null) {
                    try {
                        spool.ack(inflightId);
                    } catch (final IOException ex) {
                        log.accept("mqtt: cannot record delivery in " + config.spoolDirectory() + ": "
                            + ex.getMessage());
                    }
                    delivered.incrementAndGet();
                    work++;
                }
                inflight = null;
            }
            final Spool.Message m = spool.peek();
            if (m == null) {
                return work;
            }
            try {
                final MqttMessage msg = new MqttMessage(m.payload());
                msg.setQos(1);
                inflight = client.publish(m.topic(), msg);
                inflightId = m.id();
                return work + 1;
            } catch (final MqttException ex) {
                inflight = null;
                return work;
            }
        }

        private void discardClient() {
            if (client != null) {
                // A connect still in progress has a receiver thread reading its socket: closing the client under
                // it makes that thread fail on the closed client state when the broker's answer comes (Paho 1.2.5,
                // a NullPointerException on its own thread, eclipse-paho/paho.mqtt.java#955). Let the attempt end
                // first; its connection timeout bounds the wait.
                if (connecting != null && !connecting.isComplete()) {
                    try {
                        connecting.waitForCompletion(CONNECT_SETTLE_MS);
                    } catch (final MqttException ignored) {
                        // the attempt failed or timed out: either way it is over or abandoned
                    }
                }
                try {
                    client.disconnectForcibly(0, 0, false);
                } catch (final MqttException ignored) {
                    // not connected: nothing to tear down
                }
                try {
                    client.close(true);
                } catch (final MqttException ignored) {
                    // closing a failed client can fail; it is dropped either way
                }
                client = null;
                connecting = null;
            }
        }

        private void connect() throws MqttException {
            if (client == null) {
                client = new MqttAsyncClient(config.brokerUri(), config.clientIdPrefix() + "-" + level,
                    new MemoryPersistence());
            }
            final MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setAutomaticReconnect(false);
            o.setConnectionTimeout(3);
            o.setKeepAliveInterval(10);
            o.setMaxInflight(16);
            o.setWill(statusTopic, "offline".getBytes(StandardCharsets.UTF_8), 1, true);
            if (config.username() != null) {
                o.setUserName(config.username());
            }
            if (config.password() != null) {
                o.setPassword(config.password().toCharArray());
            }
            connecting = client.connect(o);
            connecting.waitForCompletion(4000);
            client.publish(statusTopic, "online".getBytes(StandardCharsets.UTF_8), 1, true);
            if (config.discovery()) {
                for (final String label : config.alertLabels()) {
                    client.publish(HomeAssistant.configTopic(config, level, label),
                        HomeAssistant.configPayload(config, graph.name(), level,
                            label).getBytes(StandardCharsets.UTF_8),
                        1, true);
                }
            }
            log.accept("mqtt: room " + graph.name() + " connected to " + config.brokerUri() + "; "
                + spool.size() + " spooled alerts to send");
        }

        void close() {
            try {
                if (client != null) {
                    if (client.isConnected()) {
                        client.publish(statusTopic, "offline".getBytes(StandardCharsets.UTF_8), 1, true)
                            .waitForCompletion(1000);
                        client.disconnect().waitForCompletion(1000);
                    }
                    client.close();
                }
            } catch (final MqttException ex) {
                log.accept("mqtt: room " + graph.name() + " did not close cleanly: " + ex.getMessage());
            }
            try {
                spool.close();
            } catch (final IOException ex) {
                log.accept("mqtt: " + ex.getMessage());
            }
        }
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) throws IOException {
        for (final GraphInfo g : graphs) {
            rooms.add(new Room(g));
        }
        running = true;
        publisher = new Thread(this::publish, "earshot-mqtt");
        publisher.setDaemon(true);
        publisher.start();
    }

    private void publish() {
        long drainDeadline = 0;
        while (true) {
            if (!running) {
                if (drainDeadline == 0) {
                    drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
                }
                if (pending() == 0 || System.nanoTime() - drainDeadline > 0) {
                    break;
                }
            }
            int work = 0;
            final long now = System.nanoTime();
            for (final Room r : rooms) {
                work += r.service(now);
            }
            if (work == 0) {
                LockSupport.parkNanos(2_000_000L);
            }
        }
        for (final Room r : rooms) {
            r.close();
        }
    }

    private int pending() {
        int n = 0;
        for (final Room r : rooms) {
            n += r.spool.size();
        }
        return n;
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) throws IOException {
        if (!"event".equals(event.type().name()) || graph.id() >= rooms.size()) {
            return;
        }
        final Room room = rooms.get(graph.id());
        final String topic = config.topicPrefix() + "/" + room.level + "/event/"
            + EventJson.topicLevel(EventJson.labelOf(event));
        EventJson.format(json, event, graph, room.spool.nextId(), System.currentTimeMillis());
        room.spool.append(topic, json.toString().getBytes(StandardCharsets.UTF_8));
        reportDrops(room.graph.name());
    }


    private void reportDrops(final String room) {
        final long dropped = dropped();
        if (dropped != reportedDrops) {
            reportedDrops = dropped;
            log.accept("mqtt: spool of room " + room + " is full; " + dropped + " oldest alerts dropped so far");
        }
    }

    /** @return alerts acknowledged by the broker since start */
    public long delivered() {
        return delivered.get();
    }

    /** @return alerts dropped because a spool was full */
    public long dropped() {
        long n = 0;
        for (final Room r : rooms) {
            n += r.spool.dropped();
        }
        return n;
    }

    /** @return alerts waiting in the spools */
    public int spooled() {
        return pending();
    }

    /** Sends what it can for a few seconds, marks every room offline and disconnects. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (publisher != null) {
            publisher.join(DRAIN_MS + 5000);
        }
    }
}
