package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.earshot.detectors.beat.ClickTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot live --preset performer} on a generated 120 BPM click track played at real-time pace, sending OSC to
 * two real liblo {@code oscdump} processes: one gets plain messages, the other beats as time-tagged bundles. Checks
 * the address space and arguments, that each beat arrives before its predicted time, and that the bundles' time tags
 * fall on the beat grid.
 */
@Timeout(120)
class PerformerOscIT {
    private static final int RATE = 48_000;
    private static final double BPM = 120.0;
    private static final long NTP_UNIX_OFFSET_S = 2_208_988_800L;

    @TempDir
    Path tmp;

    /** One line of oscdump: its time tag (the arrival time for plain messages), address and arguments. */
    record Line(double epochS, String address, String types, String[] args) {
        static Line parse(final String text) {
            final String[] p = text.trim().split("\\s+");
            final String[] tag = p[0].split("\\.");
            final long sec = Long.parseLong(tag[0], 16);
            final long frac = Long.parseLong(tag[1], 16);
            final double epoch = sec - NTP_UNIX_OFFSET_S + frac / 4294967296.0;
            return new Line(epoch, p[1], p.length > 2 ? p[2] : "", p.length > 3 ? Arrays.copyOfRange(p, 3, p.length)
                : new String[0]);
        }

        double number(final int i) {
            return Double.parseDouble(args[i]);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<Line> read(final Path file) throws IOException {
        final List<Line> lines = new ArrayList<>();
        for (final String l : Files.readAllLines(file)) {
            if (l.startsWith("/") || l.isBlank() || !l.contains(" /")) {
                continue;
            }
            lines.add(Line.parse(l));
        }
        return lines;
    }

    @Test
    void shouldSendBeatsTempoAndOnsetsAheadOfTheBeatAndBundlesOnTheBeatGrid() throws Exception {
        final double[] clicks = ClickTrack.beats(0.5, 11.5, BPM);
        final Path wav = tmp.resolve("clicks.wav");
        Fixtures.writeWav16(wav, RATE, 1, ClickTrack.render(RATE, 12.0, clicks, 4, 11L));
        final int plainPort = freeUdpPort();
        final int bundlePort = freeUdpPort();
        final Path plainOut = tmp.resolve("plain.txt");
        final Path bundleOut = tmp.resolve("bundle.txt");
        final Process plain = new ProcessBuilder("oscdump", "-L", Integer.toString(plainPort))
            .redirectOutput(plainOut.toFile()).redirectErrorStream(true).start();
        final Process bundle = new ProcessBuilder("oscdump", "-L", Integer.toString(bundlePort))
            .redirectOutput(bundleOut.toFile()).redirectErrorStream(true).start();
        final Earshot.Result result;
        try {
            Thread.sleep(300);
            result = Earshot.run(tmp, Duration.ofSeconds(60), Map.of(), "live", "--preset", "performer",
                "--input", wav.toString(), "--rate", Integer.toString(RATE),
                "--sink", "osc:127.0.0.1:" + plainPort, "--sink", "osc:127.0.0.1:" + bundlePort + ":bundle",
                "--sink", "jsonl:" + tmp.resolve("events.jsonl"));
            Thread.sleep(300);
        } finally {
            plain.destroy();
            bundle.destroy();
            plain.waitFor(5, TimeUnit.SECONDS);
            bundle.waitFor(5, TimeUnit.SECONDS);
        }
        result.assertNoStackTrace();
        assertEquals(0, result.exitStatus(), result.stderr());

        final List<Line> received = read(plainOut);
        final List<Line> beats = received.stream().filter(l -> l.address().equals("/earshot/beat")).toList();
        assertTrue(beats.size() >= 15, "beats received: " + beats.size() + "\n" + Files.readString(plainOut));
        for (int i = 0; i < beats.size(); i++) {
            final Line b = beats.get(i);
            assertEquals("ifif", b.types());
            if (i > 0) {
                assertEquals(beats.get(i - 1).number(0) + 1, b.number(0), "beat index counts up");
            }
            assertEquals(BPM, b.number(1), BPM * 0.02, "bpm");
            final int barPos = (int)b.number(2);
            assertTrue(barPos >= 1 && barPos <= 4, "bar position " + barPos);
            assertTrue(b.number(3) > 0 && b.number(3) <= 1, "confidence " + b.number(3));
        }
        final List<Line> tempo = received.stream().filter(l -> l.address().equals("/earshot/tempo")).toList();
        assertTrue(tempo.stream().anyMatch(t -> t.types().equals("ffi") && t.number(2) == 1
            && Math.abs(t.number(0) - BPM) < 2.5), "a locked /earshot/tempo near 120 BPM");
        final long onsets = received.stream().filter(l -> l.address().equals("/earshot/onset")).count();
        assertTrue(onsets >= 15, "onsets: " + onsets);

        // the bundles: time-tagged with the predicted beat, on a 0.5 s grid, tagged later than they arrive
        final List<Line> tagged = read(bundleOut).stream().filter(l -> l.address().equals("/earshot/beat")).toList();
        assertEquals(beats.size(), tagged.size(), "as many bundles as plain beats");
        final double tag0 = tagged.get(0).epochS();
        for (int i = 0; i < tagged.size(); i++) {
            final double tag = tagged.get(i).epochS();
            final double beats0 = (tag - tag0) / 0.5;
            assertEquals(0.0, (beats0 - Math.rint(beats0)) * 0.5, 0.015, "time tag " + i + " on the 0.5 s grid");
            final double ahead = tag - beats.get(i).epochS();
            assertTrue(ahead > 0.0 && ahead < 0.2, "beat " + i + " arrives " + ahead + " s before its time tag");
        }
    }
}
