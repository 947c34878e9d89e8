package org.earshot.detectors.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import org.earshot.dsp.stft.SpectralFrame;
import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.ProcessSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StftNodeTest {
    private static final int RATE = 48_000;
    private static final int MAX_FRAMES = 4096;
    private static final long ORIGIN = 48_000L;
    /** Looked up once: {@code ManagementFactory.getThreadMXBean()} allocates on every call. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** One frame copied out of the port. */
    record Captured(long index, long first, long last, long centre, float[] complex, float[] magnitude,
        float[] phase, float[] power) {
    }

    static float[] noise(final int length, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float)(2.0 * random.nextDouble() - 1.0);
        }
        return x;
    }

    private static StftNode node(final StftConfig stft) {
        return new StftNode(StftNodeConfig.of("stft", stft));
    }

    /** Streams {@code x} in blocks whose sizes cycle through {@code sizes}, capturing every published frame. */
    private static List<Captured> runDirect(final StftNode node, final float[] x, final int... sizes) {
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, MAX_FRAMES));
        final List<Captured> frames = new ArrayList<>();
        int off = 0;
        int b = 0;
        while (off < x.length) {
            final int n = Math.min(sizes[b++ % sizes.length], x.length - off);
            driver.block(x, off, n, ORIGIN + off);
            final SpectrumFrames out = driver.value(node.output());
            assertTrue(out.count() <= out.capacity());
            for (int i = 0; i < out.count(); i++) {
                frames.add(new Captured(out.frameIndex(i), out.firstSampleFrame(i), out.lastSampleFrame(i),
                    out.centreFrame(i), out.complex(i).clone(), out.magnitude(i).clone(), out.phase(i).clone(),
                    out.power(i).clone()));
            }
            off += n;
        }
        return frames;
    }

    @Test
    void shouldDeclareFramesPortAndHalfWindowLatencyWhenPrepared() {
        final StftNode node = node(new StftConfig(1024, 256, 2048, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, MAX_FRAMES));
        assertEquals(1, driver.ports().size());
        assertEquals("stft.frames", node.output().name());
        assertEquals(512, node.latencyFrames());
        final SpectrumFrames frames = driver.value(node.output());
        assertEquals(4096 / 256 + 1, frames.capacity());
        assertEquals(1025, frames.bins());
        assertEquals(0, frames.count());
        assertEquals(501, node(new StftConfig(1001, 100, 1024, WindowType.HANN)).latencyFrames());
    }

    @Test
    void shouldCopyABlockOfFramesWithEveryView() {
        final StftNode node = node(new StftConfig(1024, 256, 1024, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, MAX_FRAMES));
        driver.block(noise(4096, 3), 0, 4096, ORIGIN);
        final SpectrumFrames out = driver.value(node.output());
        assertTrue(out.count() > 1);
        final SpectrumFrames copy = new SpectrumFrames(out.config(), out.capacity(), EnumSet.allOf(SpectrumView.class));
        copy.copyFrom(out);
        assertEquals(out.count(), copy.count());
        for (int i = 0; i < out.count(); i++) {
            assertEquals(out.frameIndex(i), copy.frameIndex(i));
            assertEquals(out.firstSampleFrame(i), copy.firstSampleFrame(i));
            assertArrayEquals(out.complex(i), copy.complex(i));
            assertArrayEquals(out.magnitude(i), copy.magnitude(i));
            assertArrayEquals(out.phase(i), copy.phase(i));
            assertArrayEquals(out.power(i), copy.power(i));
        }
        final SpectrumFrames fewer = new SpectrumFrames(out.config(), out.capacity(), EnumSet.of(SpectrumView.MAGNITUDE));
        assertThrows(IllegalArgumentException.class, () -> fewer.copyFrom(out));
    }

    @Test
    void shouldRefuseOutputWhenNotPrepared() {
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> node(new StftConfig(64, 16, 64, WindowType.HANN)).output());
        assertEquals("node stft must be prepared before its output is read", e.getMessage());
    }

    @Test
    void shouldMatchDspStftWithAbsolutePositionsWhenStreamStartsAtOffset() {
        final StftConfig config = new StftConfig(1024, 300, 1024, WindowType.HANN);
        final float[] x = noise(10_000, 1);
        final List<Captured> frames = runDirect(node(config), x, 256);
        final Stft stft = new Stft(config);
        stft.reset(ORIGIN);
        int k = 0;
        int pos = 0;
        while (pos < x.length) {
            pos += stft.feed(x, pos, x.length - pos);
            if (stft.frameReady()) {
                final SpectralFrame f = stft.frame();
                final Captured c = frames.get(k);
                assertEquals(k, c.index());
                assertEquals(ORIGIN + 300L * k, c.first());
                assertEquals(ORIGIN + 300L * k + 1023, c.last());
                assertEquals(ORIGIN + 300L * k + 512, c.centre());
                assertArrayEquals(f.complex(), c.complex());
                assertArrayEquals(f.magnitude(), c.magnitude());
                assertArrayEquals(f.phase(), c.phase());
                assertArrayEquals(f.power(), c.power());
                k++;
            }
        }
        assertEquals(k, frames.size());
        assertEquals((10_000 - 1024) / 300 + 1, k);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 37, 256, 4096})
    void shouldPublishIdenticalFramesWhenBlockSizeVaries(final int blockSize) {
        final StftConfig config = new StftConfig(2048, 512, 4096, WindowType.BLACKMAN);
        final float[] x = noise(30_000, 2);
        final List<Captured> reference = runDirect(node(config), x, 1000);
        final List<Captured> frames = runDirect(node(config), x, blockSize);
        final List<Captured> mixed = runDirect(node(config), x, 0, blockSize, 0, 1, 37);
        assertEquals(reference.size(), frames.size());
        assertEquals(reference.size(), mixed.size());
        for (int i = 0; i < reference.size(); i++) {
            for (final Captured c : new Captured[] {frames.get(i), mixed.get(i)}) {
                assertEquals(reference.get(i).index(), c.index());
                assertEquals(reference.get(i).first(), c.first());
                assertArrayEquals(reference.get(i).complex(), c.complex(), "frame " + i);
                assertArrayEquals(reference.get(i).phase(), c.phase(), "frame " + i);
            }
        }
    }

    @Test
    void shouldResetCountEveryBlockWhenBlockCompletesNoFrame() {
        final StftNode node = node(new StftConfig(64, 16, 64, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, 256));
        final float[] x = noise(300, 3);
        driver.block(x, 0, 100, 0);
        final SpectrumFrames out = driver.value(node.output());
        assertEquals(3, out.count(), "frames ending at samples 63, 79, 95");
        driver.block(x, 100, 0, 100);
        assertEquals(0, out.count(), "an empty block publishes nothing");
        driver.block(x, 100, 10, 100);
        assertEquals(0, out.count(), "no frame ends in [100, 110)");
        driver.block(x, 110, 2, 110);
        assertEquals(1, out.count(), "frame ending at 111");
        assertEquals(3, out.frameIndex(0));
        assertThrows(IndexOutOfBoundsException.class, () -> out.frameIndex(1));
    }

    @Test
    void shouldHoldEveryFrameWhenHopIsOneAndBlocksAreMaxFrames() {
        final StftNode node = node(new StftConfig(4, 1, 4, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, 64));
        final float[] x = noise(64 * 10, 4);
        long expectedIndex = 0;
        for (int b = 0; b < 10; b++) {
            driver.block(x, 64 * b, 64, 64L * b);
            final SpectrumFrames out = driver.value(node.output());
            assertEquals(65, out.capacity());
            assertEquals(b == 0 ? 61 : 64, out.count());
            for (int i = 0; i < out.count(); i++) {
                assertEquals(expectedIndex++, out.frameIndex(i));
            }
        }
        assertEquals(64 * 10 - 3, expectedIndex);
    }

    @Test
    void shouldRestartAtNextBlockStartWhenReset() {
        final StftNode node = node(new StftConfig(64, 16, 64, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, 256));
        final float[] x = noise(256, 5);
        driver.block(x, 0, 200, 0);
        node.reset();
        driver.block(x, 0, 0, 200);
        driver.block(x, 0, 64, 100_000);
        final SpectrumFrames out = driver.value(node.output());
        assertEquals(1, out.count());
        assertEquals(0, out.frameIndex(0));
        assertEquals(100_000, out.firstSampleFrame(0));
    }

    @Test
    void shouldRestartAtBlockStartWhenStreamJumps() {
        final StftNode node = node(new StftConfig(64, 16, 64, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, 256));
        final float[] x = noise(256, 6);
        driver.block(x, 0, 60, 0);
        driver.block(x, 0, 64, 5_000);
        final SpectrumFrames out = driver.value(node.output());
        assertEquals(1, out.count(), "the 60 samples before the gap are dropped, not mixed in");
        assertEquals(0, out.frameIndex(0));
        assertEquals(5_000, out.firstSampleFrame(0));
    }

    @Test
    void shouldRefuseViewWhenNotKept() {
        final StftNode node = new StftNode(new StftNodeConfig("mag", new StftConfig(64, 16, 64, WindowType.HANN),
            EnumSet.of(SpectrumView.MAGNITUDE)));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, 256));
        driver.block(noise(64, 7), 0, 64, 0);
        final SpectrumFrames out = driver.value(node.output());
        assertTrue(out.has(SpectrumView.MAGNITUDE));
        assertFalse(out.has(SpectrumView.PHASE));
        assertEquals(33, out.magnitude(0).length);
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.phase(0));
        assertEquals("view PHASE is not kept by this port; add it to StftNodeConfig.views", e.getMessage());
    }

    @Test
    void shouldNotAllocateOverTenThousandBlocksWhenProcessingDirectly() {
        final StftNode node = node(new StftConfig(2048, 512, 2048, WindowType.HANN));
        final NodeDriver driver = new NodeDriver(node, new ProcessSpec(RATE, MAX_FRAMES));
        final float[] x = noise(1 << 16, 8);
        final int[] sizes = {256, 0, 1, 37, 4096, 300};
        long start = 0;
        int off = 0;
        final StringBuilder windows = new StringBuilder();
        boolean clean = false;
        for (int round = 0; round < 5 && !clean; round++) {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int b = 0; b < 12_000; b++) {
                final int n = sizes[b % sizes.length];
                if (off + n > x.length) {
                    off = 0;
                }
                driver.block(x, off, n, start);
                off += n;
                start += n;
            }
            node.reset();
            final long after = THREADS.getCurrentThreadAllocatedBytes();
            if (round > 0) {
                windows.append(after - before).append(' ');
                clean = after == before;
            }
        }
        assertEquals(true, clean, "bytes allocated per 12,000-block window after warm-up: " + windows);
    }
}
