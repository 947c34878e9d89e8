package org.earshot.app.config;

import java.util.Locale;

/**
 * {@code --sink osc:HOST:PORT[:bundle]}: events as OSC messages over UDP; {@code bundle} sends each beat as a bundle
 * time-tagged with the predicted beat time.
 *
 * @param host    receiver host
 * @param port    receiver UDP port
 * @param bundles beats as time-tagged bundles
 */
public record OscSinkSpec(String host, int port, boolean bundles) implements SinkSpec {
    @Override
    public SinkKind kind() {
        return SinkKind.OSC;
    }

    @Override
    public String describe() {
        return "osc:" + host + ":" + port + (bundles ? ":bundle" : "");
    }

    static OscSinkSpec parse(final String spec, final String argument) {
        if (argument == null || argument.isBlank()) {
            throw new ConfigException("--sink " + spec + ": missing HOST:PORT after 'osc:' (e.g. osc:127.0.0.1:9000)");
        }
        String rest = argument.trim();
        boolean bundles = false;
        if (rest.toLowerCase(Locale.ROOT).endsWith(":bundle")) {
            bundles = true;
            rest = rest.substring(0, rest.length() - ":bundle".length());
        }
        final int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new ConfigException("--sink " + spec + ": expected osc:HOST:PORT[:bundle]");
        }
        final String host = rest.substring(0, colon);
        final int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (final NumberFormatException ex) {
            throw new ConfigException("--sink " + spec + ": port must be a number in [1, 65535], got '"
                + rest.substring(colon + 1) + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new ConfigException("--sink " + spec + ": port must be in [1, 65535], got " + port);
        }
        return new OscSinkSpec(host, port, bundles);
    }
}
