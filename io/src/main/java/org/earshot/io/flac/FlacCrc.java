package org.earshot.io.flac;

/**
 * The two checksums of a FLAC frame: CRC-8 (polynomial x^8 + x^2 + x + 1) over the frame header and CRC-16
 * (x^16 + x^15 + x^2 + 1) over the whole frame, both MSB first with initial value 0. Table driven; CRC-16
 * takes eight bytes per step ("slicing by 8": table k advances a byte through k zero bytes, and the CRC is
 * linear, so the eight lookups combine by exclusive or).
 */
final class FlacCrc {
    private static final int SLICES = 8;
    private static final int[] CRC8 = new int[256];
    /** {@code CRC16[k * 256 + x]}: CRC-16 of byte x followed by k zero bytes. */
    private static final int[] CRC16 = new int[SLICES * 256];

    static {
        for (int i = 0; i < 256; i++) {
            int c8 = i;
            int c16 = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                c8 = (c8 & 0x80) != 0 ? (c8 << 1 ^ 0x07) & 0xFF : c8 << 1 & 0xFF;
                c16 = (c16 & 0x8000) != 0 ? (c16 << 1 ^ 0x8005) & 0xFFFF : c16 << 1 & 0xFFFF;
            }
            CRC8[i] = c8;
            CRC16[i] = c16;
        }
        for (int k = 1; k < SLICES; k++) {
            for (int i = 0; i < 256; i++) {
                final int previous = CRC16[(k - 1) * 256 + i];
                CRC16[k * 256 + i] = (previous << 8 ^ CRC16[previous >>> 8]) & 0xFFFF;
            }
        }
    }

    private FlacCrc() {
    }

    /**
     * @param bytes data
     * @param from  first index
     * @param to    index after the last
     * @return CRC-8 of {@code bytes[from, to)}
     */
    static int crc8(final byte[] bytes, final int from, final int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC8[crc ^ bytes[i] & 0xFF];
        }
        return crc;
    }

    /**
     * @param bytes data
     * @param from  first index
     * @param to    index after the last
     * @return CRC-16 of {@code bytes[from, to)}
     */
    static int crc16(final byte[] bytes, final int from, final int to) {
        final int[] t = CRC16;
        int crc = 0;
        int i = from;
        for (final int last = to - SLICES; i <= last; i += SLICES) {
            crc = t[7 * 256 + (crc >>> 8 ^ bytes[i] & 0xFF)] ^ t[6 * 256 + (crc & 0xFF ^ bytes[i + 1] & 0xFF)]
                ^ t[5 * 256 + (bytes[i + 2] & 0xFF)] ^ t[4 * 256 + (bytes[i + 3] & 0xFF)]
                ^ t[3 * 256 + (bytes[i + 4] & 0xFF)] ^ t[2 * 256 + (bytes[i + 5] & 0xFF)]
                ^ t[256 + (bytes[i + 6] & 0xFF)] ^ t[bytes[i + 7] & 0xFF];
        }
        for (; i < to; i++) {
            crc = (crc << 8 ^ t[crc >>> 8 ^ bytes[i] & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
