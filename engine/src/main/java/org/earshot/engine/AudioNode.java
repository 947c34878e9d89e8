package org.earshot.engine;

/**
 * One processing step of a graph.
 *
 * <p>Lifecycle, after JUCE's AudioProcessor and aubio's new/do/del:
 * <ol>
 *   <li>construction from an immutable, validated config record;</li>
 *   <li>{@link #prepare} off the audio thread: allocate every buffer, declare output ports, fix
 *       {@link #latencyFrames()};</li>
 *   <li>{@link #process} on the audio thread, once per block: no allocation, locks, I/O, logging or
 *       exceptions for expected conditions; blocks of any size from 0 to {@code spec.maxFrames()};</li>
 *   <li>{@link #reset} after a stream break: clear state, keep buffers;</li>
 *   <li>{@link #release} off the audio thread: free large or native resources.</li>
 * </ol>
 *
 * <p>A node that reads another node's output receives that node in its constructor and takes its
 * {@link Port} in {@code prepare}; the graph builder is told the dependency and prepares upstream nodes
 * first.
 */
public interface AudioNode {
    /** @return a short name, unique in its graph, used in counters and logs */
    String name();

    /**
     * Allocates everything {@link #process} needs and declares output ports.
     *
     * @param spec  sample rate and largest block
     * @param setup where output ports are declared
     */
    void prepare(ProcessSpec spec, NodeSetup setup);

    /**
     * How far behind the input this node's outputs and events are decided, in frames: the largest
     * look-ahead it needs. Fixed between {@link #prepare} calls.
     *
     * @return declared latency in frames, zero or more
     */
    int latencyFrames();

    /**
     * Processes one block on the audio thread.
     *
     * @param ctx the block: input samples, frame position, ports and the node's event writer
     */
    void process(BlockContext ctx);

    /** Clears all state after a stream break, without reallocating. */
    void reset();

    /**
     * Applies a parameter change sent from another thread (a control, the dashboard), on the audio
     * thread, just before {@link #process} of the block it takes effect in. Must not allocate or throw;
     * unknown ids are ignored. Nodes that ramp a value to avoid zipper noise start the ramp here.
     *
     * @param parameterId the node's own parameter id
     * @param value       the new value
     */
    default void onParameter(final int parameterId, final double value) {
    }

    /** Frees resources; the node may not be processed again until prepared. */
    default void release() {
    }
}
