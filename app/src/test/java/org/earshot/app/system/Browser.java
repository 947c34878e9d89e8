package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Headless Debian Chromium driven by playwright-core through {@code src/test/browser/driver.mjs} (one JSON
 * command per line). The first use installs playwright-core with {@code npm ci} from the committed
 * package-lock.json into {@code target/browser}; no browser is ever downloaded ({@code /usr/bin/chromium},
 * which scripts/test-all installs with apt, is the browser).
 */
final class Browser implements AutoCloseable {
    /** The committed driver and its npm manifest. */
    static final Path SOURCE = Path.of("src", "test", "browser").toAbsolutePath();
    /** Where they are installed. */
    static final Path HOME = Path.of("target", "browser").toAbsolutePath();
    /** The browser. */
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EARSHOT_CHROMIUM", "/usr/bin/chromium"));

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path log;

    private Browser(final Process process, final Path log) {
        this.process = process;
        this.log = log;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Installs the driver's dependency if needed and starts it.
     *
     * @return the driver, with no page open yet
     * @throws Exception if node, npm or chromium is missing, or npm ci fails
     */
    static Browser start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: scripts/test-all installs Debian's chromium "
            + "(apt-get install chromium); the browser tests never download a browser");
        NpmPackage.install(SOURCE, HOME, List.of("package.json", "package-lock.json", "driver.mjs"),
            HOME.resolve("node_modules/playwright-core/package.json"), "the browser driver (playwright-core)", "", 5);
        final Path log = HOME.resolve("driver-stderr.log");
        final Process p = new ProcessBuilder("node", HOME.resolve("driver.mjs").toString())
            .directory(HOME.toFile()).redirectError(log.toFile()).start();
        return new Browser(p, log);
    }

    /**
     * Sends one command and waits for its answer.
     *
     * @param command the command's members
     * @return the answer's value
     * @throws IOException if the driver died
     */
    Object send(final Map<String, Object> command) throws IOException {
        final StringBuilder b = new StringBuilder("{");
        for (final Map.Entry<String, Object> e : command.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(quote(e.getKey())).append(':');
            final Object v = e.getValue();
            b.append(v instanceof String s ? quote(s) : String.valueOf(v));
        }
        in.write(b.append('}').toString());
        in.newLine();
        in.flush();
        final String line = out.readLine();
        if (line == null) {
            fail("the browser driver stopped; its stderr:\n" + Files.readString(log));
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> answer = (Map<String, Object>)AnyJson.parse(line);
        if (!Boolean.TRUE.equals(answer.get("ok"))) {
            throw new AssertionError("browser: " + command.get("op") + " failed: " + answer.get("error"));
        }
        return answer.get("value");
    }

    private static String quote(final String s) {
        final StringBuilder b = new StringBuilder("\"");
        for (final char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int)c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /**
     * @param url         what to open
     * @param colorScheme {@code light} or {@code dark}
     * @throws IOException if the driver died
     */
    void open(final String url, final String colorScheme) throws IOException {
        send(Map.of("op", "open", "url", url, "colorScheme", colorScheme));
    }

    /**
     * Waits until a JavaScript expression is truthy in the page.
     *
     * @param js        the expression
     * @param timeoutMs how long
     * @return its value then
     * @throws IOException if the driver died
     */
    Object waitFor(final String js, final long timeoutMs) throws IOException {
        return send(Map.of("op", "waitFor", "js", js, "timeoutMs", timeoutMs));
    }

    /**
     * @param js an expression
     * @return its value in the page
     * @throws IOException if the driver died
     */
    Object eval(final String js) throws IOException {
        return send(Map.of("op", "eval", "js", js));
    }

    /**
     * @param selector a CSS selector
     * @throws IOException if the driver died
     */
    void click(final String selector) throws IOException {
        send(Map.of("op", "click", "selector", selector));
    }

    /**
     * @param file     where the PNG goes
     * @param fullPage the whole page rather than the viewport
     * @throws IOException if the driver died
     */
    void screenshot(final Path file, final boolean fullPage) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        send(Map.of("op", "screenshot", "path", file.toAbsolutePath().toString(), "fullPage", fullPage));
    }

    /**
     * @return console errors, page errors and requests to other hosts seen so far
     * @throws IOException if the driver died
     */
    @SuppressWarnings("unchecked")
    List<String> problems() throws IOException {
        return (List<String>)send(Map.of("op", "problems"));
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send(Map.of("op", "close"));
            }
        } catch (final IOException | AssertionError ignored) {
            // closing anyway
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
