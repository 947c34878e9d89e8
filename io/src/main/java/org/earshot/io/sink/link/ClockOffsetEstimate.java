package org.earshot.io.sink.link;

import java.util.Arrays;

/**
 * Estimates the offset from this node's host clock to a session's ghost clock out of ping/pong round trips: a ping
 * leaves at host time {@code t1}, the responder stamps its ghost time {@code g}, the pong arrives at {@code t2}; if
 * the two legs took as long, {@code g} was read at host time {@code (t1 + t2) / 2}. The estimate is the median of
 * {@code g - (t1 + t2) / 2} over the round trips no longer than the median round trip (long ones carry queueing on
 * one leg). Not thread-safe: one measurement, on the node's thread.
 */
public final class ClockOffsetEstimate {
    private final long[] offsets;
    private final long[] roundTrips;
    private int count;

    /** @param capacity round trips it keeps, at least 1 */
    public ClockOffsetEstimate(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.offsets = new long[capacity];
        this.roundTrips = new long[capacity];
    }

    /**
     * @param sentHost     host time the ping left, us
     * @param ghost        the responder's ghost time in the pong, us
     * @param receivedHost host time the pong arrived, us
     * @return false if full or the round trip is negative (then the sample is ignored)
     */
    public boolean add(final long sentHost, final long ghost, final long receivedHost) {
        final long rtt = receivedHost - sentHost;
        if (count == offsets.length || rtt < 0) {
            return false;
        }
        offsets[count] = ghost - (sentHost + rtt / 2);
        roundTrips[count] = rtt;
        count++;
        return true;
    }

    /** @return round trips added */
    public int count() {
        return count;
    }

    /** @return true once it holds as many round trips as it can */
    public boolean full() {
        return count == offsets.length;
    }

    /**
     * @return ghost time minus host time, us
     * @throws IllegalStateException if no round trip was added
     */
    public long offset() {
        if (count == 0) {
            throw new IllegalStateException("no round trip measured");
        }
        final long[] rtts = Arrays.copyOf(roundTrips, count);
        Arrays.sort(rtts);
        final long limit = rtts[(count - 1) / 2];
        final long[] kept = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (roundTrips[i] <= limit) {
                kept[n++] = offsets[i];
            }
        }
        Arrays.sort(kept, 0, n);
        return (n % 2 == 1) ? kept[n / 2] : (kept[n / 2 - 1] + kept[n / 2]) / 2;
    }

    /** @return the shortest round trip, us */
    public long minRoundTrip() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, roundTrips[i]);
        }
        return min;
    }
}
