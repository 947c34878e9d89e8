package org.earshot.engine;

import java.util.function.Supplier;

/**
 * A typed output area a node declares in {@link AudioNode#prepare}. The runtime holds one instance of
 * the value per ring slot, so a downstream node on another thread reads the value of the same block the
 * upstream node wrote, never a newer one. Read and write it with {@link BlockContext#get(Port)}.
 *
 * @param <T> the mutable, pre-allocated holder type (e.g. a spectrum frame buffer)
 */
public final class Port<T> {
    private final int id;
    private final String name;
    private final Supplier<T> factory;

    Port(final int id, final String name, final Supplier<T> factory) {
        this.id = id;
        this.name = name;
        this.factory = factory;
    }

    /** @return dense index of the port within its graph */
    public int id() {
        return id;
    }

    /** @return readable name, {@code node.port} */
    public String name() {
        return name;
    }

    /** @return a new holder; called only while the graph is built, once per ring slot */
    public T newValue() {
        return factory.get();
    }

    @Override
    public String toString() {
        return "Port[" + name + "#" + id + "]";
    }
}
