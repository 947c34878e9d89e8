package org.earshot.io.sink.link;

import java.net.InetSocketAddress;

/**
 * What a Link node announces about itself in its discovery messages.
 *
 * @param node                its identifier
 * @param session             the session it belongs to (the identifier of the node that founded it)
 * @param timeline            its view of the session timeline
 * @param startStop           its view of the session's start/stop state
 * @param measurementEndpoint where it answers clock-measurement pings (IPv4), or null if it did not say
 */
public record NodeState(NodeId node, NodeId session, Timeline timeline, StartStopState startStop,
    InetSocketAddress measurementEndpoint) {
}
