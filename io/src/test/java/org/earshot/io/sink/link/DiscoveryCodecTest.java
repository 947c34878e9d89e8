package org.earshot.io.sink.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Discovery messages: each entry round trip, and ALIVEs captured from a real Link peer (Link 3, node addon). */
class DiscoveryCodecTest {
    /**
     * An ALIVE from a real Link node (abletonlink-addon 0.2.9, which builds Ableton's Link 3 source) set to 133 BPM,
     * captured on the loopback multicast group: node id {@code 1qtn._+a}, session the same, tempo 451128 us per beat,
     * beat origin 9413 micro-beats at ghost time -438 us, stopped, measurement endpoint 127.0.0.1:38181.
     */
    static final String CAPTURED_ALIVE = "5f617364705f7601" + "01" + "05" + "0000" + "3171746e2e5f2b61"
        + "746d6c6e" + "00000018" + "000000000006e238" + "00000000000024c5" + "fffffffffffffe4a"
        + "73657373" + "00000008" + "3171746e2e5f2b61"
        + "73747374" + "00000011" + "00" + "0000000000000000" + "0000000000000000"
        + "6d657034" + "00000006" + "7f000001" + "9525";

    private static ByteBuffer hex(final String text) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(text));
    }

    private static NodeId id(final String eight) {
        return new NodeId(ByteBuffer.wrap(eight.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getLong());
    }

    @Test
    void shouldDecodeAnAliveCapturedFromARealLinkPeer() throws Exception {
        final DiscoveryMessage m = DiscoveryCodec.decode(hex(CAPTURED_ALIVE));
        assertEquals(DiscoveryCodec.ALIVE, m.type());
        assertEquals(5, m.ttl());
        assertEquals("1qtn._+a", m.from().toString());
        final NodeState s = m.state();
        assertEquals(m.from(), s.node());
        assertEquals(id("1qtn._+a"), s.session());
        assertEquals(new Timeline(451_128L, 9_413L, -438L), s.timeline());
        assertEquals(133.0, s.timeline().bpm(), 1e-4);
        assertEquals(StartStopState.INITIAL, s.startStop());
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 38_181), s.measurementEndpoint());
    }

    @Test
    void shouldWriteTheCapturedAliveByteForByteFromItsDecodedState() {
        final NodeState s = DiscoveryCodec.decode(hex(CAPTURED_ALIVE)).state();
        final ByteBuffer out = ByteBuffer.allocate(DiscoveryCodec.MAX_MESSAGE);
        DiscoveryCodec.encodeState(out, DiscoveryCodec.ALIVE, 5, s);
        final byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        assertArrayEquals(HexFormat.of().parseHex(CAPTURED_ALIVE), bytes);
    }

    @Test
    void shouldRoundTripEveryEntryOfAResponse() throws Exception {
        final NodeState s = new NodeState(new NodeId(0x0102030405060708L), new NodeId(0xF1F2F3F4F5F6F7F8L),
            new Timeline(500_000L, -7_250_001L, 123_456_789_012L), new StartStopState(true, 4_000_000L, 99L),
            new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 65_535));
        final ByteBuffer out = ByteBuffer.allocate(DiscoveryCodec.MAX_MESSAGE);
        DiscoveryCodec.encodeState(out, DiscoveryCodec.RESPONSE, 5, s);
        assertEquals(107, out.remaining(), "header 20 + tmln 32 + sess 16 + stst 25 + mep4 14");
        final DiscoveryMessage m = DiscoveryCodec.decode(out);
        assertEquals(new DiscoveryMessage(DiscoveryCodec.RESPONSE, 5, s.node(), s), m);
    }

    @Test
    void shouldRoundTripAByeBye() {
        final ByteBuffer out = ByteBuffer.allocate(DiscoveryCodec.MAX_MESSAGE);
        DiscoveryCodec.encodeByeBye(out, new NodeId(42L));
        assertEquals(20, out.remaining());
        assertEquals(new DiscoveryMessage(DiscoveryCodec.BYEBYE, 0, new NodeId(42L), null), DiscoveryCodec.decode(out));
    }

    @Test
    void shouldSkipEntriesItDoesNotKnow() {
        // the captured ALIVE with a made-up 'mep6'-like entry of 18 bytes inserted before mep4
        final String withUnknown = CAPTURED_ALIVE.replace("6d657034", "6d657036" + "00000012" + "00".repeat(18)
            + "6d657034");
        final DiscoveryMessage m = DiscoveryCodec.decode(hex(withUnknown));
        assertEquals(DiscoveryCodec.decode(hex(CAPTURED_ALIVE)), m);
    }

    @Test
    void shouldRejectOtherProtocolsOtherGroupsAndTruncatedEntries() {
        assertNull(DiscoveryCodec.decode(hex("5f617364705f7602" + CAPTURED_ALIVE.substring(16))), "version 2");
        assertNull(DiscoveryCodec.decode(hex(CAPTURED_ALIVE.substring(0, 20) + "0001" + CAPTURED_ALIVE.substring(24))),
            "group 1");
        assertNull(DiscoveryCodec.decode(hex(CAPTURED_ALIVE.substring(0, CAPTURED_ALIVE.length() - 6))),
            "mep4 cut short");
        assertNull(DiscoveryCodec.decode(hex("5f617364705f7601")), "header only");
    }
}
