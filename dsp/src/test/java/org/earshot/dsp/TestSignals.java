package org.earshot.dsp;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/** Generated test signals with known answers, and an allocation meter. */
public final class TestSignals {
    /** Looked up once: {@code ManagementFactory.getThreadMXBean()} itself allocates on every call. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private TestSignals() {
    }

    /**
     * @param length samples
     * @param seed   random seed
     * @return uniform white noise in [-1, 1)
     */
    public static float[] noise(final int length, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float)(2.0 * random.nextDouble() - 1.0);
        }
        return x;
    }

    /**
     * @param length      samples
     * @param amplitude   peak amplitude
     * @param cyclesPerSample frequency as a fraction of the sample rate
     * @param phase       phase at sample 0, radians
     * @return {@code amplitude * cos(2 pi f n + phase)}
     */
    public static float[] cosine(final int length, final double amplitude, final double cyclesPerSample,
        final double phase) {
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float)(amplitude * Math.cos(2.0 * Math.PI * cyclesPerSample * i + phase));
        }
        return x;
    }

    /** @return bytes allocated so far by the calling thread */
    public static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
