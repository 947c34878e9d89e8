package org.earshot.io.sink.link;

/**
 * Whether the session plays, as Link's start/stop sync shares it: the newest state (by timestamp) wins.
 *
 * @param playing   playing or stopped
 * @param beats     the session beat, in micro-beats, at which the state changed
 * @param timestamp ghost time in microseconds of the change
 */
public record StartStopState(boolean playing, long beats, long timestamp) {
    /** Stopped at beat 0, time 0: what a node that never changed it sends. */
    public static final StartStopState INITIAL = new StartStopState(false, 0L, 0L);
}
