/**
 * {@link org.earshot.engine.runtime.EventSink}s that run on the event agent's thread:
 * {@link org.earshot.io.sink.JsonLinesSink} writes one JSON object per event to standard output or a file.
 */
package org.earshot.io.sink;
