package org.earshot.dsp.math;

/**
 * Order statistics in place, without allocating: for the audio thread, where {@link java.util.Arrays#sort}
 * may allocate a merge buffer (it does on JDK 25 for arrays with long sorted runs, such as a steady signal's
 * repeated values).
 */
public final class Selection {
    private Selection() {
    }

    /**
     * The {@code k}-th smallest of {@code a[0, n)} (Hoare's quickselect, median-of-three pivots; expected
     * linear time). Reorders {@code a[0, n)}.
     *
     * @param a values; only the first {@code n} are looked at, and they are reordered
     * @param n how many values, 1 or more
     * @param k rank wanted, 0 (the smallest) to {@code n - 1}
     * @return the value of rank {@code k}
     * @throws IllegalArgumentException if {@code k} is not in {@code [0, n)} or {@code n > a.length}
     */
    public static float kth(final float[] a, final int n, final int k) {
        if (k < 0 || k >= n || n > a.length) {
            throw new IllegalArgumentException("rank " + k + " of " + n + " values (array of " + a.length + ")");
        }
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            final int mid = (lo + hi) >>> 1;
            // median of three to the middle, smallest to lo, largest to hi
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            final float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(final float[] a, final int i, final int j) {
        final float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
