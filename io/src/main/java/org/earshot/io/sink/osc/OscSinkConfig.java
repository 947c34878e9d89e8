package org.earshot.io.sink.osc;

/**
 * Settings of an {@link OscSink}, validated on construction.
 *
 * @param host            receiver host name or address
 * @param port            receiver UDP port, 1 to 65535
 * @param timeTaggedBeats send each beat as an OSC bundle time-tagged with the wall-clock time of the predicted beat
 *                        (receivers that honour time tags, such as liblo servers, act on the beat itself); plain
 *                        messages otherwise, sent as soon as the beat is predicted
 * @param queueCapacity   packets waiting for the sender thread, 16 to 65536; beyond it packets are dropped and counted
 */
public record OscSinkConfig(String host, int port, boolean timeTaggedBeats, int queueCapacity) {
    /** Default queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    /**
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public OscSinkConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
        }
        if (queueCapacity < 16 || queueCapacity > 65_536) {
            throw new IllegalArgumentException("queueCapacity must be in [16, 65536], got " + queueCapacity);
        }
    }

    /**
     * @param host receiver host
     * @param port receiver port
     * @return plain messages, default queue
     */
    public static OscSinkConfig of(final String host, final int port) {
        return new OscSinkConfig(host, port, false, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * @param on whether beats go out as time-tagged bundles
     * @return a copy with that setting
     */
    public OscSinkConfig withTimeTaggedBeats(final boolean on) {
        return new OscSinkConfig(host, port, on, queueCapacity);
    }
}
