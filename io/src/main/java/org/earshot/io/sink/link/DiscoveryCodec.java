package org.earshot.io.sink.link;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads and writes Link discovery messages: the 8-byte protocol header {@code _asdp_v} + 1, then message type, TTL,
 * a 16-bit group id (always 0) and the sender's 8-byte node id; then payload entries, each a 4-character key, a
 * 32-bit size and the value, all big-endian:
 *
 * <pre>
 * tmln  24 bytes  beat period (us), beat origin (micro-beats), time origin (ghost us)   int64 x 3
 * sess   8 bytes  session id
 * stst  17 bytes  playing (1 byte), beats (micro-beats), timestamp (ghost us)
 * mep4   6 bytes  measurement endpoint: IPv4 address, UDP port
 * </pre>
 *
 * Entries with other keys (newer peers add some, e.g. {@code mep6}) are skipped. Stateless.
 */
public final class DiscoveryCodec {
    /** Largest message, bytes. */
    public static final int MAX_MESSAGE = 512;
    /** A node announcing its state, sent to the multicast group. */
    public static final int ALIVE = 1;
    /** The answer to an ALIVE, sent to its sender. */
    public static final int RESPONSE = 2;
    /** A node leaving. */
    public static final int BYEBYE = 3;
    /** Seconds a state stays valid, as Link's own nodes announce it. */
    public static final int TTL_SECONDS = 5;

    static final int KEY_TIMELINE = key("tmln");
    static final int KEY_SESSION = key("sess");
    static final int KEY_START_STOP = key("stst");
    static final int KEY_MEASUREMENT_ENDPOINT = key("mep4");

    private static final byte[] PROTOCOL = {'_', 'a', 's', 'd', 'p', '_', 'v', 1};
    private static final int HEADER = PROTOCOL.length + 1 + 1 + 2 + 8;

    private DiscoveryCodec() {
    }

    /**
     * @param text four ASCII characters
     * @return them as a big-endian payload key
     */
    static int key(final String text) {
        return (text.charAt(0) << 24) | (text.charAt(1) << 16) | (text.charAt(2) << 8) | text.charAt(3);
    }

    /**
     * Writes an ALIVE or RESPONSE carrying a node's state.
     *
     * @param out   cleared and filled, then flipped for sending
     * @param type  {@link #ALIVE} or {@link #RESPONSE}
     * @param ttl   seconds the state stays valid
     * @param state the state; its measurement endpoint must be IPv4
     */
    public static void encodeState(final ByteBuffer out, final int type, final int ttl, final NodeState state) {
        header(out, type, ttl, state.node());
        final Timeline tl = state.timeline();
        out.putInt(KEY_TIMELINE).putInt(24).putLong(tl.microsPerBeat()).putLong(tl.beatOrigin())
            .putLong(tl.timeOrigin());
        out.putInt(KEY_SESSION).putInt(8).putLong(state.session().bits());
        final StartStopState ss = state.startStop();
        out.putInt(KEY_START_STOP).putInt(17).put((byte)(ss.playing() ? 1 : 0)).putLong(ss.beats())
            .putLong(ss.timestamp());
        final InetSocketAddress ep = state.measurementEndpoint();
        if (ep != null && ep.getAddress() instanceof Inet4Address v4) {
            out.putInt(KEY_MEASUREMENT_ENDPOINT).putInt(6).put(v4.getAddress()).putShort((short)ep.getPort());
        }
        out.flip();
    }

    /**
     * Writes a BYEBYE.
     *
     * @param out  cleared and filled, then flipped for sending
     * @param node the node leaving
     */
    public static void encodeByeBye(final ByteBuffer out, final NodeId node) {
        header(out, BYEBYE, 0, node);
        out.flip();
    }

    private static void header(final ByteBuffer out, final int type, final int ttl, final NodeId node) {
        out.clear();
        out.put(PROTOCOL).put((byte)type).put((byte)ttl).putShort((short)0).putLong(node.bits());
    }

    /**
     * @param in a received datagram, from position to limit (consumed)
     * @return the message, or null if it is not a well-formed Link discovery message of group 0 and a known type
     */
    public static DiscoveryMessage decode(final ByteBuffer in) {
        try {
            if (in.remaining() < HEADER) {
                return null;
            }
            for (final byte b : PROTOCOL) {
                if (in.get() != b) {
                    return null;
                }
            }
            final int type = in.get() & 0xFF;
            final int ttl = in.get() & 0xFF;
            final int group = in.getShort() & 0xFFFF;
            final NodeId from = new NodeId(in.getLong());
            if (group != 0 || type < ALIVE || type > BYEBYE) {
                return null;
            }
            if (type == BYEBYE) {
                return new DiscoveryMessage(type, ttl, from, null);
            }
            return new DiscoveryMessage(type, ttl, from, payload(in, from));
        } catch (final BufferUnderflowException | IllegalArgumentException ex) {
            return null;
        }
    }

    private static NodeState payload(final ByteBuffer in, final NodeId from) {
        // what a node that leaves an entry out means by it: the defaults Link itself starts from
        Timeline timeline = null;
        NodeId session = null;
        StartStopState startStop = StartStopState.INITIAL;
        InetSocketAddress endpoint = null;
        while (in.remaining() >= 8) {
            final int key = in.getInt();
            final int size = in.getInt();
            if (size < 0 || size > in.remaining()) {
                throw new IllegalArgumentException("entry larger than the message");
            }
            final ByteBuffer value = in.slice(in.position(), size);
            in.position(in.position() + size);
            if (key == KEY_TIMELINE && size >= 24) {
                timeline = new Timeline(value.getLong(), value.getLong(), value.getLong());
            } else if (key == KEY_SESSION && size >= 8) {
                session = new NodeId(value.getLong());
            } else if (key == KEY_START_STOP && size >= 17) {
                startStop = new StartStopState(value.get() != 0, value.getLong(), value.getLong());
            } else if (key == KEY_MEASUREMENT_ENDPOINT && size >= 6) {
                final byte[] addr = new byte[4];
                value.get(addr);
                endpoint = new InetSocketAddress(address(addr), value.getShort() & 0xFFFF);
            }
        }
        if (timeline == null || session == null) {
            throw new IllegalArgumentException("no timeline or session");
        }
        return new NodeState(from, session, timeline, startStop, endpoint);
    }

    private static InetAddress address(final byte[] v4) {
        try {
            return InetAddress.getByAddress(v4);
        } catch (final UnknownHostException ex) {
            throw new IllegalArgumentException(ex);
        }
    }
}
