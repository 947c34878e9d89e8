/**
 * Event records: the binary layout ({@link org.earshot.engine.event.EventDescriptor}), the schema of each
 * event type ({@link org.earshot.engine.event.EventType}) and the read-side flyweight
 * ({@link org.earshot.engine.event.EventView}) that sinks decode from.
 */
package org.earshot.engine.event;
