/**
 * The webhook sink: each event POSTed as JSON, spooled on disk and retried with backoff
 * ({@link org.earshot.io.sink.webhook.WebhookSink}).
 */
package org.earshot.io.sink.webhook;
