package org.earshot.io.sink.link;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Link peer on this machine's IPv4 interfaces, run by one thread of its own: it announces its state to the
 * multicast group 224.76.78.75:20808 every 250 ms (and at once, at most every 50 ms, when the state changes), answers
 * ALIVEs with RESPONSEs, answers clock-measurement pings, measures other sessions' clocks, and applies the commands
 * the sink queues ({@link #offer}, never blocking). {@link LinkSession} holds the rules; this class holds the
 * sockets.
 *
 * <p>Like Link, it opens a gateway on every interface that is up and has an IPv4 address, loopback included (that is
 * how two Link applications on one machine find each other): a unicast socket bound to the interface address (it
 * sends the interface's multicast, receives responses and answers pings: its address is the announced measurement
 * endpoint) and a membership of the one multicast socket.
 */
public final class LinkNode implements AutoCloseable {
    /** The discovery multicast group. */
    public static final InetSocketAddress MULTICAST = new InetSocketAddress(address(224, 76, 78, 75), 20808);

    private static final long BROADCAST_US = 250_000L;
    private static final long MIN_BROADCAST_US = 50_000L;
    private static final long PRUNE_US = 500_000L;
    private static final long PING_RETRY_US = 50_000L;
    private static final int PING_ATTEMPTS = 6;
    private static final int ROUND_TRIPS = 20;
    private static final long MEASUREMENT_TIMEOUT_US = 2_000_000L;
    private static final int COMMAND_DRAIN_LIMIT = 64;

    private record Gateway(int index, NetworkInterface nif, Inet4Address address, int prefixLength,
        DatagramChannel channel, InetSocketAddress endpoint) {
        boolean contains(final InetAddress other) {
            if (!(other instanceof Inet4Address v4)) {
                return false;
            }
            if (address.isLoopbackAddress()) {
                return other.isLoopbackAddress();
            }
            final int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
            return (toInt(address) & mask) == (toInt(v4) & mask);
        }
    }

    /** A measurement under way (node thread only). */
    private static final class Measurement {
        final LinkSession.MeasurementRequest request;
        final ClockOffsetEstimate estimate = new ClockOffsetEstimate(ROUND_TRIPS);
        final long deadlineHost;
        long lastPingHost;
        int unanswered;

        Measurement(final LinkSession.MeasurementRequest request, final long nowHost) {
            this.request = request;
            this.deadlineHost = nowHost + MEASUREMENT_TIMEOUT_US;
        }
    }

    private final LinkSinkConfig config;
    private final Consumer<String> log;
    private final LinkSession session;
    private final ArrayBlockingQueue<LinkCommand> commands;
    private final AtomicLong dropped = new AtomicLong();
    private final Selector selector;
    private final DatagramChannel multicast;
    private final List<Gateway> gateways;
    private final ByteBuffer in = ByteBuffer.allocate(2048);
    private final ByteBuffer out = ByteBuffer.allocate(DiscoveryCodec.MAX_MESSAGE);
    private Thread thread;
    private volatile boolean running;

    // node thread only
    private Measurement measurement;
    private long lastBroadcastHost = Long.MIN_VALUE / 2;
    private long lastPruneHost;
    private boolean stateChanged;
    private boolean playing;
    private int reportedPeers = -1;
    private int knownPeers;
    private volatile long sendFailures; // written by the node thread only
    private NodeId reportedSession;

    // published for other threads
    private volatile int peers;
    private volatile Timeline timeline;
    private volatile NodeId sessionId;
    private volatile long ghostOffset;
    private volatile boolean sessionPlaying;

    /**
     * Opens the sockets; {@link #start()} starts the thread.
     *
     * @param config settings
     * @param log    where joins, peer counts and failures are reported
     * @throws IOException if no gateway can be opened
     */
    public LinkNode(final LinkSinkConfig config, final Consumer<String> log) throws IOException {
        this.config = config;
        this.log = log;
        this.commands = new ArrayBlockingQueue<>(config.queueCapacity());
        final long now = hostMicros();
        this.session = new LinkSession(NodeId.random(new SecureRandom()), config.initialBpm(), now);
        this.lastPruneHost = now;
        this.selector = Selector.open();
        this.multicast = DatagramChannel.open(StandardProtocolFamily.INET);
        final List<Gateway> opened = new ArrayList<>();
        try {
            multicast.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            multicast.bind(new InetSocketAddress(MULTICAST.getPort()));
            multicast.configureBlocking(false);
            multicast.register(selector, SelectionKey.OP_READ, null);
            for (final NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp()) {
                    continue;
                }
                for (final InterfaceAddress ia : nif.getInterfaceAddresses()) {
                    if (ia.getAddress() instanceof Inet4Address v4) {
                        final Gateway g = openGateway(opened.size(), nif, v4, ia.getNetworkPrefixLength());
                        if (g != null) {
                            opened.add(g);
                        }
                    }
                }
            }
        } catch (final IOException ex) {
            closeQuietly(opened);
            throw ex;
        }
        if (opened.isEmpty()) {
            closeQuietly(opened);
            throw new IOException("no network interface could join the Link multicast group");
        }
        this.gateways = List.copyOf(opened);
        publish();
    }

    private Gateway openGateway(final int index, final NetworkInterface nif, final Inet4Address addr,
        final int prefix) {
        DatagramChannel ch = null;
        try {
            multicast.join(MULTICAST.getAddress(), nif);
            ch = DatagramChannel.open(StandardProtocolFamily.INET);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, addr.isLoopbackAddress());
            ch.bind(new InetSocketAddress(addr, 0));
            ch.configureBlocking(false);
            final InetSocketAddress endpoint = (InetSocketAddress)ch.getLocalAddress();
            final Gateway g = new Gateway(index, nif, addr, prefix, ch, endpoint);
            ch.register(selector, SelectionKey.OP_READ, g);
            return g;
        } catch (final IOException | UnsupportedOperationException ex) {
            log.accept("link: interface " + nif.getName() + " (" + addr.getHostAddress() + ") left out: "
                + ex.getMessage());
            if (ch != null) {
                try {
                    ch.close();
                } catch (final IOException ignored) {
                    // nothing more to release
                }
            }
            return null;
        }
    }

    /** Starts the node's thread. */
    public void start() {
        running = true;
        thread = new Thread(this::run, "earshot-link");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a command for the node's thread; never blocks.
     *
     * @param command the command
     * @return false if the queue was full (counted in {@link #dropped()})
     */
    public boolean offer(final LinkCommand command) {
        if (commands.offer(command)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** @return peers in this node's session, other than itself */
    public int numPeers() {
        return peers;
    }

    /** @return the session timeline, as last published */
    public Timeline timeline() {
        return timeline;
    }

    /** @return the session this node is in */
    public NodeId session() {
        return sessionId;
    }

    /** @return this node's id */
    public NodeId self() {
        return session.self();
    }

    /** @return the session's ghost time minus this node's host time, us */
    public long ghostOffset() {
        return ghostOffset;
    }

    /** @return whether the session plays */
    public boolean playing() {
        return sessionPlaying;
    }

    /** @return datagrams that could not be sent (an unreachable peer, an interface gone) */
    public long sendFailures() {
        return sendFailures;
    }

    /** @return commands dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    /** @return the measurement endpoints, one per gateway */
    public List<InetSocketAddress> endpoints() {
        return gateways.stream().map(Gateway::endpoint).toList();
    }

    /** @return this node's host clock, us (the clock beat times are given in) */
    public static long hostMicros() {
        return System.nanoTime() / 1_000L;
    }

    private void run() {
        while (running) {
            try {
                final long now = hostMicros();
                drainCommands(now);
                selector.select(5L);
                for (final SelectionKey key : selector.selectedKeys()) {
                    receiveAll((DatagramChannel)key.channel(), (Gateway)key.attachment());
                }
                selector.selectedKeys().clear();
                tick(hostMicros());
            } catch (final IOException | RuntimeException ex) {
                log.accept("link: " + ex);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100L);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainCommands(final long now) {
        for (int i = 0; i < COMMAND_DRAIN_LIMIT; i++) {
            final LinkCommand c = commands.poll();
            if (c == null) {
                return;
            }
            switch (c.kind()) {
                case BEAT -> {
                    stateChanged |= session.alignBeat(c.hostTime(), c.bpm(), c.barPos(), c.meter(),
                        config.quantum(), now);
                    if (!playing) {
                        playing = true;
                        if (config.startStop()) {
                            stateChanged |= session.setPlaying(true, c.hostTime(), now);
                        }
                    }
                }
                case TEMPO -> stateChanged |= session.setTempo(c.bpm(), now);
                case STOP -> {
                    if (playing) {
                        playing = false;
                        if (config.startStop()) {
                            stateChanged |= session.setPlaying(false, now, now);
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown command " + c.kind());
            }
        }
    }

    private void receiveAll(final DatagramChannel ch, final Gateway gateway) throws IOException {
        while (true) {
            in.clear();
            final SocketAddress from = ch.receive(in);
            if (from == null) {
                return;
            }
            in.flip();
            if (from instanceof InetSocketAddress source) {
                onDatagram(gateway != null ? gateway : gatewayFor(source.getAddress()), gateway != null, source);
            }
        }
    }

    private Gateway gatewayFor(final InetAddress source) {
        for (final Gateway g : gateways) {
            if (g.address().equals(source)) {
                return g;
            }
        }
        for (final Gateway g : gateways) {
            if (g.contains(source)) {
                return g;
            }
        }
        return gateways.get(0);
    }

    private void onDatagram(final Gateway gateway, final boolean unicast, final InetSocketAddress from) {
        final long now = hostMicros();
        if (in.remaining() > 2 && in.get(1) == 'a') {
            final DiscoveryMessage m = DiscoveryCodec.decode(in);
            if (m == null || m.from().equals(session.self())) {
                return;
            }
            if (m.type() == DiscoveryCodec.BYEBYE) {
                session.onByeBye(m.from());
                return;
            }
            if (m.type() == DiscoveryCodec.ALIVE) {
                DiscoveryCodec.encodeState(out, DiscoveryCodec.RESPONSE, DiscoveryCodec.TTL_SECONDS,
                    session.state(gateway.endpoint()));
                trySend(gateway.channel(), from);
            }
            stateChanged |= session.onPeerState(m.state(), m.ttl(), gateway.index(), now);
        } else if (unicast) {
            final MeasurementCodec.Message m = MeasurementCodec.decode(in);
            if (m == null) {
                return;
            }
            if (m.type() == MeasurementCodec.PING && m.payloadLength() <= MeasurementCodec.MAX_PING_PAYLOAD) {
                in.rewind();
                MeasurementCodec.encodePong(out, session.session(), session.ghost(now), in, m);
                trySend(gateway.channel(), from);
            } else if (m.type() == MeasurementCodec.PONG) {
                onPong(m, from, now);
            }
        }
    }

    private void onPong(final MeasurementCodec.Message m, final InetSocketAddress from, final long now) {
        final Measurement mm = measurement;
        if (mm == null || !from.equals(mm.request.endpoint()) || m.hostTime() == Long.MIN_VALUE
            || m.ghostTime() == Long.MIN_VALUE) {
            return;
        }
        if (!mm.request.session().equals(m.session())) {
            finishMeasurement(false, now);
            return;
        }
        mm.estimate.add(m.hostTime(), m.ghostTime(), now);
        mm.unanswered = 0;
        if (mm.estimate.full()) {
            finishMeasurement(true, now);
        } else {
            ping(mm, now);
        }
    }

    private void ping(final Measurement mm, final long now) {
        final Gateway g = gateways.get(mm.request.gateway());
        MeasurementCodec.encodePing(out, now);
        trySend(g.channel(), mm.request.endpoint());
        mm.lastPingHost = now;
    }

    /** Sends {@link #out}; a peer that cannot be reached (yet) is not this node's failure: it tries again later. */
    private void trySend(final DatagramChannel channel, final InetSocketAddress to) {
        try {
            channel.send(out, to);
        } catch (final IOException ex) {
            sendFailures++;
        }
    }

    private void finishMeasurement(final boolean ok, final long now) {
        final Measurement mm = measurement;
        measurement = null;
        final boolean success = ok && mm.estimate.count() > 0;
        final long offset = success ? mm.estimate.offset() : 0L;
        if (!success) {
            log.accept("link: could not measure the clock of session " + mm.request.session() + " at "
                + mm.request.endpoint());
        }
        stateChanged |= session.onMeasurement(mm.request.session(), success, offset, now);
    }

    private void tick(final long now) {
        if (measurement != null) {
            final Measurement mm = measurement;
            if (now - mm.deadlineHost > 0) {
                finishMeasurement(mm.estimate.count() >= ROUND_TRIPS / 4, now);
            } else if (now - mm.lastPingHost > PING_RETRY_US) {
                if (++mm.unanswered > PING_ATTEMPTS) {
                    finishMeasurement(mm.estimate.count() >= ROUND_TRIPS / 4, now);
                } else {
                    ping(mm, now);
                }
            }
        }
        if (measurement == null) {
            final LinkSession.MeasurementRequest next = session.pollMeasurement(now);
            if (next != null) {
                measurement = new Measurement(next, now);
                ping(measurement, now);
            }
        }
        if (now - lastPruneHost > PRUNE_US) {
            session.prune(now);
            lastPruneHost = now;
        }
        final int n = session.sessionPeers();
        if (n > knownPeers && config.startStop()) {
            // a newcomer learns that the session plays only from a start/stop state it has not seen yet
            stateChanged |= session.reannounceStartStop(now);
        }
        knownPeers = n;
        final long sinceBroadcast = now - lastBroadcastHost;
        if (sinceBroadcast >= BROADCAST_US || (stateChanged && sinceBroadcast >= MIN_BROADCAST_US)) {
            broadcast(DiscoveryCodec.ALIVE);
            lastBroadcastHost = now;
            stateChanged = false;
        }
        publish();
    }

    private void broadcast(final int type) {
        for (final Gateway g : gateways) {
            if (type == DiscoveryCodec.BYEBYE) {
                DiscoveryCodec.encodeByeBye(out, session.self());
            } else {
                DiscoveryCodec.encodeState(out, type, DiscoveryCodec.TTL_SECONDS, session.state(g.endpoint()));
            }
            trySend(g.channel(), MULTICAST); // an interface that went down: the others still carry the state
        }
    }

    private void publish() {
        final int n = session.sessionPeers();
        peers = n;
        timeline = session.timeline();
        sessionId = session.session();
        ghostOffset = session.ghostOffset();
        sessionPlaying = session.startStop().playing();
        if (n != reportedPeers || !session.session().equals(reportedSession)) {
            if (reportedSession != null && !session.session().equals(reportedSession)) {
                log.accept("link: joined session " + session.session() + " at "
                    + String.format(java.util.Locale.ROOT, "%.2f", session.timeline().bpm()) + " BPM");
            }
            if (n != reportedPeers && reportedPeers >= 0) {
                log.accept("link: " + n + (n == 1 ? " peer" : " peers") + " in the session");
            }
            reportedPeers = n;
            reportedSession = session.session();
        }
    }

    /**
     * Stops the session if this node started it playing (start/stop shared), says goodbye on every gateway, stops
     * the thread and closes the sockets.
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2_000L);
            thread = null;
        }
        if (playing && config.startStop()) {
            final long now = hostMicros();
            playing = false;
            if (session.setPlaying(false, now, now)) {
                broadcast(DiscoveryCodec.ALIVE);
            }
        }
        broadcast(DiscoveryCodec.BYEBYE);
        closeQuietly(gateways);
        try {
            multicast.close();
            selector.close();
        } catch (final IOException ignored) {
            // closing: nothing to report to
        }
    }

    private static void closeQuietly(final List<Gateway> list) {
        for (final Gateway g : list) {
            try {
                g.channel().close();
            } catch (final IOException ignored) {
                // closing: nothing to report to
            }
        }
    }

    private static int toInt(final Inet4Address a) {
        final byte[] b = a.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private static InetAddress address(final int a, final int b, final int c, final int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte)a, (byte)b, (byte)c, (byte)d});
        } catch (final java.net.UnknownHostException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
