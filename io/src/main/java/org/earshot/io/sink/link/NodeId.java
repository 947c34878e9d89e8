package org.earshot.io.sink.link;

import java.util.random.RandomGenerator;

/**
 * A Link node or session identifier: 8 bytes, compared as unsigned bytes from the first (as the protocol orders
 * sessions when two of them are equally old). Held as one big-endian {@code long}.
 *
 * @param bits the 8 bytes, the first in the most significant position
 */
public record NodeId(long bits) implements Comparable<NodeId> {
    /**
     * A fresh identifier of 8 printable ASCII characters (peers log identifiers as text).
     *
     * @param random the source of randomness
     * @return the identifier
     */
    public static NodeId random(final RandomGenerator random) {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (33 + random.nextInt(94));
        }
        return new NodeId(bits);
    }

    @Override
    public int compareTo(final NodeId other) {
        return Long.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            final int c = (int)(bits >>> shift) & 0xFF;
            b.append(c >= 33 && c < 127 ? (char)c : '?');
        }
        return b.toString();
    }
}
