package org.earshot.io.flac;

import static org.earshot.io.flac.FlacTestSignals.decode;
import static org.earshot.io.flac.FlacTestSignals.flac;
import static org.earshot.io.flac.FlacTestSignals.music;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated, corrupted and foreign input: a plain {@link IOException}, never a hang or another exception. */
class FlacReaderCorruptionTest {
    @TempDir
    Path dir;
    private byte[] stream;
    private int firstFrame;

    @BeforeEach
    void encode() throws Exception {
        final int[][] samples = music(2, 16, 44_100, 44_100, 41);
        stream = Files.readAllBytes(flac(dir, "signal", samples, 16, 44_100, "-8", "--no-padding", "--no-seektable"));
        firstFrame = 4 + 4 + 34 + 4 + secondBlockLength();
    }

    /** Without padding and seek table, flac writes STREAMINFO and a VORBIS_COMMENT block: its 24-bit length. */
    private int secondBlockLength() {
        final int at = 4 + 4 + 34;
        return (stream[at + 1] & 0xFF) << 16 | (stream[at + 2] & 0xFF) << 8 | stream[at + 3] & 0xFF;
    }

    @Test
    void shouldStartAtFirstFrameSyncCode() {
        assertEquals(0xFF, stream[firstFrame] & 0xFF);
        assertEquals(0xF8, stream[firstFrame + 1] & 0xFF);
    }

    @Test
    void shouldThrowEofWhenStreamEndsInsideAFrame() {
        final byte[] cut = Arrays.copyOf(stream, stream.length / 2);

        final EOFException ex = assertThrows(EOFException.class, () -> decodeAll(cut));
        assertTrue(ex.getMessage().matches("FLAC frame \\d+ \\(byte \\d+\\): the stream ends inside a frame.*"),
            ex.getMessage());
    }

    @Test
    void shouldThrowEofWhenStreamEndsBetweenFramesBeforeDeclaredLength() throws Exception {
        final byte[] cut = Arrays.copyOf(stream, secondFrameOffset());

        final EOFException ex = assertThrows(EOFException.class, () -> decodeAll(cut));
        assertEquals("the stream ends after 4096 of the 44100 frames STREAMINFO declares", ex.getMessage());
    }

    @Test
    void shouldReportCrc16MismatchWhenAByteOfAudioIsFlipped() {
        final byte[] bad = stream.clone();
        final int at = secondFrameOffset() - 1; // last byte of the first frame's CRC-16
        bad[at] ^= 0x01;

        final IOException ex = assertThrows(IOException.class, () -> decodeAll(bad));
        assertTrue(ex.getMessage().startsWith("FLAC frame 0 (byte " + firstFrame + "): frame CRC-16 mismatch"),
            ex.getMessage());
    }

    @Test
    void shouldReportCrc8MismatchWhenAHeaderByteIsFlipped() {
        final byte[] bad = stream.clone();
        bad[firstFrame + 4] ^= 0x01; // the frame number

        final IOException ex = assertThrows(IOException.class, () -> decodeAll(bad));
        assertTrue(ex.getMessage().startsWith("FLAC frame 0 (byte " + firstFrame + "): frame header CRC-8 mismatch"),
            ex.getMessage());
    }

    @Test
    void shouldSayNotFlacWhenMarkerIsMissing() {
        final byte[] bad = stream.clone();
        bad[0] = 'X';

        final IOException ex = assertThrows(IOException.class, () -> decodeAll(bad));
        assertEquals("not a FLAC stream (no fLaC marker)", ex.getMessage());
    }

    @Test
    void shouldSayEofWhenMetadataIsCut() {
        final IOException ex = assertThrows(IOException.class, () -> decodeAll(Arrays.copyOf(stream, 30)));
        assertTrue(ex instanceof EOFException || ex.getMessage().startsWith("not a FLAC"), ex.getMessage());
    }

    @Test
    void shouldThrowOnlyIOExceptionsWhenAnyByteIsCorruptedOrTheStreamCut() {
        final Random random = new Random(1);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int trial = 0; trial < 400; trial++) {
                final byte[] bad = stream.clone();
                final int at = firstFrame + random.nextInt(bad.length - firstFrame);
                bad[at] = (byte)(bad[at] ^ 1 + random.nextInt(255));
                final byte[] input = trial % 4 == 3 ? Arrays.copyOf(bad, at) : bad;
                try {
                    decodeAll(input);
                } catch (final IOException expected) {
                    assertFalse(expected.getMessage() == null || expected.getMessage().isBlank());
                }
            }
        });
    }

    @Test
    void shouldKeepFailingAfterAnError() {
        final byte[] bad = stream.clone();
        bad[secondFrameOffset() - 1] ^= 0x01;

        assertThrows(IOException.class, () -> {
            try (FlacReader reader = new FlacReader(new ByteArrayInputStream(bad))) {
                final float[] chunk = new float[2 * 4096];
                try {
                    reader.read(chunk, 4096);
                } catch (final IOException first) {
                    reader.read(chunk, 4096);
                }
            }
        });
    }

    /** The first frame holds 4096 frames (flac -8 block size): its end is where decoding the second begins. */
    private int secondFrameOffset() {
        for (int i = firstFrame + 2; i < stream.length - 1; i++) {
            if ((stream[i] & 0xFF) == 0xFF && (stream[i + 1] & 0xFF) == 0xF8
                && FlacTestEncoder.crc16(stream, firstFrame, i) == 0) {
                return i;
            }
        }
        throw new AssertionError("no second frame");
    }

    private static void decodeAll(final byte[] bytes) throws IOException {
        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(bytes))) {
            decode(reader, 4096);
        }
    }
}
