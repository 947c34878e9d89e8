package org.earshot.app.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Ableton Link peer: {@code src/test/link-peer/peer.js} on node, with Ableton's Link library compiled by the
 * npm package abletonlink-addon (node-gyp: g++, make, python3, which scripts/test-all installs). The first use runs
 * {@code npm ci} from the committed package-lock.json into {@code target/link-peer} ({@link NpmPackage}); later uses
 * reuse the build.
 */
final class LinkPeer implements AutoCloseable {
    /** The committed script and its npm manifest. */
    static final Path SOURCE = Path.of("src", "test", "link-peer").toAbsolutePath();
    /** Where they are installed and built. */
    static final Path HOME = Path.of("target", "link-peer").toAbsolutePath();

    /** One line the peer printed. */
    record Sample(double wallMs, int peers, double tempo, double beat, double phase, boolean playing) {
    }

    private final Process process;
    private final Path out;

    private LinkPeer(final Process process, final Path out) {
        this.process = process;
        this.out = out;
    }

    /** Copies the manifest and runs {@code npm ci} when the build is missing or out of date. */
    static void install() throws Exception {
        NpmPackage.install(SOURCE, HOME, List.of("package.json", "package-lock.json", "peer.js"),
            HOME.resolve("node_modules/abletonlink-addon/build/Release/AbletonLinkAddon.node"),
            "the Link peer (abletonlink-addon)",
            "; building abletonlink-addon needs g++, make and python3 (scripts/test-all installs them)", 10);
    }

    /**
     * Installs if needed and starts a peer.
     *
     * @param workDir    where its output goes
     * @param bpm        the tempo it sets
     * @param intervalMs how often it prints
     * @return the running peer
     * @throws Exception if it cannot be installed or started
     */
    static LinkPeer start(final Path workDir, final double bpm, final int intervalMs) throws Exception {
        install();
        final Path out = Files.createTempFile(workDir, "link-peer", ".jsonl");
        final Process p = new ProcessBuilder("node", HOME.resolve("peer.js").toString(), "--tempo",
            Double.toString(bpm), "--interval", Integer.toString(intervalMs))
            .directory(HOME.toFile()).redirectOutput(out.toFile())
            .redirectError(workDir.resolve("link-peer-stderr.txt").toFile()).start();
        return new LinkPeer(p, out);
    }

    /** @return every line printed so far */
    List<Sample> samples() throws IOException {
        final List<Sample> samples = new ArrayList<>();
        for (final String line : Files.readAllLines(out)) {
            if (!line.startsWith("{") || !line.endsWith("}")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            final Map<String, Object> m = (Map<String, Object>)AnyJson.parse(line);
            samples.add(new Sample(num(m, "wall_ms"), (int)num(m, "peers"), num(m, "tempo"), num(m, "beat"),
                num(m, "phase"), Boolean.TRUE.equals(m.get("playing"))));
        }
        return samples;
    }

    private static double num(final Map<String, Object> m, final String key) {
        return ((Number)m.get(key)).doubleValue();
    }

    /** @return whether it still runs */
    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
