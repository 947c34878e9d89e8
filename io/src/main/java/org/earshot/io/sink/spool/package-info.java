/**
 * Durable delivery for network sinks: an on-disk message spool ({@link org.earshot.io.sink.spool.Spool})
 * shared by the MQTT and webhook sinks.
 */
package org.earshot.io.sink.spool;
