package org.earshot.io.flac;

import static org.earshot.io.flac.FlacTestSignals.decode;
import static org.earshot.io.flac.FlacTestSignals.flac;
import static org.earshot.io.flac.FlacTestSignals.music;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlacErrorPolicy#CONCEAL}: a corrupt frame becomes silence of its length, every other frame decodes
 * exactly and in its place, and the damage is reported.
 */
class FlacReaderConcealmentTest {
    private static final int BLOCK = 4096; // flac -8 at 44.1 kHz
    private static final int LENGTH = 44_100;

    @TempDir
    Path dir;
    private byte[] stream;
    private int[][] original;
    private List<Integer> frameOffsets;

    @BeforeEach
    void encode() throws Exception {
        original = music(2, 16, 44_100, LENGTH, 7);
        stream = Files.readAllBytes(flac(dir, "signal", original, 16, 44_100, "-8", "--no-padding", "--no-seektable"));
        frameOffsets = frameOffsets(stream);
        assertEquals((LENGTH + BLOCK - 1) / BLOCK, frameOffsets.size());
    }

    /** Where each frame starts: a sync code whose bytes up to the next one pass CRC-16. */
    private static List<Integer> frameOffsets(final byte[] s) {
        final List<Integer> starts = new ArrayList<>();
        int first = 4 + 4 + 34;
        first += 4 + ((s[first + 1] & 0xFF) << 16 | (s[first + 2] & 0xFF) << 8 | s[first + 3] & 0xFF);
        starts.add(first);
        int from = first;
        for (int i = first + 2; i < s.length - 1; i++) {
            if ((s[i] & 0xFF) == 0xFF && (s[i + 1] & 0xFF) == 0xF8 && FlacTestEncoder.crc16(s, from, i) == 0) {
                starts.add(i);
                from = i;
            }
        }
        return starts;
    }

    private static int[][] decodeConcealing(final byte[] bytes, final FlacDamage[] damage) throws IOException {
        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(bytes), FlacErrorPolicy.CONCEAL)) {
            final int[][] out = decode(reader, 1000);
            damage[0] = reader.damage();
            return out;
        }
    }

    private void assertSilencedOnly(final int[][] decoded, final int fromFrame, final int toFrame) {
        for (int c = 0; c < original.length; c++) {
            assertEquals(LENGTH, decoded[c].length, "the stream keeps its length");
            assertArrayEquals(Arrays.copyOfRange(original[c], 0, fromFrame), Arrays.copyOfRange(decoded[c], 0, fromFrame),
                "before the corrupt frame");
            assertArrayEquals(new int[toFrame - fromFrame], Arrays.copyOfRange(decoded[c], fromFrame, toFrame),
                "the corrupt frame is silence");
            assertArrayEquals(Arrays.copyOfRange(original[c], toFrame, LENGTH), Arrays.copyOfRange(decoded[c], toFrame,
                LENGTH), "after the corrupt frame, in its place");
        }
    }

    @Test
    void shouldPlayAFrameWithABadCrcAsSilenceAndDecodeTheRestInPlace() throws Exception {
        final byte[] bad = stream.clone();
        bad[frameOffsets.get(4) - 1] ^= 0x01; // last byte of frame 3's CRC-16
        final FlacDamage[] damage = new FlacDamage[1];

        final int[][] decoded = decodeConcealing(bad, damage);

        assertSilencedOnly(decoded, 3 * BLOCK, 4 * BLOCK);
        assertNotNull(damage[0]);
        assertEquals(1, damage[0].corruptStretches());
        assertEquals(BLOCK, damage[0].silencedFrames());
        assertEquals(3 * BLOCK, damage[0].firstAtFrame());
        assertTrue(damage[0].firstProblem().startsWith("FLAC frame 3 (byte " + frameOffsets.get(3)
            + "): frame CRC-16 mismatch"), damage[0].firstProblem());
    }

    @Test
    void shouldFindTheNextFrameWhenAHeaderIsDestroyed() throws Exception {
        final byte[] bad = stream.clone();
        final int at = frameOffsets.get(2);
        bad[at] = 0; // the sync code itself: the reader must search for the next frame
        bad[at + 1] = 0;
        final FlacDamage[] damage = new FlacDamage[1];

        final int[][] decoded = decodeConcealing(bad, damage);

        assertSilencedOnly(decoded, 2 * BLOCK, 3 * BLOCK);
        assertTrue(damage[0].firstProblem().contains("no frame sync code"), damage[0].firstProblem());
    }

    @Test
    void shouldConcealTwoNeighbouringCorruptFramesAsOneStretch() throws Exception {
        final byte[] bad = stream.clone();
        bad[frameOffsets.get(5) + 40] ^= 0x55;
        bad[frameOffsets.get(6) + 40] ^= 0x55;
        final FlacDamage[] damage = new FlacDamage[1];

        final int[][] decoded = decodeConcealing(bad, damage);

        assertSilencedOnly(decoded, 5 * BLOCK, 7 * BLOCK);
        assertEquals(1, damage[0].corruptStretches(), "one stretch, up to the next good frame");
        assertEquals(2 * BLOCK, damage[0].silencedFrames());
    }

    @Test
    void shouldFillTheDeclaredLengthWithSilenceWhenTheLastFrameIsCorrupt() throws Exception {
        final byte[] bad = stream.clone();
        final int last = frameOffsets.get(frameOffsets.size() - 1);
        bad[last + 30] ^= 0x0F;
        final FlacDamage[] damage = new FlacDamage[1];

        final int[][] decoded = decodeConcealing(bad, damage);

        final int lastStart = (frameOffsets.size() - 1) * BLOCK;
        assertSilencedOnly(decoded, lastStart, LENGTH);
        assertEquals(LENGTH - lastStart, damage[0].silencedFrames());
    }

    @Test
    void shouldReportNothingForAnIntactStream() throws Exception {
        final FlacDamage[] damage = new FlacDamage[1];

        final int[][] decoded = decodeConcealing(stream, damage);

        assertArrayEquals(original[0], decoded[0]);
        assertArrayEquals(original[1], decoded[1]);
        assertNull(damage[0]);
    }

    @Test
    void shouldStillThrowEofWhenTheStreamIsCut() {
        final byte[] cut = Arrays.copyOf(stream, frameOffsets.get(5) + 100);

        final EOFException ex = assertThrows(EOFException.class, () -> decodeConcealing(cut, new FlacDamage[1]));
        assertTrue(ex.getMessage().contains("the stream ends inside a frame"), ex.getMessage());
    }

    @Test
    void shouldKeepTheLengthAndThrowNothingButEofWhenAnyByteIsCorrupted() {
        final Random random = new Random(3);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int concealed = 0;
            for (int trial = 0; trial < 300; trial++) {
                final byte[] bad = stream.clone();
                final int at = frameOffsets.get(0) + random.nextInt(bad.length - frameOffsets.get(0));
                bad[at] = (byte)(bad[at] ^ 1 + random.nextInt(255));
                final FlacDamage[] damage = new FlacDamage[1];
                final int[][] decoded;
                try {
                    decoded = decodeConcealing(bad, damage);
                } catch (final EOFException lastFrameRanPastTheEnd) {
                    assertFalse(lastFrameRanPastTheEnd.getMessage().isBlank());
                    continue;
                }
                assertEquals(LENGTH, decoded[0].length, "trial " + trial + ", byte " + at);
                if (damage[0] != null) {
                    concealed++;
                    assertTrue(damage[0].silencedFrames() > 0 && damage[0].silencedFrames() <= 2 * BLOCK,
                        "one flipped byte costs one frame, or two when it fakes a frame boundary: " + damage[0]);
                }
            }
            assertTrue(concealed > 250, "most flips are caught by a CRC: " + concealed);
        });
    }
}
