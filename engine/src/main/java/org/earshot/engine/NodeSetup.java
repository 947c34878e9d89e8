package org.earshot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Handed to {@link AudioNode#prepare}: the node declares its output ports here. Used only while a graph
 * is being built, on the control thread.
 */
public final class NodeSetup {
    private final List<Port<?>> ports;
    private String nodeName = "node";

    /**
     * @param ports the graph's port list, appended to by every declaration
     */
    public NodeSetup(final List<Port<?>> ports) {
        this.ports = ports;
    }

    /**
     * Names the node whose ports are declared next (called by the graph builder).
     *
     * @param name the node's name
     * @return this
     */
    public NodeSetup forNode(final String name) {
        this.nodeName = name;
        return this;
    }

    /**
     * Declares an output port. The factory is called once per ring slot, now, off the audio thread.
     *
     * @param name    port name, unique within the node
     * @param factory makes one pre-allocated holder
     * @param <T>     holder type
     * @return the port, to keep in a field and to hand to downstream nodes
     */
    public <T> Port<T> declareOutput(final String name, final Supplier<T> factory) {
        final Port<T> port = new Port<>(ports.size(), nodeName + "." + name, factory);
        ports.add(port);
        return port;
    }

    /** @return the ports declared so far, in id order */
    public List<Port<?>> ports() {
        return new ArrayList<>(ports);
    }
}
