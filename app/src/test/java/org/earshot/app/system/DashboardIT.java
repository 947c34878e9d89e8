package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.earshot.app.config.Preset;
import org.earshot.app.demo.DemoClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web dashboard in a real browser (headless Debian Chromium, driven by playwright-core): {@code earshot
 * live --dashboard} on generated files played at real-time pace, the page's beats, onsets, events and latency
 * figures checked against the engine's own JSON Lines output, a denoiser-bypass control checked to reach the
 * audio thread (the output level meets the input level), a tab that never acknowledges shown not to hurt the
 * engine or the other tabs, and the static report of {@code analyze --report} rendered without a console
 * error. Screenshots go to {@code target/dashboard-screenshots/}; with
 * {@code -Dearshot.dashboard.screenshot=PATH} the performer (else room-monitor) screenshot is also copied
 * there (how {@code docs/dashboard.png} is made).
 */
@Timeout(300)
class DashboardIT {
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    private static final Pattern URL =
        Pattern.compile("earshot: dashboard: (http://\\S+) \\(WebSocket on port (\\d+)\\)");
    private static final double EPS = 1.5e-6;
    private static Browser browser;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static boolean hasPreset(final String name) {
        return Arrays.stream(Preset.values()).anyMatch(p -> p.cliName().equals(name));
    }

    /** A running {@code earshot live} with its dashboard's addresses. */
    private record Live(Earshot.Running run, String url, int webSocketPort) {
    }

    private Live startLive(final String... args) throws Exception {
        final Earshot.Running run = Earshot.start(tmp, Map.of(), args);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - deadline < 0) {
            final Matcher m = URL.matcher(run.stderr());
            if (m.find()) {
                return new Live(run, m.group(1), Integer.parseInt(m.group(2)));
            }
            if (!run.process().isAlive()) {
                fail("earshot live exited before serving its dashboard:\n" + run.stderr());
            }
            Thread.sleep(50);
        }
        run.close();
        fail("no dashboard address on stderr within 60 s:\n" + run.stderr());
        return null;
    }

    /** The JSON Lines written so far (a line still being written is left out). */
    private static List<Map<String, Object>> jsonl(final Path file) throws IOException {
        final List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        final String text = Files.readString(file, StandardCharsets.UTF_8);
        final int end = text.lastIndexOf('\n');
        for (final String line : text.substring(0, end + 1).split("\n")) {
            if (!line.isBlank()) {
                out.add(FlatJson.parse(line));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(final Object json) {
        return (List<Map<String, Object>>)AnyJson.parse((String)json);
    }

    private static double num(final Map<String, Object> m, final String key) {
        final Object v = m.get(key);
        assertNotNull(v, key + " missing in " + m);
        return ((Number)v).doubleValue();
    }

    /**
     * Waits until every event the page shows is in the JSONL file with the same values (the page and the
     * file get each event from the same event-agent batch; the file is flushed at the batch's end).
     */
    private static List<Map<String, Object>> awaitInJsonl(final Path file, final List<Map<String, Object>> page,
        final List<String> keys, final String streamKey) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> missing = List.of();
        while (System.nanoTime() - deadline < 0) {
            final List<Map<String, Object>> lines = jsonl(file);
            missing = new ArrayList<>();
            for (final Map<String, Object> e : page) {
                if (lines.stream().noneMatch(l -> same(l, e, keys, streamKey))) {
                    missing.add(e.toString());
                }
            }
            if (missing.isEmpty()) {
                return lines;
            }
            Thread.sleep(100);
        }
        fail("events on the page but not in " + file + ": " + missing);
        return null;
    }

    private static boolean same(final Map<String, Object> line, final Map<String, Object> page, final List<String> keys,
        final String streamKey) {
        if (!line.get("type").equals(page.get("type"))) {
            return false;
        }
        if (streamKey != null && !page.get(streamKey).equals(line.get("stream"))) {
            return false;
        }
        for (final String k : keys) {
            final Object a = line.get(k);
            final Object b = page.get(k);
            if (a instanceof Number x && b instanceof Number y) {
                if (Math.abs(x.doubleValue() - y.doubleValue()) > EPS) {
                    return false;
                }
            } else if (a == null ? b != null : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /** Latency figures: every node of every graph has p50 &lt;= p99 &lt;= p99.9 and a max, all measured. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> checkHealth(final List<List<String>> nodesByGraph) throws IOException {
        final Map<String, Object> health = (Map<String, Object>)AnyJson.parse((String)browser.eval(
            "JSON.stringify(window.__earshot.health)"));
        assertEquals("running", health.get("engine"));
        final List<Map<String, Object>> graphs = (List<Map<String, Object>>)health.get("graphs");
        assertEquals(nodesByGraph.size(), graphs.size());
        for (int g = 0; g < graphs.size(); g++) {
            final List<Map<String, Object>> nodes = (List<Map<String, Object>>)graphs.get(g).get("nodes");
            assertEquals(nodesByGraph.get(g), nodes.stream().map(n -> (String)n.get("name")).toList());
            for (final Map<String, Object> n : nodes) {
                assertTrue(num(n, "p50") > 0 && num(n, "p50") <= num(n, "p99") && num(n, "p99") <= num(n, "p999")
                    && num(n, "max") > 0, "block-time percentiles of " + n);
            }
            assertTrue(num(graphs.get(g), "blocksProcessed") > 0);
            assertTrue(num(graphs.get(g), "blockBudgetNs") > 0);
            assertEquals(0.0, num(graphs.get(g), "eventsDropped"), "events dropped");
        }
        final Map<String, Object> e2e = (Map<String, Object>)health.get("e2e");
        assertTrue(num(e2e, "count") > 0 && num(e2e, "p50") > 0 && num(e2e, "p50") <= num(e2e, "max"), "e2e " + e2e);
        final String table = (String)browser.eval("document.getElementById('health-table').innerText");
        for (final List<String> nodes : nodesByGraph) {
            for (final String node : nodes) {
                assertTrue(table.contains(node), "the health table names node " + node + ":\n" + table);
            }
        }
        return health;
    }

    private static void noProblems() throws IOException {
        assertEquals(List.of(), browser.problems(), "console errors, page errors or requests to other hosts");
        assertEquals(List.of(), list(browser.eval("JSON.stringify(window.__earshot.errors)")),
            "errors the page recorded");
    }

    private static void screenshot(final String name, final boolean docs) throws IOException {
        final Path shot = SHOTS.resolve(name + ".png");
        browser.screenshot(shot, true);
        final String target = System.getProperty("earshot.dashboard.screenshot");
        if (docs && target != null && !target.isBlank()) {
            Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
            Files.copy(shot, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void stop(final Earshot.Running running) throws Exception {
        final Earshot.Result r = running.terminate(Duration.ofSeconds(30));
        r.assertNoStackTrace();
        assertTrue(r.exitStatus() == 143 || r.exitStatus() == 0, "exit " + r.exitStatus() + "\n" + r.stderr());
        assertEquals(List.of(), r.stderrLines().stream().filter(l -> !l.startsWith("earshot: ")).toList(),
            "only earshot's own one-line messages on stderr (no library logging)");
    }

    // ------------------------------------------------------------------ performer: beats, onsets, latency

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowBeatsOnsetsAndLatencyAsTheJsonlHasThemWhenPerformerRunsLive() throws Exception {
        final boolean beatsToo = hasPreset("performer");
        final String preset = beatsToo ? "performer" : "onsets";
        final Path wav = tmp.resolve("demo-120bpm.wav");
        Fixtures.writeWav16(wav, 48_000, 1, DemoClip.render(48_000));
        final Path events = tmp.resolve(preset + ".jsonl");
        final Live live = startLive("live", "--preset", preset, "--input", wav.toString(), "--sink",
            "jsonl:" + events, "--dashboard", "127.0.0.1:0");
        try (Earshot.Running running = live.run()) {
            browser.open(live.url(), "dark");
            browser.waitFor("window.__earshot.hello", 20_000);
            final Map<String, Object> hello = (Map<String, Object>)AnyJson.parse((String)browser.eval(
                "JSON.stringify(window.__earshot.hello)"));
            final Map<String, Object> graph = ((List<Map<String, Object>>)hello.get("graphs")).get(0);
            final List<String> panels = (List<String>)graph.get("panels");
            assertTrue(panels.containsAll(List.of("spectrogram", "novelty", "health")), panels.toString());
            assertEquals(beatsToo, panels.contains("beat"), panels.toString());
            assertFalse(panels.contains("events") || panels.contains("denoiser"), "panels only for nodes in the graph");
            final boolean onsetsToo = panels.contains("onsets");
            assertTrue(beatsToo || onsetsToo, panels.toString());
            browser.waitFor((beatsToo ? "window.__earshot.beats.length >= 12 && " : "")
                + (onsetsToo ? "window.__earshot.onsets.length >= 12 && " : "") + "window.__earshot.health && "
                + "window.__earshot.health.graphs[0].nodes.length > 0 && "
                + "window.__earshot.health.graphs[0].nodes.every(n => n.p50 > 0)", 45_000);

            if (onsetsToo) {
                final List<Map<String, Object>> onsets = list(browser.eval("JSON.stringify(window.__earshot.onsets)"));
                awaitInJsonl(events, onsets, List.of("t", "frame", "strength", "emit_t", "latency_s"), null);
                // the onset latency figure is the last onset's latency_s, as the JSONL has it
                final Map<String, Object> shown = (Map<String, Object>)AnyJson.parse((String)browser.eval(
                    "JSON.stringify({latency: document.getElementById('onset-latency-0').textContent, "
                        + "last: window.__earshot.onsets[window.__earshot.onsets.length - 1]})"));
                assertEquals(String.format(java.util.Locale.ROOT, "%.1f",
                    num((Map<String, Object>)shown.get("last"), "latency_s") * 1000), shown.get("latency"));
                final Number recent = (Number)browser.eval("window.__earshot.onsets.filter(o => o.t > "
                    + "(window.__earshot.health.graphs[0].framesProcessed / window.__earshot.hello.graphs[0].rate)"
                    + " - 10).length");
                assertTrue(recent.intValue() > 0, "onsets in the visible window");
            }
            if (beatsToo) {
                final List<Map<String, Object>> beats = list(browser.eval("JSON.stringify(window.__earshot.beats)"));
                awaitInJsonl(events, beats, List.of("t", "frame", "emitted", "bpm", "bar_pos", "confidence", "index"),
                    null);
                // what the panel shows is the last beat's: BPM and lead (t - emitted)
                final Map<String, Object> shown = (Map<String, Object>)AnyJson.parse((String)browser.eval(
                    "JSON.stringify({bpm: document.getElementById('bpm-0').dataset.bpm, "
                        + "lead: document.getElementById('lead-0').dataset.leadMs, "
                        + "last: window.__earshot.beats[window.__earshot.beats.length - 1]})"));
                final Map<String, Object> last = (Map<String, Object>)shown.get("last");
                assertEquals(num(last, "bpm"), Double.parseDouble((String)shown.get("bpm")), 1e-9);
                assertEquals((num(last, "t") - num(last, "emitted")) * 1000,
                    Double.parseDouble((String)shown.get("lead")), 1e-6);
                assertTrue(Double.parseDouble((String)shown.get("lead")) >= 0, "beats are sent before they happen");
                assertEquals(120.0, num(last, "bpm"), 6.0, "the demo clip is at 120 BPM");
            }

            checkHealth(List.of((List<String>)graph.get("nodes")));
            noProblems();
            screenshot(preset, beatsToo);
            stop(running);
        }
    }

    // ------------------------------------------------------------------ room-monitor: events per room

    private static final int ROOM_RATE = 16_000;

    /** Faint noise with an impact (a click and a decaying 90 Hz thud) every {@code periodS} from {@code firstS}. */
    private static float[] roomSound(final double seconds, final double firstS, final double periodS, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[(int)(seconds * ROOM_RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.002 * (r.nextDouble() - 0.5));
        }
        for (double at = firstS; (at + 0.5) * ROOM_RATE < x.length; at += periodS) {
            final int start = (int)(at * ROOM_RATE);
            for (int i = 0; i < ROOM_RATE / 3; i++) {
                final double t = (double)i / ROOM_RATE;
                x[start + i] += (float)(0.5 * Math.exp(-t / 0.04) * ((r.nextDouble() - 0.5)
                    + Math.sin(2 * Math.PI * 90 * t)));
            }
        }
        return x;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowEachRoomsEventsAsTheJsonlHasThemWhenRoomMonitorRunsLive() throws Exception {
        final Path kitchen = tmp.resolve("kitchen.wav");
        final Path hall = tmp.resolve("hall.wav");
        // impacts further apart than the 2.2 s in which an equally loud sound counts as the same source repeating
        Fixtures.writeWav16(kitchen, ROOM_RATE, 1, roomSound(22, 1.0, 3.0, 11));
        Fixtures.writeWav16(hall, ROOM_RATE, 1, roomSound(22, 1.7, 3.5, 12));
        final Path events = tmp.resolve("rooms.jsonl");
        final Live live = startLive("live", "--preset", "room-monitor", "--input", "kitchen=" + kitchen,
            "--input", "hall=" + hall, "--sink", "jsonl:" + events, "--dashboard", "127.0.0.1:0");
        try (Earshot.Running running = live.run()) {
            browser.open(live.url(), "light");
            browser.waitFor("window.__earshot.events.filter(e => e.g === 0).length >= 3 && "
                + "window.__earshot.events.filter(e => e.g === 1).length >= 3 && window.__earshot.health && "
                + "window.__earshot.health.graphs.every(g => g.nodes.length > 0 && g.nodes.every(n => n.p50 > 0))",
                45_000);
            final Map<String, Object> hello = (Map<String, Object>)AnyJson.parse((String)browser.eval(
                "JSON.stringify(window.__earshot.hello)"));
            final List<Map<String, Object>> graphs = (List<Map<String, Object>>)hello.get("graphs");
            assertEquals(List.of("kitchen", "hall"), graphs.stream().map(g -> (String)g.get("name")).toList());
            for (final Map<String, Object> g : graphs) {
                final List<String> panels = (List<String>)g.get("panels");
                assertTrue(panels.containsAll(List.of("spectrogram", "events", "health")), panels.toString());
                assertFalse(panels.contains("beat") || panels.contains("denoiser"), panels.toString());
            }
            final List<Map<String, Object>> page = list(browser.eval("JSON.stringify(window.__earshot.events.map(e => "
                + "Object.assign({room: window.__earshot.hello.graphs[e.g].name}, e)))"));
            awaitInJsonl(events, page, List.of("t", "frame", "label", "start", "end", "confidence"), "room");
            // the alert table shows the newest events, each one of them
            final List<List<Object>> rows = (List<List<Object>>)AnyJson.parse((String)browser.eval(
                "JSON.stringify([...document.querySelectorAll('#alerts tbody tr[data-label]')].map(tr => "
                    + "[tr.dataset.room, tr.dataset.label, Number(tr.dataset.start)]))"));
            assertFalse(rows.isEmpty());
            for (final List<Object> row : rows) {
                assertTrue(page.stream().anyMatch(e -> e.get("room").equals(row.get(0))
                    && e.get("label").equals(row.get(1))
                    && Math.abs(num(e, "start") - ((Number)row.get(2)).doubleValue()) < EPS), "alert row " + row);
            }
            final Map<String, Object> health =
                checkHealth(graphs.stream().map(g -> (List<String>)g.get("nodes")).toList());
            // the event sensitivity control reaches both rooms' detector nodes' command queues
            browser.eval("(() => { const i = document.querySelector(\"input[data-control='1/sensitivity']\"); "
                + "i.value = '0.7'; i.dispatchEvent(new Event('change')); return true; })()");
            browser.waitFor("window.__earshot.controls['1/sensitivity'] === 0.7", 5_000);
            noProblems();
            screenshot("room-monitor", !hasPreset("performer"));
            stop(running);
            final List<Map<String, Object>> all = jsonl(events);
            final List<Map<String, Object>> healthGraphs = (List<Map<String, Object>>)health.get("graphs");
            for (final Map<String, Object> g : healthGraphs) {
                final long inFile = all.stream().filter(e -> g.get("name").equals(e.get("stream"))).count();
                assertTrue(num(g, "eventsDelivered") <= inFile && num(g, "eventsDelivered") > 0,
                    g.get("name") + ": the page said " + g.get("eventsDelivered") + " delivered, the file has "
                        + inFile);
            }
        }
    }

    // ------------------------------------------------------------------ denoise: bypass reaches the audio thread

    @Test
    void shouldBypassTheDenoiserOnTheAudioThreadWhenTheToggleIsClicked() throws Exception {
        final SplittableRandom r = new SplittableRandom(5);
        final int rate = 48_000;
        final float[] x = new float[40 * rate];
        for (int i = 0; i < x.length; i++) {
            final double t = (double)i / rate;
            final double burst = (t % 2.0) < 0.6 ? 0.25 * Math.sin(2 * Math.PI * 440 * t) : 0;
            x[i] = (float)(burst + 0.05 * (r.nextDouble() * 2 - 1));
        }
        final Path wav = tmp.resolve("noisy.wav");
        Fixtures.writeWav16(wav, rate, 1, x);
        final Live live = startLive("live", "--preset", "denoise", "--input", wav.toString(), "--sink",
            "jsonl:" + tmp.resolve("denoise.jsonl"), "--dashboard", "127.0.0.1:0");
        try (Earshot.Running running = live.run()) {
            browser.open(live.url(), "light");
            browser.waitFor("document.querySelector(\"[data-control='0/bypass']\") !== null && "
                + "window.__earshot.gainDb[0] < -3", 30_000);
            browser.click("[data-control='0/bypass']");
            browser.waitFor("window.__earshot.controls['0/bypass'] === 1", 5_000);
            // bypassed, the output is the input (delayed by the same latency): the measured gain goes to 0 dB
            final Object bypassed = browser.waitFor("Math.abs(window.__earshot.gainDb[0]) < 1 && "
                + "window.__earshot.gainDb[0]", 8_000);
            assertTrue(Math.abs(((Number)bypassed).doubleValue()) < 1, "gain with bypass: " + bypassed);
            screenshot("denoise-bypassed", false);
            browser.click("[data-control='0/bypass']");
            browser.waitFor("window.__earshot.controls['0/bypass'] === 0 && window.__earshot.gainDb[0] < -3", 8_000);
            noProblems();
            stop(running);
        }
    }

    // ------------------------------------------------------------------ back-pressure at the system level

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepTheEngineAndOtherTabsUnhurtWhenATabNeverAcknowledges() throws Exception {
        final Path wav = tmp.resolve("sweep.wav");
        final float[] x = new float[25 * 48_000];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            phase += 2 * Math.PI * (200 + 3000.0 * i / x.length) / 48_000;
            x[i] = (float)(0.3 * Math.sin(phase));
        }
        Fixtures.writeWav16(wav, 48_000, 1, x);
        final Live live = startLive("live", "--preset", "meter", "--rate", "48000", "--block", "256", "--input",
            wav.toString(), "--sink", "jsonl:" + tmp.resolve("meter.jsonl"), "--dashboard", "127.0.0.1:0");
        try (Earshot.Running running = live.run()) {
            // a client that reads the first two messages and then nothing: no acknowledgements, no reads
            final AtomicInteger received = new AtomicInteger();
            final WebSocket stuck = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + live.webSocketPort() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last) {
                        if (received.incrementAndGet() < 2) {
                            ws.request(1);
                        }
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            browser.open(live.url(), "dark");
            browser.waitFor("window.__earshot.frames > 20 && window.__earshot.health", 20_000);
            final double before = ((Number)browser.eval("window.__earshot.frames")).doubleValue();
            Thread.sleep(6_000);
            final double after = ((Number)browser.eval("window.__earshot.frames")).doubleValue();
            assertTrue(after - before > 6 * 10, "the page kept getting frames: " + before + " -> " + after);
            final Map<String, Object> health = (Map<String, Object>)AnyJson.parse((String)browser.eval(
                "JSON.stringify(window.__earshot.health)"));
            final Map<String, Object> g = ((List<Map<String, Object>>)health.get("graphs")).get(0);
            assertEquals(0.0, num(g, "captureOverruns"), "capture overruns");
            assertEquals(0.0, num(g, "eventsDropped"), "events dropped");
            assertEquals(0.0, num(g, "columnsDropped"), "display columns dropped");
            final List<Map<String, Object>> clients = (List<Map<String, Object>>)((Map<String, Object>)health
                .get("dashboard")).get("perClient");
            assertEquals(2, clients.size(), clients.toString());
            final Map<String, Object> slow = clients.stream().min((a, b) -> Double.compare(num(a, "sent"),
                num(b, "sent"))).orElseThrow();
            assertTrue(num(slow, "sent") <= 2 && num(slow, "skipped") > 50, "the stuck tab: " + slow);
            noProblems();
            stuck.abort();
            stop(running);
        }
    }

    // ------------------------------------------------------------------ the static report

    @Test
    @SuppressWarnings("unchecked")
    void shouldRenderTheStaticReportWithoutConsoleErrors() throws Exception {
        final String preset = hasPreset("performer") ? "performer" : "room-monitor";
        final List<Path> files = new ArrayList<>();
        if (preset.equals("performer")) {
            final Path demo = tmp.resolve("demo.wav");
            Fixtures.writeWav16(demo, 48_000, 1, DemoClip.render(48_000));
            files.add(demo);
        } else {
            for (int i = 0; i < 2; i++) {
                final Path f = tmp.resolve("room" + i + ".wav");
                Fixtures.writeWav16(f, ROOM_RATE, 1, roomSound(12, 1.0 + i, 1.5 + i, 20 + i));
                files.add(f);
            }
        }
        final Path report = tmp.resolve("report.html");
        final Path events = tmp.resolve("report.jsonl");
        final List<String> args = new ArrayList<>(List.of("analyze", "--preset", preset, "--sink", "jsonl:" + events,
            "--report", report.toString()));
        files.forEach(f -> args.add(f.toString()));
        final Earshot.Result r = Earshot.run(tmp, Duration.ofSeconds(120), Map.of(), args.toArray(String[]::new));
        assertEquals(0, r.exitStatus(), r.stderr());
        r.assertNoStackTrace();
        assertTrue(r.stderr().contains("earshot: analyze: report written to " + report), r.stderr());
        final String html = Files.readString(report);
        assertFalse(html.matches("(?s).*<(script|link|img)[^>]+(src|href)=\"?(https?:)?//.*"), "no external resources");

        browser.open(report.toUri().toString(), "light");
        browser.waitFor("window.__earshotReport && window.__earshotReport.drawn", 20_000);
        assertEquals(files.size(), ((Number)browser.eval("document.querySelectorAll('section.report-file').length"))
            .intValue());
        // every event of the file is in the page, and every canvas has a picture on it
        final List<Map<String, Object>> lines = jsonl(events);
        final List<Object> counts = (List<Object>)AnyJson.parse((String)browser.eval("JSON.stringify(JSON.parse("
            + "document.getElementById('earshot-report').textContent).files.map(f => f.events.length))"));
        for (int i = 0; i < files.size(); i++) {
            final String name = files.get(i).toString();
            final long expected = lines.stream().filter(l -> files.size() == 1 || name.equals(l.get("stream"))).count();
            assertEquals(expected, ((Number)counts.get(i)).longValue(), "events of " + name);
            assertTrue(expected > 0, "the preset found something in " + name);
        }
        final Object blank = browser.eval("[...document.querySelectorAll('canvas')].filter(c => { "
            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
            + "for (let i = 4; i < d.length; i += 4) { if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) "
            + "return false; } return true; }).length");
        assertEquals(0, ((Number)blank).intValue(), "blank canvases in the report");
        assertEquals(List.of(), browser.problems(), "console errors, page errors or requests in the report");
        screenshot("report", false);
        browser.open(report.toUri() + "?theme=dark", "dark");
        browser.waitFor("window.__earshotReport && window.__earshotReport.drawn", 20_000);
        assertEquals(List.of(), browser.problems(), "console errors in the dark report");
        screenshot("report-dark", false);
    }
}
