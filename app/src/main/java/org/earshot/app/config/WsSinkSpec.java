package org.earshot.app.config;

/**
 * {@code --sink ws:[HOST:]PORT}: a WebSocket server streaming every event as JSON to browsers; HOST defaults to
 * {@code 0.0.0.0} (all interfaces), port 0 picks a free one.
 *
 * @param host address to listen on
 * @param port TCP port
 */
public record WsSinkSpec(String host, int port) implements SinkSpec {
    @Override
    public SinkKind kind() {
        return SinkKind.WS;
    }

    @Override
    public String describe() {
        return "ws:" + host + ":" + port;
    }

    static WsSinkSpec parse(final String spec, final String argument) {
        if (argument == null || argument.isBlank()) {
            throw new ConfigException("--sink " + spec + ": missing PORT after 'ws:' (e.g. ws:8765)");
        }
        final String rest = argument.trim();
        final int colon = rest.lastIndexOf(':');
        final String host = colon > 0 ? rest.substring(0, colon) : "0.0.0.0";
        final String portText = colon >= 0 ? rest.substring(colon + 1) : rest;
        final int port;
        try {
            port = Integer.parseInt(portText);
        } catch (final NumberFormatException ex) {
            throw new ConfigException("--sink " + spec + ": port must be a number in [0, 65535], got '" + portText + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException("--sink " + spec + ": port must be in [0, 65535], got " + port);
        }
        return new WsSinkSpec(host, port);
    }
}
