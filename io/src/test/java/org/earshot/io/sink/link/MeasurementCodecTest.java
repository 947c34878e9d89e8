package org.earshot.io.sink.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Ping and pong, against an exchange captured with a real Link peer. */
class MeasurementCodecTest {
    /** A ping sent to the real peer: host time 0x0bd25269ac us. */
    static final String CAPTURED_PING = "5f6c696e6b5f7601" + "01" + "5f5f6874" + "00000008" + "0000000bd25269ac";
    /** The real peer's pong: session {@code tOvC>3v;}, ghost time 552574 us, then the ping's payload echoed. */
    static final String CAPTURED_PONG = "5f6c696e6b5f7601" + "02" + "73657373" + "00000008" + "744f76433e33763b"
        + "5f5f6774" + "00000008" + "0000000000086e7e" + "5f5f6874" + "00000008" + "0000000bd25269ac";

    private static ByteBuffer hex(final String text) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(text));
    }

    private static byte[] bytes(final ByteBuffer b) {
        final byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    @Test
    void shouldWriteThePingTheRealPeerAnswered() {
        final ByteBuffer out = ByteBuffer.allocate(64);
        MeasurementCodec.encodePing(out, 0x0bd25269acL);
        assertArrayEquals(HexFormat.of().parseHex(CAPTURED_PING), bytes(out));
    }

    @Test
    void shouldReadTheRealPeersPong() {
        final MeasurementCodec.Message m = MeasurementCodec.decode(hex(CAPTURED_PONG));
        assertEquals(MeasurementCodec.PONG, m.type());
        assertEquals("tOvC>3v;", m.session().toString());
        assertEquals(552_574L, m.ghostTime());
        assertEquals(0x0bd25269acL, m.hostTime());
        assertEquals(Long.MIN_VALUE, m.prevGhostTime());
    }

    @Test
    void shouldAnswerAPingAsTheRealPeerDid() {
        final ByteBuffer ping = hex(CAPTURED_PING);
        final MeasurementCodec.Message decoded = MeasurementCodec.decode(ping.duplicate());
        assertEquals(MeasurementCodec.PING, decoded.type());
        assertEquals(16, decoded.payloadLength());
        final ByteBuffer out = ByteBuffer.allocate(128);
        MeasurementCodec.encodePong(out, new NodeId(0x744f76433e33763bL), 552_574L, ping, decoded);
        assertArrayEquals(HexFormat.of().parseHex(CAPTURED_PONG), bytes(out));
    }

    @Test
    void shouldEchoAPreviousGhostTimeAndReadItBack() {
        final ByteBuffer ping = ByteBuffer.allocate(64);
        ping.put(HexFormat.of().parseHex(CAPTURED_PING)).putInt(MeasurementCodec.KEY_PREV_GHOST_TIME).putInt(8)
            .putLong(-5L).flip();
        final MeasurementCodec.Message decoded = MeasurementCodec.decode(ping.duplicate());
        assertEquals(-5L, decoded.prevGhostTime());
        assertEquals(MeasurementCodec.MAX_PING_PAYLOAD, decoded.payloadLength());
        final ByteBuffer out = ByteBuffer.allocate(128);
        MeasurementCodec.encodePong(out, new NodeId(1L), 7L, ping, decoded);
        final MeasurementCodec.Message pong = MeasurementCodec.decode(out);
        assertEquals(new MeasurementCodec.Message(MeasurementCodec.PONG, new NodeId(1L), 7L, 0x0bd25269acL, -5L, 9,
            64), pong);
    }

    @Test
    void shouldRejectDiscoveryMessagesAndUnknownTypes() {
        assertNull(MeasurementCodec.decode(hex(DiscoveryCodecTest.CAPTURED_ALIVE)));
        assertNull(MeasurementCodec.decode(hex("5f6c696e6b5f7601" + "03")));
        assertNull(MeasurementCodec.decode(hex("5f6c696e6b5f76")));
    }
}
