package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.earshot.detectors.beat.ClickTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot live --preset performer --sink link} on a generated 120 BPM click track played at real-time pace,
 * with a real Ableton Link peer ({@link LinkPeer}: Ableton's Link library) already running at 100 BPM: earshot joins
 * the peer's session, the peer follows it to 120 BPM, starts playing, and its beat phase puts each of earshot's
 * predicted beats (read from the time tags of earshot's own OSC bundles) on a whole beat, the downbeats on phase 0;
 * when earshot stops, the peer stops playing and is alone again. And the other way round: a peer started after
 * earshot measures earshot's clock (its ping responder), joins earshot's session and plays at its tempo.
 */
@Timeout(240)
class LinkIT {
    private static final int RATE = 48_000;
    private static final double BPM = 120.0;
    private static final long NTP_UNIX_OFFSET_S = 2_208_988_800L;

    @TempDir
    Path tmp;

    /** A beat as earshot's OSC bundle carries it: the predicted time (epoch ms) and the bar position. */
    record Beat(double epochMs, int barPos) {
    }

    /** Receives earshot's time-tagged {@code /earshot/beat} bundles. */
    static final class OscBeats implements AutoCloseable {
        final DatagramSocket socket;
        final List<Beat> beats = new ArrayList<>();
        final Thread thread;

        OscBeats() throws IOException {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            thread = new Thread(this::receive, "osc-beats");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void receive() {
            final byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                final DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (final IOException ex) {
                    return;
                }
                final Beat b = parse(ByteBuffer.wrap(buf, 0, p.getLength()));
                if (b != null) {
                    synchronized (beats) {
                        beats.add(b);
                    }
                }
            }
        }

        private static String string(final ByteBuffer b) {
            final int start = b.position();
            int end = start;
            while (b.get(end) != 0) {
                end++;
            }
            final String s = new String(b.array(), b.arrayOffset() + start, end - start, StandardCharsets.US_ASCII);
            b.position(start + ((end - start) / 4 + 1) * 4);
            return s;
        }

        static Beat parse(final ByteBuffer b) {
            if (!"#bundle".equals(string(b))) {
                return null;
            }
            final long seconds = b.getInt() & 0xFFFFFFFFL;
            final long fraction = b.getInt() & 0xFFFFFFFFL;
            b.getInt(); // element size
            if (!"/earshot/beat".equals(string(b)) || !",ifif".equals(string(b))) {
                return null;
            }
            b.getInt(); // index
            b.getFloat(); // bpm
            final int barPos = b.getInt();
            return new Beat((seconds - NTP_UNIX_OFFSET_S) * 1000.0 + fraction * 1000.0 / 4294967296.0, barPos);
        }

        List<Beat> copy() {
            synchronized (beats) {
                return new ArrayList<>(beats);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @Test
    void shouldLeadARealLinkPeerToTheTrackedTempoWithItsBeatsOnThePredictedBeats() throws Exception {
        final Path wav = tmp.resolve("clicks.wav");
        Fixtures.writeWav16(wav, RATE, 1, ClickTrack.render(RATE, 20.0, ClickTrack.beats(0.5, 19.5, BPM), 4, 21L));
        final Earshot.Result result;
        final List<LinkPeer.Sample> samples;
        final List<Beat> beats;
        try (LinkPeer peer = LinkPeer.start(tmp, 100.0, 25); OscBeats osc = new OscBeats()) {
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (peer.samples().isEmpty()) {
                if (!peer.alive() || System.nanoTime() - deadline > 0) {
                    fail("the Link peer did not start; see " + tmp.resolve("link-peer-stderr.txt"));
                }
                Thread.sleep(50L);
            }
            result = Earshot.run(tmp, Duration.ofSeconds(90), Map.of(), "live", "--preset", "performer",
                "--input", wav.toString(), "--rate", Integer.toString(RATE),
                "--sink", "link", "--sink", "osc:127.0.0.1:" + osc.port() + ":bundle");
            Thread.sleep(1_000L);
            samples = peer.samples();
            beats = osc.copy();
        }
        result.assertNoStackTrace();
        assertEquals(0, result.exitStatus(), result.stderr());
        assertTrue(result.stderr().contains("link: 1 peer in the session"), result.stderr());
        assertTrue(beats.size() >= 25, "beats predicted: " + beats.size());

        // while earshot ran: the peer saw it, and followed its tempo once the tracker had settled
        final double firstBeat = beats.get(0).epochMs();
        final double lastBeat = beats.get(beats.size() - 1).epochMs();
        final List<LinkPeer.Sample> during = samples.stream()
            .filter(s -> s.wallMs() > firstBeat + 4_000.0 && s.wallMs() < lastBeat).toList();
        assertFalse(during.isEmpty(), "peer samples while the beats ran");
        assertTrue(during.stream().allMatch(s -> s.peers() >= 1), "the peer sees earshot in its session");
        assertTrue(during.stream().allMatch(LinkPeer.Sample::playing), "the peer plays");
        final double[] tempo = during.stream().mapToDouble(LinkPeer.Sample::tempo).sorted().toArray();
        assertEquals(BPM, tempo[0], 1.0, "slowest session tempo");
        assertEquals(BPM, tempo[tempo.length - 1], 1.0, "fastest session tempo");

        // the peer's beat at each predicted beat (from its nearest sample, extrapolated at its tempo)
        final List<Double> beatErrorsMs = new ArrayList<>();
        int barsOnPhase = 0;
        for (final Beat b : beats.subList(4, beats.size())) {
            LinkPeer.Sample nearest = null;
            for (final LinkPeer.Sample s : samples) {
                if (nearest == null || Math.abs(s.wallMs() - b.epochMs()) < Math.abs(nearest.wallMs() - b.epochMs())) {
                    nearest = s;
                }
            }
            if (nearest == null || Math.abs(nearest.wallMs() - b.epochMs()) > 40.0) {
                continue;
            }
            final double msPerBeat = 60_000.0 / nearest.tempo();
            final double phase = nearest.phase() + (b.epochMs() - nearest.wallMs()) / msPerBeat;
            beatErrorsMs.add((phase - Math.rint(phase)) * msPerBeat);
            if (Math.floorMod(Math.round(phase), 4) == b.barPos() - 1) {
                barsOnPhase++;
            }
        }
        assertTrue(beatErrorsMs.size() >= 20, "beats compared: " + beatErrorsMs.size());
        final double[] abs = beatErrorsMs.stream().mapToDouble(Math::abs).sorted().toArray();
        final double median = abs[abs.length / 2];
        final double p90 = abs[(int)Math.floor(0.9 * (abs.length - 1))];
        final double max = abs[abs.length - 1];
        final double meanSigned = beatErrorsMs.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
        System.out.printf(Locale.ROOT, "LinkIT: %d beats compared; peer tempo %.3f..%.3f BPM; |beat phase error| "
            + "median %.2f ms, p90 %.2f ms, max %.2f ms, mean signed %.2f ms; %d of %d bar positions on the peer's "
            + "phase%n", abs.length, tempo[0], tempo[tempo.length - 1], median, p90, max, meanSigned, barsOnPhase,
            abs.length);
        assertTrue(median <= 5.0, "median beat phase error " + median + " ms: " + beatErrorsMs);
        assertTrue(max <= 20.0, "largest beat phase error " + max + " ms: " + beatErrorsMs);
        assertTrue(barsOnPhase >= abs.length - 2, "downbeats on phase 0: " + barsOnPhase + " of " + abs.length);

        // after earshot left: the peer is alone and stopped
        final LinkPeer.Sample last = samples.get(samples.size() - 1);
        assertEquals(0, last.peers(), "alone again after earshot's BYEBYE: " + last);
        assertFalse(last.playing(), "stopped with earshot: " + last);
        assertTrue(Arrays.stream(tempo).allMatch(t -> t > 0), "tempos");
    }

    @Test
    void shouldBringALaterPeerIntoTheSessionEarshotFounded() throws Exception {
        final Path wav = tmp.resolve("clicks.wav");
        Fixtures.writeWav16(wav, RATE, 1, ClickTrack.render(RATE, 12.0, ClickTrack.beats(0.5, 11.5, BPM), 4, 22L));
        LinkPeer.install();
        final List<LinkPeer.Sample> samples;
        final Earshot.Result result;
        try (Earshot.Running earshot = Earshot.start(tmp, Map.of(), "live", "--preset", "performer",
            "--input", wav.toString(), "--rate", Integer.toString(RATE), "--sink", "link")) {
            Thread.sleep(2_500L); // earshot's session is then the older: the peer must measure it and join it
            try (LinkPeer peer = LinkPeer.start(tmp, 100.0, 25)) {
                result = earshot.await(Duration.ofSeconds(60));
                Thread.sleep(500L);
                samples = peer.samples();
            }
        }
        result.assertNoStackTrace();
        assertEquals(0, result.exitStatus(), result.stderr());
        assertTrue(result.stderr().contains("link: 1 peer in the session"), result.stderr());
        assertFalse(result.stderr().contains("joined session"), "earshot stays in its own session: "
            + result.stderr());
        final List<LinkPeer.Sample> joined = samples.stream().filter(s -> s.peers() >= 1).toList();
        assertFalse(joined.isEmpty(), "the peer never saw earshot");
        final List<LinkPeer.Sample> following = joined.stream()
            .filter(s -> s.playing() && Math.abs(s.tempo() - BPM) <= 1.0).toList();
        assertTrue(following.size() * 25 >= 3_000, "the peer plays at earshot's tempo for 3 s or more: "
            + following.size() + " samples of 25 ms; last seen " + joined.get(joined.size() - 1));
    }
}
