/**
 * The MQTT sink: events to {@code earshot/ROOM/event/LABEL} with QoS 1, a retained per-room status with a
 * last will, Home Assistant discovery, and an on-disk spool so alerts survive broker outages and restarts
 * ({@link org.earshot.io.sink.mqtt.MqttSink}).
 */
package org.earshot.io.sink.mqtt;
