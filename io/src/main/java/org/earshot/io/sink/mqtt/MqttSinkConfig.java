package org.earshot.io.sink.mqtt;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of an {@link MqttSink}.
 *
 * @param brokerUri       e.g. {@code tcp://127.0.0.1:1883}
 * @param clientIdPrefix  each room connects as {@code PREFIX-ROOM}
 * @param topicPrefix     first topic level, e.g. {@code earshot}
 * @param spoolDirectory  where unsent alerts are kept (one folder per room)
 * @param spoolMaxBytes   most bytes spooled per room before the oldest are dropped (counted)
 * @param discovery       whether to publish Home Assistant discovery messages
 * @param discoveryPrefix Home Assistant's discovery prefix, normally {@code homeassistant}
 * @param alertLabels     labels announced as binary sensors per room
 * @param offDelaySeconds how long a binary sensor stays on after an event, 1 to 86,400 s
 * @param username        broker user name, or null
 * @param password        broker password, or null
 */
public record MqttSinkConfig(
    String brokerUri, String clientIdPrefix, String topicPrefix, Path spoolDirectory, long spoolMaxBytes,
    boolean discovery, String discoveryPrefix, List<String> alertLabels, int offDelaySeconds, String username,
    String password) {
    /**
     * @throws IllegalArgumentException naming the bad field
     */
    public MqttSinkConfig {
        if (brokerUri == null || !(brokerUri.startsWith("tcp://") || brokerUri.startsWith("ssl://"))) {
            throw new IllegalArgumentException("brokerUri must start with tcp:// or ssl://, got " + brokerUri);
        }
        if (clientIdPrefix == null || clientIdPrefix.isBlank()) {
            throw new IllegalArgumentException("clientIdPrefix must not be blank");
        }
        if (topicPrefix == null || topicPrefix.isBlank() || topicPrefix.contains("+") || topicPrefix.contains("#")) {
            throw new IllegalArgumentException("topicPrefix must be a non-blank topic without wildcards, got "
                + topicPrefix);
        }
        if (spoolDirectory == null) {
            throw new IllegalArgumentException("spoolDirectory must not be null");
        }
        if (spoolMaxBytes < 4096) {
            throw new IllegalArgumentException("spoolMaxBytes must be >= 4096, got " + spoolMaxBytes);
        }
        if (offDelaySeconds < 1 || offDelaySeconds > 86_400) {
            throw new IllegalArgumentException("offDelaySeconds must be in [1, 86400], got " + offDelaySeconds);
        }
        alertLabels = List.copyOf(alertLabels);
    }

    /**
     * @param brokerUri      broker
     * @param spoolDirectory spool folder
     * @param alertLabels    labels announced to Home Assistant
     * @return prefix {@code earshot}, client ids {@code earshot-ROOM}, 64 MiB spool per room, discovery on,
     *     30 s off delay, no credentials
     */
    public static MqttSinkConfig of(final String brokerUri, final Path spoolDirectory, final List<String> alertLabels) {
        return new MqttSinkConfig(brokerUri, "earshot", "earshot", spoolDirectory, 64L << 20, true, "homeassistant",
            alertLabels, 30, null, null);
    }
}
