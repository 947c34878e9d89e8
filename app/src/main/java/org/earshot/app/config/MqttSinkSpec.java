package org.earshot.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * {@code --sink mqtt:tcp://HOST:PORT[?spool=DIR&prefix=P&client=ID&discovery=off]}: events to an MQTT
 * broker, spooled on disk while it is unreachable.
 *
 * @param brokerUri      {@code tcp://HOST:PORT}
 * @param spoolDirectory where unsent alerts wait
 * @param topicPrefix    first topic level
 * @param clientIdPrefix client id prefix (one connection per room)
 * @param discovery      Home Assistant discovery on or off
 */
public record MqttSinkSpec(String brokerUri, Path spoolDirectory, String topicPrefix, String clientIdPrefix,
    boolean discovery) implements SinkSpec {

    @Override
    public SinkKind kind() {
        return SinkKind.MQTT;
    }

    @Override
    public String describe() {
        return "mqtt:" + brokerUri;
    }

    static MqttSinkSpec parse(final String spec, final String argument) {
        if (argument == null || argument.isBlank()) {
            throw new ConfigException("--sink " + spec
                + ": missing broker after 'mqtt:' (e.g. mqtt:tcp://127.0.0.1:1883)");
        }
        final URI uri;
        try {
            uri = new URI(argument.trim());
        } catch (final URISyntaxException ex) {
            throw new ConfigException("--sink " + spec + ": not a broker URI: " + ex.getMessage());
        }
        if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("--sink " + spec + ": the broker must be tcp://HOST:PORT or ssl://HOST:PORT");
        }
        if (uri.getRawFragment() != null) {
            throw new ConfigException("--sink " + spec + ": '#' is an MQTT wildcard, not allowed here");
        }
        final int port = uri.getPort() < 0 ? ("ssl".equals(uri.getScheme()) ? 8883 : 1883) : uri.getPort();
        Path spool = SpoolDirs.defaultDirectory().resolve("mqtt");
        String prefix = "earshot";
        String client = "earshot";
        boolean discovery = true;
        if (uri.getQuery() != null) {
            for (final String kv : uri.getQuery().split("&")) {
                final int eq = kv.indexOf('=');
                final String key = eq < 0 ? kv : kv.substring(0, eq);
                final String value = eq < 0 ? "" : kv.substring(eq + 1);
                switch (key) {
                    case "spool" -> spool = Path.of(value);
                    case "prefix" -> prefix = value;
                    case "client" -> client = value;
                    case "discovery" -> {
                        if (!value.equals("on") && !value.equals("off")) {
                            throw new ConfigException("--sink " + spec + ": discovery must be on or off, got '"
                                + value + "'");
                        }
                        discovery = value.equals("on");
                    }
                    default -> throw new ConfigException("--sink " + spec + ": unknown option '" + key
                        + "' (known: spool, prefix, client, discovery)");
                }
            }
        }
        if (prefix.isBlank() || prefix.contains("+") || prefix.contains("#")) {
            throw new ConfigException("--sink " + spec + ": prefix must be a topic without wildcards, got '"
                + prefix + "'");
        }
        return new MqttSinkSpec(uri.getScheme() + "://" + uri.getHost() + ":" + port, spool, prefix, client, discovery);
    }
}
