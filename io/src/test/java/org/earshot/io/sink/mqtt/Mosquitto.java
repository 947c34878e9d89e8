package org.earshot.io.sink.mqtt;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker on 127.0.0.1 and a free port, with persistence, for tests; restartable. */
public final class Mosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    /**
     * @param dir a temporary folder for the config, log and persistence
     * @throws IOException if no port is free
     */
    public Mosquitto(final Path dir) throws IOException {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\nallow_anonymous true\nuser root\n"
            + "persistence true\npersistence_location " + dir + "/\nautosave_interval 1\n");
    }

    /** @return {@code tcp://127.0.0.1:PORT} */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** Starts the broker and waits until it accepts connections. @throws Exception on failure */
    public void start() throws Exception {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (final IOException ex) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
    }

    /** Stops the broker (SIGTERM, so it saves its persistence file). @throws InterruptedException if interrupted */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
