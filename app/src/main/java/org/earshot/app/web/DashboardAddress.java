package org.earshot.app.web;

import java.util.Locale;

import org.earshot.app.config.ConfigException;

/**
 * Where the dashboard listens, from {@code --dashboard [HOST:]PORT}: the page on {@code PORT}, its WebSocket
 * on {@code PORT + 1}. Port 0 takes any two free ports (the page tells the browser which).
 *
 * @param host interface to bind, a name or an IP literal ({@code 127.0.0.1} unless given)
 * @param port HTTP port, 0 to 65534
 */
public record DashboardAddress(String host, int port) {
    /** Interface bound when the flag names none: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** HTTP port when the flag has no value. */
    public static final int DEFAULT_PORT = 8080;
    /** What {@code --dashboard} with no value means. */
    public static final String DEFAULT = DEFAULT_HOST + ":" + DEFAULT_PORT;

    /**
     * @throws ConfigException naming {@code --dashboard} on a blank host or a port out of range
     */
    public DashboardAddress {
        if (host == null || host.isBlank()) {
            throw new ConfigException("--dashboard: the host must not be empty");
        }
        if (port < 0 || port > 65_534) {
            throw new ConfigException("--dashboard: port must be in [0, 65534] (the WebSocket uses PORT+1), got "
                + port);
        }
    }

    /**
     * Parses {@code PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}.
     *
     * @param text the flag's value, or null for {@link #DEFAULT}
     * @return the address
     * @throws ConfigException naming {@code --dashboard} and the value if it does not parse
     */
    public static DashboardAddress parse(final String text) {
        final String t = text == null || text.isBlank() ? DEFAULT : text.trim();
        final int colon = t.lastIndexOf(':');
        String host = DEFAULT_HOST;
        String port = t;
        if (colon >= 0 && (t.indexOf(':') == colon || t.startsWith("["))) {
            host = t.substring(0, colon);
            port = t.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        } else if (colon >= 0) {
            throw new ConfigException("--dashboard: write an IPv6 host in brackets, [HOST]:PORT, got '" + text + "'");
        }
        final int p;
        try {
            p = Integer.parseInt(port);
        } catch (final NumberFormatException ex) {
            throw new ConfigException("--dashboard: expected [HOST:]PORT with a numeric port, got '" + text + "'");
        }
        return new DashboardAddress(host.toLowerCase(Locale.ROOT), p);
    }

    /** @return the WebSocket port, {@code port + 1}, or 0 when any free port is wanted */
    public int webSocketPort() {
        return port == 0 ? 0 : port + 1;
    }
}
