/**
 * The running engine: the Disruptor ring of {@link org.earshot.engine.runtime.FrameSlot}s from source to
 * graph, the {@link org.earshot.engine.runtime.GraphRunner} (shared or dedicated threads), the
 * {@link org.earshot.engine.runtime.SourcePump}, the event agent that drains the Agrona event ring into
 * {@link org.earshot.engine.runtime.EventSink}s, and the {@link org.earshot.engine.runtime.Engine} that
 * owns their threads. Only this package creates threads.
 */
package org.earshot.engine.runtime;
