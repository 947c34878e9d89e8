package org.earshot.detectors.decide;

/**
 * What the classifier usually says in this room: per class, the distribution of its probability over the room's
 * recent hops, kept as histograms over a sliding span of minutes. The owner decides which hops count: hops of a
 * candidate event are {@linkplain #hold held} until it is decided, then {@linkplain #release counted} or
 * {@linkplain #discard forgotten}.
 *
 * <p>A room's own texture (a crackling fire, a ticking clock, a fridge) is heard for minutes on end; a model that has
 * never heard that texture may read it as some event class over and over, and every now and then one of those
 * readings gets past the loudness gate as an alarm. A sound the room does not ordinarily make reads as its class far
 * more strongly than that class's usual level here. {@link #quantile} gives that usual level: a high quantile of
 * the class's probability over the span's hops.
 *
 * <p>The span is a ring of {@code slots} slots of {@code hopsPerSlot} hops each; when a slot fills, the oldest one is
 * dropped. Probabilities are binned in {@code bins} equal steps over 0 to 1. Allocation happens only in the
 * constructor.
 */
final class ClassFamiliarity {
    private final int classes;
    private final int bins;
    private final int hopsPerSlot;
    private final int[][] slot;
    private final int[] total;
    private final int[] slotHops;
    private final int[] held;
    private int heldHops;
    private int current;
    private long hops;

    /**
     * @param classes     classes tracked
     * @param bins        histogram bins over probabilities 0 to 1
     * @param hopsPerSlot hops per slot
     * @param slots       slots in the span
     */
    ClassFamiliarity(final int classes, final int bins, final int hopsPerSlot, final int slots) {
        if (classes < 1 || bins < 2 || hopsPerSlot < 1 || slots < 1) {
            throw new IllegalArgumentException("classes, bins, hopsPerSlot and slots must be positive, bins at least 2");
        }
        this.classes = classes;
        this.bins = bins;
        this.hopsPerSlot = hopsPerSlot;
        this.slot = new int[slots][classes * bins];
        this.total = new int[classes * bins];
        this.slotHops = new int[slots];
        this.held = new int[classes * bins];
    }

    /**
     * Holds one hop of a candidate event aside until the event is decided: {@link #release} counts the held hops
     * (the event was not reported: what the room made), {@link #discard} forgets them (it was).
     *
     * @param p per tracked class, its probability at this hop
     */
    void hold(final float[] p) {
        for (int k = 0; k < classes; k++) {
            held[k * bins + bin(p[k])]++;
        }
        heldHops++;
    }

    /** Counts the held hops. */
    void release() {
        // the held hops go into the current slot as a whole, however full it is
        final int[] s = slot[current];
        for (int i = 0; i < held.length; i++) {
            s[i] += held[i];
            total[i] += held[i];
        }
        slotHops[current] += heldHops;
        hops += heldHops;
        discard();
    }

    /** Forgets the held hops. */
    void discard() {
        java.util.Arrays.fill(held, 0);
        heldHops = 0;
    }

    /**
     * Counts one hop.
     *
     * @param p per tracked class, its probability at this hop
     */
    void add(final float[] p) {
        if (slotHops[current] >= hopsPerSlot) {
            current = current + 1 == slot.length ? 0 : current + 1;
            final int[] old = slot[current];
            for (int i = 0; i < old.length; i++) {
                total[i] -= old[i];
                old[i] = 0;
            }
            hops -= slotHops[current];
            slotHops[current] = 0;
        }
        final int[] s = slot[current];
        for (int k = 0; k < classes; k++) {
            final int b = k * bins + bin(p[k]);
            s[b]++;
            total[b]++;
        }
        slotHops[current]++;
        hops++;
    }

    /** @return hops counted in the span */
    long hops() {
        return hops;
    }

    /**
     * @param k        a tracked class
     * @param fraction 0 to 1
     * @return the upper edge of the bin holding that quantile of class {@code k}'s probability over the span's
     *     hops (an overestimate by at most one bin), or 0 before any hop
     */
    float quantile(final int k, final double fraction) {
        final long target = (long)(hops * fraction);
        long seen = 0;
        for (int b = 0; b < bins; b++) {
            seen += total[k * bins + b];
            if (seen > target) {
                return (b + 1) / (float)bins;
            }
        }
        return hops == 0 ? 0f : 1f;
    }

    private int bin(final float v) {
        return Math.max(0, Math.min(bins - 1, (int)(v * bins)));
    }

    /** Forgets every hop. */
    void reset() {
        for (final int[] s : slot) {
            java.util.Arrays.fill(s, 0);
        }
        java.util.Arrays.fill(total, 0);
        java.util.Arrays.fill(slotHops, 0);
        discard();
        current = 0;
        hops = 0;
    }
}
