package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot live --preset room-monitor} with two rooms (generated WAV files with impacts at known
 * times, played at real-time pace) and the MQTT sink against a real Mosquitto broker started here: event
 * topics and payloads, retained status and last will, Home Assistant discovery; then the broker is
 * stopped mid-stream, earshot is killed with SIGKILL while alerts are spooled, the broker and earshot are
 * started again, and every alert earshot printed must arrive, with its id.
 */
@Timeout(240)
class RoomMonitorMqttIT {
    private static final int RATE = 16_000;

    @TempDir
    Path tmp;

    private final List<String> events = new ArrayList<>();
    private final Map<String, String> retained = new ConcurrentHashMap<>();

    /**
     * Faint noise with an impact (a click and a decaying 90 Hz thud) every 3 s from 1 s on: further apart than the
     * 2.2 s in which the impact detector takes an equally loud sound for its source repeating itself.
     */
    private static float[] roomSound(final double seconds, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[(int)(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.002 * (r.nextDouble() - 0.5));
        }
        for (int at = RATE; at + RATE / 2 < x.length; at += RATE * 3) {
            for (int i = 0; i < RATE / 3; i++) {
                final double t = (double)i / RATE;
                x[at + i] += (float)(0.5 * Math.exp(-t / 0.04) * ((r.nextDouble() - 0.5) + Math.sin(2 * Math.PI * 90 * t)));
            }
        }
        return x;
    }

    private MqttClient subscribe(final MosquittoBroker broker) throws Exception {
        final MqttClient c = new MqttClient(broker.uri(), "it-subscriber", new MemoryPersistence());
        final MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(250);
        c.connect(o);
        final IMqttMessageListener l = (topic, m) -> {
            final String payload = new String(m.getPayload(), StandardCharsets.UTF_8);
            if (topic.contains("/event/")) {
                synchronized (events) {
                    events.add(topic + " " + payload);
                }
            } else {
                retained.put(topic, payload);
            }
        };
        c.subscribe(new String[] {"#"}, new int[] {1}, new IMqttMessageListener[] {l});
        return c;
    }

    private static void await(final BooleanSupplier condition, final String what, final int seconds)
        throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void shouldPublishTopicsStatusAndDiscoveryAndKeepEveryAlertThroughOutagesAndKill9() throws Exception {
        final Path kitchen = tmp.resolve("kitchen.wav");
        final Path hall = tmp.resolve("hall.wav");
        final Path quiet = tmp.resolve("quiet.wav");
        Fixtures.writeWav16(kitchen, RATE, 1, roomSound(20, 1));
        Fixtures.writeWav16(hall, RATE, 1, roomSound(20, 2));
        Fixtures.writeWav16(quiet, RATE, 1, roomSound(0.5, 3));
        try (MosquittoBroker broker = new MosquittoBroker(tmp.resolve("broker"))) {
            broker.start();
            final MqttClient sub = subscribe(broker);

            // 1. topics, payloads, retained status, discovery; kill -9 with the broker up fires the last will
            final String sink1 = "mqtt:" + broker.uri() + "?spool=" + tmp.resolve("spool1") + "&prefix=first";
            try (Earshot.Running live = Earshot.start(tmp, Map.of(), "live", "--preset", "room-monitor",
                "--input", "kitchen=" + kitchen, "--input", "hall=" + hall, "--sink", sink1)) {
                await(() -> received("first/").size() >= 2, "2 alerts over MQTT", 60);
                assertEquals("online", retained.get("first/kitchen/status"));
                assertEquals("online", retained.get("first/hall/status"));
                await(() -> retained.containsKey("homeassistant/binary_sensor/earshot_hall/impact/config"),
                    "discovery", 10);
                final String config = retained.get("homeassistant/binary_sensor/earshot_kitchen/cough/config");
                assertTrue(config.contains("\"state_topic\":\"first/kitchen/event/cough\""), config);
                assertTrue(config.contains("\"availability_topic\":\"first/kitchen/status\""), config);
                final String topicAndPayload = received("first/").get(0);
                final Map<String, Object> j = json(topicAndPayload);
                assertEquals("first/" + j.get("room") + "/event/" + j.get("label"),
                    topicAndPayload.substring(0, topicAndPayload.indexOf(' ')), topicAndPayload);
                assertEquals("event", j.get("type"));
                assertEquals(1.0, ((Number)j.get("id")).doubleValue());
                assertTrue(j.containsKey("start") && j.containsKey("end") && j.containsKey("confidence")
                    && j.containsKey("room"), j.toString());
                live.process().destroyForcibly();
                live.process().waitFor(10, TimeUnit.SECONDS);
            }
            await(() -> "offline".equals(retained.get("first/kitchen/status"))
                && "offline".equals(retained.get("first/hall/status")), "last will after kill -9", 30);

            // 2. broker down mid-stream, earshot killed while alerts are spooled, both started again
            final String sink2 = "mqtt:" + broker.uri() + "?spool=" + tmp.resolve("spool2") + "&prefix=second";
            final Earshot.Result killed;
            try (Earshot.Running live = Earshot.start(tmp, Map.of(), "live", "--preset", "room-monitor",
                "--input", "kitchen=" + kitchen, "--input", "hall=" + hall, "--sink", sink2, "--sink", "jsonl")) {
                await(() -> received("second/").size() >= 2, "2 alerts over MQTT", 60);
                broker.stop();
                Thread.sleep(6_000);
                live.process().destroyForcibly();
                live.process().waitFor(10, TimeUnit.SECONDS);
                killed = new Earshot.Result(-9, live.stdout(), live.stderr());
            }
            final List<Map<String, Object>> printed = killed.events().stream()
                .filter(e -> "event".equals(e.get("type"))).toList();
            final int beforeRestart = received("second/").size();
            assertTrue(printed.size() > beforeRestart, "alerts printed " + printed.size() + ", received before the "
                + "outage " + beforeRestart + ": some must have been spooled\n" + killed.stderr());
            broker.start();
            final Earshot.Result restarted = Earshot.run(tmp, Duration.ofSeconds(60), Map.of(), "live", "--preset",
                "room-monitor", "--input", "kitchen=" + quiet, "--input", "hall=" + quiet, "--sink", sink2);
            assertEquals(0, restarted.exitStatus(), restarted.stderr());
            restarted.assertNoStackTrace();
            final Set<String> starts = new HashSet<>();
            for (final Map<String, Object> e : printed) {
                starts.add(e.get("stream") + "/" + e.get("start"));
            }
            await(() -> keys("second/", "start").containsAll(starts), "every printed alert over MQTT", 30);
            assertEquals("offline", retained.get("second/hall/status"), "a clean exit marks the room offline");
            final Map<String, Object> byId = new java.util.HashMap<>();
            for (final String e : received("second/")) {
                final Map<String, Object> j = json(e);
                final Object previous = byId.put(j.get("room") + "/" + j.get("id"), j.get("start"));
                assertTrue(previous == null || previous.equals(j.get("start")), "an id names one alert: " + e);
            }
            sub.disconnect();
            sub.close();
        }
    }

    @Test
    void shouldAnnounceAndSendOnlyTheChosenAlerts() throws Exception {
        final Path porch = tmp.resolve("porch.wav");
        Fixtures.writeWav16(porch, RATE, 1, roomSound(20, 1));
        // the label the room monitor gives these thuds most often (the same graph offline), chosen as the one alert
        final Earshot.Result offline = Earshot.run(tmp, Duration.ofSeconds(60), Map.of(), "analyze", "--detect",
            "events", porch.toString());
        assertEquals(0, offline.exitStatus(), offline.stderr());
        final Map<String, Long> byLabel = offline.stdout().lines().filter(l -> l.startsWith("{"))
            .map(l -> String.valueOf(FlatJson.parse(l).get("label")))
            .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()));
        final String chosen = byLabel.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        final long expected = byLabel.get(chosen);
        assertTrue(expected >= 2, "the thuds must raise alerts: " + offline.stdout());
        try (MosquittoBroker broker = new MosquittoBroker(tmp.resolve("broker"))) {
            broker.start();
            final MqttClient sub = subscribe(broker);
            final Earshot.Result r = Earshot.run(tmp, Duration.ofSeconds(60), Map.of(), "live", "--preset",
                "room-monitor", "--alerts", chosen, "--input", "porch=" + porch, "--sink",
                "mqtt:" + broker.uri() + "?spool=" + tmp.resolve("spool3") + "&prefix=third");
            assertEquals(0, r.exitStatus(), r.stderr());
            r.assertNoStackTrace();
            await(() -> received("third/").size() >= expected, expected + " alerts over MQTT", 20);
            assertEquals(expected, received("third/").size(), "as many as offline: " + received("third/"));
            for (final String e : received("third/")) {
                assertTrue(e.startsWith("third/porch/event/" + chosen + " "), e);
            }
            final String config = "homeassistant/binary_sensor/earshot_porch/" + chosen + "/config";
            await(() -> retained.containsKey(config), "discovery", 10);
            assertEquals(java.util.Set.of(config), retained.keySet().stream()
                .filter(k -> k.startsWith("homeassistant/")).collect(java.util.stream.Collectors.toSet()),
                "only the chosen alert is announced");
            sub.disconnect();
            sub.close();
        }
    }

    private List<String> received(final String prefix) {
        synchronized (events) {
            return events.stream().filter(e -> e.startsWith(prefix)).toList();
        }
    }

    private Set<String> keys(final String prefix, final String field) {
        final Set<String> keys = new HashSet<>();
        for (final String e : received(prefix)) {
            final Map<String, Object> j = json(e);
            keys.add(j.get("room") + "/" + j.get(field));
        }
        return keys;
    }

    private static Map<String, Object> json(final String topicAndPayload) {
        return FlatJson.parse(topicAndPayload.substring(topicAndPayload.indexOf(' ') + 1));
    }
}
