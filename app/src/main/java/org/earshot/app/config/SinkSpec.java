package org.earshot.app.config;

/**
 * A parsed {@code --sink} flag: one record type per {@link SinkKind}.
 */
public sealed interface SinkSpec permits JsonlSinkSpec, MqttSinkSpec, WebhookSinkSpec, OscSinkSpec, MidiSinkSpec,
    WsSinkSpec, LinkSinkSpec {
    /** @return the kind of sink */
    SinkKind kind();

    /** @return a short description for messages, e.g. {@code jsonl:stdout} */
    String describe();
}
