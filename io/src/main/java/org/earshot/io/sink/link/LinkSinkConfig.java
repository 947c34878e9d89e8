package org.earshot.io.sink.link;

/**
 * Settings of a {@link LinkSink}, validated on construction.
 *
 * @param quantum       Link quantum, beats (1 to 16): when the tracked meter equals it, the downbeat goes on session
 *                      phase 0 (Live's bar start); otherwise beats are aligned but not bars
 * @param initialBpm    the session tempo announced before the first beat (when earshot founds the session)
 * @param startStop     share start (on the first beat after the tracker locks) and stop (when it unlocks)
 * @param queueCapacity commands waiting for the node's thread, 16 to 65536; beyond it they are dropped and counted
 */
public record LinkSinkConfig(int quantum, double initialBpm, boolean startStop, int queueCapacity) {
    /** Default quantum: a 4/4 bar. */
    public static final int DEFAULT_QUANTUM = 4;

    /**
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public LinkSinkConfig {
        if (quantum < 1 || quantum > 16) {
            throw new IllegalArgumentException("quantum must be in [1, 16], got " + quantum);
        }
        if (!(initialBpm >= Timeline.MIN_BPM && initialBpm <= Timeline.MAX_BPM)) {
            throw new IllegalArgumentException("initialBpm must be in [20, 999], got " + initialBpm);
        }
        if (queueCapacity < 16 || queueCapacity > 65_536) {
            throw new IllegalArgumentException("queueCapacity must be in [16, 65536], got " + queueCapacity);
        }
    }

    /**
     * @param quantum the quantum
     * @return that quantum, 120 BPM until the first beat, start/stop shared, a queue of 256
     */
    public static LinkSinkConfig of(final int quantum) {
        return new LinkSinkConfig(quantum, 120.0, true, 256);
    }
}
