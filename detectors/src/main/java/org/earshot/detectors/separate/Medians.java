package org.earshot.detectors.separate;

/** Allocation-free median of a small scratch array (insertion sort: the arrays here hold 5 to 100 values). */
final class Medians {
    private Medians() {
    }

    /**
     * Sorts {@code a[0, n)} in place and returns its median (the mean of the middle two for even {@code n}).
     *
     * @param a values, reordered
     * @param n count, 1 or more
     * @return the median
     */
    static float median(final float[] a, final int n) {
        for (int i = 1; i < n; i++) {
            final float v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return (n & 1) == 1 ? a[n / 2] : 0.5f * (a[n / 2 - 1] + a[n / 2]);
    }
}
