package org.earshot.io.sink.link;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads and writes Link's clock-measurement messages, sent over unicast to the endpoint a node announces in
 * {@code mep4}: the 8-byte header {@code _link_v} + 1, a message type ({@link #PING} or {@link #PONG}), then payload
 * entries as in discovery. A ping carries the sender's host time ({@code __ht}) and, optionally, the ghost time of
 * the previous pong ({@code _pgt}); a pong carries the responder's session ({@code sess}) and its ghost time now
 * ({@code __gt}), followed by the ping's payload echoed byte for byte. Stateless.
 */
public final class MeasurementCodec {
    /** A measurement request. */
    public static final int PING = 1;
    /** The answer. */
    public static final int PONG = 2;
    /** Largest ping payload a responder answers: {@code __ht} and {@code _pgt}, 16 bytes each. */
    public static final int MAX_PING_PAYLOAD = 32;

    static final int KEY_HOST_TIME = DiscoveryCodec.key("__ht");
    static final int KEY_GHOST_TIME = DiscoveryCodec.key("__gt");
    static final int KEY_PREV_GHOST_TIME = DiscoveryCodec.key("_pgt");

    private static final byte[] PROTOCOL = {'_', 'l', 'i', 'n', 'k', '_', 'v', 1};

    private MeasurementCodec() {
    }

    /**
     * One decoded measurement message; absent times are {@link Long#MIN_VALUE}.
     *
     * @param type          {@link #PING} or {@link #PONG}
     * @param session       the responder's session (pong), or null
     * @param ghostTime     {@code __gt}: the responder's ghost time when it answered (pong)
     * @param hostTime      {@code __ht}: the pinger's host time (ping, and echoed in a pong)
     * @param prevGhostTime {@code _pgt} (optional)
     * @param payloadOffset where the payload starts in the datagram
     * @param payloadLength its length
     */
    public record Message(int type, NodeId session, long ghostTime, long hostTime, long prevGhostTime,
        int payloadOffset, int payloadLength) {
    }

    /**
     * @param out      cleared and filled, then flipped for sending
     * @param hostTime the sender's host time, us
     */
    public static void encodePing(final ByteBuffer out, final long hostTime) {
        out.clear();
        out.put(PROTOCOL).put((byte)PING);
        out.putInt(KEY_HOST_TIME).putInt(8).putLong(hostTime);
        out.flip();
    }

    /**
     * Writes the pong for a ping.
     *
     * @param out       cleared and filled, then flipped for sending
     * @param session   the responder's session
     * @param ghostTime the responder's ghost time now, us
     * @param ping      the received ping datagram (position 0 to limit), not modified
     * @param decoded     its decoded form
     */
    public static void encodePong(final ByteBuffer out, final NodeId session, final long ghostTime,
        final ByteBuffer ping, final Message decoded) {
        out.clear();
        out.put(PROTOCOL).put((byte)PONG);
        out.putInt(DiscoveryCodec.KEY_SESSION).putInt(8).putLong(session.bits());
        out.putInt(KEY_GHOST_TIME).putInt(8).putLong(ghostTime);
        out.put(ping.slice(decoded.payloadOffset(), decoded.payloadLength()));
        out.flip();
    }

    /**
     * @param in a received datagram, position 0 to limit (consumed)
     * @return the message, or null if it is not a well-formed Link ping or pong
     */
    public static Message decode(final ByteBuffer in) {
        try {
            final int start = in.position();
            if (in.remaining() < PROTOCOL.length + 1) {
                return null;
            }
            for (final byte b : PROTOCOL) {
                if (in.get() != b) {
                    return null;
                }
            }
            final int type = in.get() & 0xFF;
            if (type != PING && type != PONG) {
                return null;
            }
            final int payloadOffset = in.position() - start;
            NodeId session = null;
            long ghost = Long.MIN_VALUE;
            long host = Long.MIN_VALUE;
            long prevGhost = Long.MIN_VALUE;
            while (in.remaining() >= 8) {
                final int key = in.getInt();
                final int size = in.getInt();
                if (size < 0 || size > in.remaining()) {
                    return null;
                }
                final int next = in.position() + size;
                if (size >= 8) {
                    if (key == DiscoveryCodec.KEY_SESSION) {
                        session = new NodeId(in.getLong());
                    } else if (key == KEY_GHOST_TIME) {
                        ghost = in.getLong();
                    } else if (key == KEY_HOST_TIME) {
                        host = in.getLong();
                    } else if (key == KEY_PREV_GHOST_TIME) {
                        prevGhost = in.getLong();
                    }
                }
                in.position(next);
            }
            return new Message(type, session, ghost, host, prevGhost, payloadOffset, in.position() - start
                - payloadOffset);
        } catch (final BufferUnderflowException ex) {
            return null;
        }
    }
}
