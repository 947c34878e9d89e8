package org.earshot.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * {@code --sink webhook:URL[;spool=DIR]}: each event POSTed as JSON, spooled and retried.
 *
 * @param url            target URL
 * @param spoolDirectory where unsent events wait
 */
public record WebhookSinkSpec(URI url, Path spoolDirectory) implements SinkSpec {
    @Override
    public SinkKind kind() {
        return SinkKind.WEBHOOK;
    }

    @Override
    public String describe() {
        return "webhook:" + url;
    }

    static WebhookSinkSpec parse(final String spec, final String argument) {
        if (argument == null || argument.isBlank()) {
            throw new ConfigException("--sink " + spec + ": missing URL after 'webhook:'");
        }
        String url = argument.trim();
        Path spool = SpoolDirs.defaultDirectory().resolve("webhook");
        final int semi = url.indexOf(";spool=");
        if (semi >= 0) {
            spool = Path.of(url.substring(semi + ";spool=".length()));
            url = url.substring(0, semi);
        }
        try {
            final URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException("--sink " + spec + ": the URL must be http:// or https://");
            }
            return new WebhookSinkSpec(uri, spool);
        } catch (final URISyntaxException ex) {
            throw new ConfigException("--sink " + spec + ": not a URL: " + ex.getMessage());
        }
    }
}
