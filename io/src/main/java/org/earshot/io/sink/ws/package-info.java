/**
 * A WebSocket JSON stream of events for browser visuals: {@link org.earshot.io.sink.ws.WebSocketSink}.
 */
package org.earshot.io.sink.ws;
