package org.earshot.io.sink.webhook;

import java.net.URI;
import java.nio.file.Path;

/**
 * Settings of a {@link WebhookSink}.
 *
 * @param url            where events are POSTed (http or https)
 * @param spoolDirectory where unsent events are kept (one folder per room)
 * @param spoolMaxBytes  most bytes spooled per room before the oldest are dropped (counted)
 * @param timeoutMs      request timeout, 100 to 120,000 ms
 * @param maxBackoffMs   longest wait between retries, 100 to 600,000 ms
 */
public record WebhookSinkConfig(URI url, Path spoolDirectory, long spoolMaxBytes, int timeoutMs, int maxBackoffMs) {
    /**
     * @throws IllegalArgumentException naming the bad field
     */
    public WebhookSinkConfig {
        if (url == null || url.getScheme() == null
            || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("url must be an http or https URL, got " + url);
        }
        if (spoolDirectory == null) {
            throw new IllegalArgumentException("spoolDirectory must not be null");
        }
        if (spoolMaxBytes < 4096) {
            throw new IllegalArgumentException("spoolMaxBytes must be >= 4096, got " + spoolMaxBytes);
        }
        if (timeoutMs < 100 || timeoutMs > 120_000) {
            throw new IllegalArgumentException("timeoutMs must be in [100, 120000], got " + timeoutMs);
        }
        if (maxBackoffMs < 100 || maxBackoffMs > 600_000) {
            throw new IllegalArgumentException("maxBackoffMs must be in [100, 600000], got " + maxBackoffMs);
        }
    }

    /**
     * @param url            target
     * @param spoolDirectory spool folder
     * @return 64 MiB spool per room, 5 s timeout, retries up to every 30 s
     */
    public static WebhookSinkConfig of(final URI url, final Path spoolDirectory) {
        return new WebhookSinkConfig(url, spoolDirectory, 64L << 20, 5000, 30_000);
    }
}
