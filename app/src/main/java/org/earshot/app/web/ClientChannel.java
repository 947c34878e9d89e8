package org.earshot.app.web;

/**
 * One browser connection as the hub sees it, whatever the WebSocket library: sending never blocks (the
 * transport queues), and the hub asks how much is still queued before it sends more.
 */
interface ClientChannel {
    /**
     * Queues a text message; never blocks.
     *
     * @param text the message
     */
    void send(String text);

    /** @return messages queued by the transport and not yet written to the socket */
    int queuedMessages();

    /** @return whether the connection is open */
    boolean isOpen();

    /**
     * Closes the connection.
     *
     * @param code   WebSocket close code
     * @param reason short reason
     */
    void close(int code, String reason);

    /** @return the peer, for messages */
    String describe();
}
