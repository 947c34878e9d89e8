package org.earshot.detectors.beat;

/**
 * Maximum over the last {@code window} values (a monotonic queue in fixed arrays): amortised O(1) per value,
 * allocation-free after construction.
 */
final class SlidingMax {
    private final double[] values;
    private final long[] stamps;
    private final int window;
    private int head;
    private int size;
    private long count;

    SlidingMax(final int window) {
        this.window = window;
        this.values = new double[window];
        this.stamps = new long[window];
    }

    /**
     * @param value the newest value
     * @return the maximum of the last {@code window} values, including this one
     */
    double push(final double value) {
        final int cap = values.length;
        while (size > 0 && stamps[head] <= count - window) {
            head = head + 1 == cap ? 0 : head + 1;
            size--;
        }
        while (size > 0) {
            final int tail = (head + size - 1) % cap;
            if (values[tail] > value) {
                break;
            }
            size--;
        }
        final int slot = (head + size) % cap;
        values[slot] = value;
        stamps[slot] = count;
        size++;
        count++;
        return values[head];
    }

    void reset() {
        head = 0;
        size = 0;
        count = 0;
    }
}
