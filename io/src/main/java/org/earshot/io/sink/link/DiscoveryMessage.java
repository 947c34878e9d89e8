package org.earshot.io.sink.link;

/**
 * One decoded discovery message.
 *
 * @param type  {@link DiscoveryCodec#ALIVE}, {@link DiscoveryCodec#RESPONSE} or {@link DiscoveryCodec#BYEBYE}
 * @param ttl   seconds the sender's state stays valid without another message
 * @param from  the sender
 * @param state the sender's state (ALIVE and RESPONSE), or null (BYEBYE)
 */
public record DiscoveryMessage(int type, int ttl, NodeId from, NodeState state) {
}
