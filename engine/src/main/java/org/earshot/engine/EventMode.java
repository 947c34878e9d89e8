package org.earshot.engine;

/** What an event writer does when the event ring is full. */
public enum EventMode {
    /** Live input: never wait; drop the event and count it in {@code EVENTS_DROPPED}. */
    LIVE,
    /** Offline (files as fast as possible): wait for the sink to make room; nothing is lost. */
    OFFLINE
}
