package org.earshot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class NetworkSinkSpecTest {
    @Test
    void shouldParseMqttBrokerAndOptions() {
        final MqttSinkSpec s = (MqttSinkSpec)SinkKind.parse("mqtt:tcp://127.0.0.1?spool=/tmp/sp&prefix=home&discovery=off");
        assertEquals("tcp://127.0.0.1:1883", s.brokerUri());
        assertEquals(Path.of("/tmp/sp"), s.spoolDirectory());
        assertEquals("home", s.topicPrefix());
        assertEquals(false, s.discovery());
        assertEquals("mqtt:tcp://127.0.0.1:1883", s.describe());
    }

    @Test
    void shouldNameTheProblemInAnMqttSpec() {
        assertEquals("--sink mqtt:http://x: the broker must be tcp://HOST:PORT or ssl://HOST:PORT",
            assertThrows(ConfigException.class, () -> SinkKind.parse("mqtt:http://x")).getMessage());
        assertEquals("--sink mqtt:tcp://h:1?qos=2: unknown option 'qos' (known: spool, prefix, client, discovery)",
            assertThrows(ConfigException.class, () -> SinkKind.parse("mqtt:tcp://h:1?qos=2")).getMessage());
        assertEquals("--sink mqtt:tcp://h:1?prefix=a/#: '#' is an MQTT wildcard, not allowed here",
            assertThrows(ConfigException.class, () -> SinkKind.parse("mqtt:tcp://h:1?prefix=a/#")).getMessage());
        assertEquals("--sink mqtt:tcp://h:1?prefix=a/+: prefix must be a topic without wildcards, got 'a/+'",
            assertThrows(ConfigException.class, () -> SinkKind.parse("mqtt:tcp://h:1?prefix=a/+")).getMessage());
    }

    @Test
    void shouldParseWebhookUrlAndSpool() {
        final WebhookSinkSpec s = (WebhookSinkSpec)SinkKind.parse("webhook:http://127.0.0.1:8123/hook?a=1;spool=/tmp/w");
        assertEquals("http://127.0.0.1:8123/hook?a=1", s.url().toString());
        assertEquals(Path.of("/tmp/w"), s.spoolDirectory());
        assertEquals("--sink webhook:ftp://x/y: the URL must be http:// or https://",
            assertThrows(ConfigException.class, () -> SinkKind.parse("webhook:ftp://x/y")).getMessage());
    }

    @Test
    void shouldKnowTheRoomMonitorPreset() {
        assertEquals(Preset.ROOM_MONITOR, Preset.parse("room-monitor"));
    }
}
