package org.earshot.io.flac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The table-driven checksums against the bit-by-bit definitions of {@link FlacTestEncoder}. */
class FlacCrcTest {
    @Test
    void shouldMatchBitwiseCrc8AndCrc16ForEveryLengthAndOffset() {
        final byte[] bytes = new byte[300];
        new Random(3).nextBytes(bytes);
        for (int from = 0; from < 9; from++) {
            for (int to = from; to <= bytes.length; to++) {
                assertEquals(FlacTestEncoder.crc16(bytes, from, to), FlacCrc.crc16(bytes, from, to),
                    "CRC-16 of [" + from + ", " + to + ")");
                assertEquals(FlacTestEncoder.crc8(bytes, from, to), FlacCrc.crc8(bytes, from, to),
                    "CRC-8 of [" + from + ", " + to + ")");
            }
        }
    }

    @Test
    void shouldGiveZeroWhenCrc16OfDataIsAppended() {
        final byte[] bytes = {0x12, 0x34, 0x56, 0x78, (byte)0x9A, (byte)0xBC, (byte)0xDE, (byte)0xF0, 0x11, 0, 0};
        final int crc = FlacCrc.crc16(bytes, 0, 9);
        bytes[9] = (byte)(crc >>> 8);
        bytes[10] = (byte)crc;

        assertEquals(0, FlacCrc.crc16(bytes, 0, 11));
    }
}
