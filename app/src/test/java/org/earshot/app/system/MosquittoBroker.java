package org.earshot.app.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker started by a test on 127.0.0.1 and a free port, with persistence so that a
 * subscriber's session and queued messages survive a broker restart. {@code user root} keeps it from
 * dropping privileges to a user that cannot write the test's folder.
 */
final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    MosquittoBroker(final Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\nallow_anonymous true\n"
            + "user root\npersistence true\npersistence_location " + dir + "/\nautosave_interval 1\n");
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() throws Exception {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").toFile()))
            .start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (final IOException ex) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start:\n" + Files.readString(dir.resolve("log")));
    }

    void stop() throws InterruptedException {
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
