package org.earshot.io.sink.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.TestEvents;
import org.junit.jupiter.api.Test;

/** The OSC address space and time tags (the network path is tested against liblo's oscdump in app). */
class OscSinkTest {
    private static final GraphInfo GRAPH = new GraphInfo(0, "live", 48_000, 0, List.of());

    @Test
    void shouldMapBeatToIndexBpmBarPositionConfidence() {
        final OscSink sink = new OscSink(OscSinkConfig.of("127.0.0.1", 9000), System.err::println);
        final OSCMessage m = (OSCMessage)sink.packet(TestEvents.view(TestEvents.BEAT, 96_000, 95_000, 0L, 95_000,
            128.0, 3, 0.75, 17, 4), GRAPH);
        assertEquals("/earshot/beat", m.getAddress());
        assertEquals(List.of(17, 128.0f, 3, 0.75f), m.getArguments());
    }

    @Test
    void shouldTimeTagBeatBundleWithThePredictedBeatTime() {
        final OscSink sink = new OscSink(OscSinkConfig.of("127.0.0.1", 9000).withTimeTaggedBeats(true),
            System.err::println);
        final long captureNs = System.nanoTime();
        final long beforeMs = System.currentTimeMillis();
        final OSCBundle b = (OSCBundle)sink.packet(TestEvents.view(TestEvents.BEAT, 96_000, 95_040, captureNs, 95_040,
            120.0, 1, 0.9, 0, 4), GRAPH);
        final long raw = b.getTimestamp().getNtpTime();
        final double epochMs = ((raw >>> 32) - 2_208_988_800L) * 1000.0 + (raw & 0xFFFFFFFFL) * 1000.0 / (1L << 32);
        assertEquals(beforeMs + 20, epochMs, 5.0, "NTP time tag 960 frames (20 ms) after the capture");
        assertEquals("/earshot/beat", ((OSCMessage)b.getPackets().get(0)).getAddress());
    }

    @Test
    void shouldMapTempoToBpmConfidenceLocked() {
        final OscSink sink = new OscSink(OscSinkConfig.of("127.0.0.1", 9000), System.err::println);
        final OSCMessage m = (OSCMessage)sink.packet(TestEvents.view(TestEvents.TEMPO, 0, 0, 0L, 99.5, 0.4, 1.0),
            GRAPH);
        assertEquals("/earshot/tempo", m.getAddress());
        assertEquals(List.of(99.5f, 0.4f, 1), m.getArguments());
    }

    @Test
    void shouldNameThePortRangeWhenInvalid() {
        assertEquals("port must be in [1, 65535], got 0", assertThrows(IllegalArgumentException.class,
            () -> OscSinkConfig.of("localhost", 0)).getMessage());
    }
}
