/**
 * Ableton Link, implemented from the protocol (no native library): {@link org.earshot.io.sink.link.LinkSink} joins
 * the Link session on the LAN and publishes the beat tracker's tempo and beat phase, so that Link-enabled
 * applications (Ableton Live, Resolume, TouchDesigner...) follow the band.
 *
 * <p>The parts: {@link org.earshot.io.sink.link.DiscoveryCodec} and
 * {@link org.earshot.io.sink.link.MeasurementCodec} read and write the two message families ({@code _asdp_v1}
 * discovery over multicast 224.76.78.75:20808, {@code _link_v1} ping/pong clock measurement over unicast);
 * {@link org.earshot.io.sink.link.Timeline} is the session's beat timeline in ghost time;
 * {@link org.earshot.io.sink.link.LinkSession} decides which session to be in and what timeline to publish, without
 * any I/O; {@link org.earshot.io.sink.link.ClockOffsetEstimate} turns ping/pong samples into a ghost-time offset;
 * {@link org.earshot.io.sink.link.LinkNode} owns the sockets and the one thread that drives all of it.
 */
package org.earshot.io.sink.link;
