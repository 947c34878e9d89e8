package org.earshot.io.sink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.UnsafeBuffer;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.event.FieldKind;
import org.earshot.engine.runtime.GraphInfo;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the MQTT sink against a real Mosquitto broker on 127.0.0.1, stopped and restarted mid-stream. */
class MqttSinkTest {
    private static final EventType TYPE = EventType.define(1105, "event", List.of("cough", "impact"),
        new EventField("label", FieldKind.LABEL), EventField.seconds("start"), EventField.seconds("end"),
        EventField.real("confidence"));
    private static final GraphInfo KITCHEN = new GraphInfo(0, "kitchen", 16_000, 0, List.of("n"));

    @TempDir
    Path dir;

    private final List<String> received = new ArrayList<>();
    private final Map<String, String> retained = new ConcurrentHashMap<>();
    private final List<String> sinkLog = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static EventView event(final int label, final long startFrame) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[EventDescriptor.recordLength(4)]);
        b.putLong(EventDescriptor.FRAME_OFFSET, startFrame);
        b.putInt(EventDescriptor.FIELD_COUNT_OFFSET, 4);
        b.putDouble(EventDescriptor.fieldOffset(0), label);
        b.putDouble(EventDescriptor.fieldOffset(1), startFrame);
        b.putDouble(EventDescriptor.fieldOffset(2), startFrame + 8000);
        b.putDouble(EventDescriptor.fieldOffset(3), 0.9);
        return new EventView().wrap(TYPE, b, 0);
    }

    private MqttClient subscribe(final Mosquitto broker) throws Exception {
        final MqttClient c = new MqttClient(broker.uri(), "test-subscriber", new MemoryPersistence());
        final MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(200);
        c.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(final boolean reconnect, final String serverUri) {
                if (reconnect) {
                    // the broker restores the session from its persistence file; subscribing again also covers a
                    // broker that lost it (off the callback thread: blocking calls there can deadlock)
                    new Thread(() -> {
                        try {
                            subscribeAll(c);
                        } catch (final org.eclipse.paho.client.mqttv3.MqttException ignored) {
                            // the assertion on what arrives reports it
                        }
                    }, "test-resubscribe").start();
                }
            }

            @Override
            public void connectionLost(final Throwable cause) {
                // automatic reconnect
            }

            @Override
            public void messageArrived(final String topic, final org.eclipse.paho.client.mqttv3.MqttMessage m) {
                onMessage(topic, m);
            }

            @Override
            public void deliveryComplete(final org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                // the subscriber publishes nothing
            }
        });
        c.connect(o);
        subscribeAll(c);
        return c;
    }

    /** Closes a stalled subscriber and connects a fresh one (same client id and session), or keeps the old one. */
    private MqttClient replace(final MqttClient stalled, final Mosquitto broker) {
        try {
            stalled.disconnectForcibly(100, 100);
        } catch (final org.eclipse.paho.client.mqttv3.MqttException ignored) {
            // it is not connected
        }
        try {
            stalled.close(true);
            return subscribe(broker);
        } catch (final Exception ex) {
            return stalled;
        }
    }

    private void subscribeAll(final MqttClient c) throws org.eclipse.paho.client.mqttv3.MqttException {
        c.subscribe(new String[] {"earshot/#", "homeassistant/#"}, new int[] {1, 1},
            new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                (topic, m) -> onMessage(topic, m), (topic, m) -> onMessage(topic, m)});
    }

    private void onMessage(final String topic, final org.eclipse.paho.client.mqttv3.MqttMessage m) {
        final String payload = new String(m.getPayload(), StandardCharsets.UTF_8);
        if (topic.contains("/event/")) {
            synchronized (received) {
                received.add(topic + " " + payload);
            }
        } else {
            retained.put(topic, payload);
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(final BooleanSupplier condition, final java.util.function.Supplier<String> what)
        throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(20);
        }
    }

    private int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }

    @Test
    void shouldDeliverEveryAlertInOrderAcrossBrokerRestart() throws Exception {
        final Path brokerDir = dir.resolve("broker");
        java.nio.file.Files.createDirectories(brokerDir);
        try (Mosquitto broker = new Mosquitto(brokerDir)) {
            broker.start();
            final MqttClient sub = subscribe(broker);
            final MqttSink sink = new MqttSink(MqttSinkConfig.of(broker.uri(), dir.resolve("spool"),
                List.of("cough", "impact")), sinkLog::add);
            sink.onStart(List.of(KITCHEN));
            for (int i = 0; i < 5; i++) {
                sink.onEvent(event(0, 16_000L * i), KITCHEN);
            }
            await(() -> receivedCount() == 5, "5 alerts");
            await(() -> "online".equals(retained.get("earshot/kitchen/status")), "status online");
            await(() -> retained.containsKey("homeassistant/binary_sensor/earshot_kitchen/impact/config"), "discovery");
            final String config = retained.get("homeassistant/binary_sensor/earshot_kitchen/cough/config");
            assertTrue(config.contains("\"state_topic\":\"earshot/kitchen/event/cough\""), config);
            assertTrue(config.contains("\"availability_topic\":\"earshot/kitchen/status\""), config);

            broker.stop();
            for (int i = 5; i < 10; i++) {
                sink.onEvent(event(i % 2, 16_000L * i), KITCHEN);
            }
            assertEquals(5, sink.spooled(), "alerts wait in the spool while the broker is down");
            broker.start();
            // Paho's automatic reconnect can stall after a failed attempt (the sink reconnects with a fresh client for
            // that reason): a subscriber still down 2 s after the restart is replaced by a fresh one on the same
            // persistent session, which the broker then hands the alerts it kept for it
            final MqttClient[] subscriber = {sub};
            final long[] since = {System.nanoTime()};
            await(() -> {
                if (!subscriber[0].isConnected() && System.nanoTime() - since[0] > TimeUnit.SECONDS.toNanos(2)) {
                    since[0] = System.nanoTime();
                    subscriber[0] = replace(subscriber[0], broker);
                }
                return receivedCount() >= 10;
            }, () -> "10 alerts after the restart: the sink delivered " + sink.delivered() + " and spools "
                + sink.spooled() + "; the subscriber connected: " + subscriber[0].isConnected() + "; received "
                + receivedCount() + "; sink said " + sinkLog);
            sink.close();
            await(() -> "offline".equals(retained.get("earshot/kitchen/status")), "status offline on close");
            subscriber[0].disconnect();
            subscriber[0].close();
        }
        final List<Long> ids = new ArrayList<>();
        for (final String r : received) {
            final String id = r.replaceAll(".*\"id\":(\\d+).*", "$1");
            final long v = Long.parseLong(id);
            if (!ids.contains(v)) {
                ids.add(v);
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ids, received.toString());
        assertTrue(received.get(0).startsWith("earshot/kitchen/event/cough {\"type\":\"event\",\"id\":1,\"room\":\"kitchen\""),
            received.get(0));
        assertTrue(received.get(0).contains("\"label\":\"cough\",\"start\":0,\"end\":0.5,\"confidence\":0.9}"),
            received.get(0));
        assertTrue(received.stream().anyMatch(r -> r.startsWith("earshot/kitchen/event/impact ")));
    }
}
