package org.earshot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.earshot.app.config.ConfigException;
import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.display.DisplayTapConfig;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.onset.OnsetGraph;
import org.earshot.detectors.spectral.SpectrumView;
import org.earshot.detectors.spectral.StftNode;
import org.earshot.detectors.spectral.StftNodeConfig;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.status.SystemCounter;
import org.junit.jupiter.api.Test;

/** The small parts: address parsing, JSON, origins, tapping a plan, panels and controls per graph. */
class WebPartsTest {
    @Test
    void shouldParseAddressesWhenGivenPortHostOrIpv6() {
        assertEquals(new DashboardAddress("127.0.0.1", 8080), DashboardAddress.parse(null));
        assertEquals(new DashboardAddress("127.0.0.1", 9000), DashboardAddress.parse("9000"));
        assertEquals(new DashboardAddress("0.0.0.0", 9000), DashboardAddress.parse("0.0.0.0:9000"));
        assertEquals(new DashboardAddress("localhost", 0), DashboardAddress.parse("LOCALHOST:0"));
        assertEquals(new DashboardAddress("::1", 9000), DashboardAddress.parse("[::1]:9000"));
        assertEquals(9001, DashboardAddress.parse("9000").webSocketPort());
        assertEquals(0, DashboardAddress.parse("0").webSocketPort());
    }

    @Test
    void shouldNameTheFlagWhenAnAddressIsBad() {
        assertEquals("--dashboard: expected [HOST:]PORT with a numeric port, got 'host:http'",
            assertThrows(ConfigException.class, () -> DashboardAddress.parse("host:http")).getMessage());
        assertEquals("--dashboard: port must be in [0, 65534] (the WebSocket uses PORT+1), got 65535",
            assertThrows(ConfigException.class, () -> DashboardAddress.parse("65535")).getMessage());
        assertEquals("--dashboard: write an IPv6 host in brackets, [HOST]:PORT, got '::1:80'",
            assertThrows(ConfigException.class, () -> DashboardAddress.parse("::1:80")).getMessage());
        assertEquals("--dashboard: the host must not be empty",
            assertThrows(ConfigException.class, () -> DashboardAddress.parse(":80")).getMessage());
    }

    @Test
    void shouldWriteNumbersAsTheJsonLinesSinkDoes() {
        assertEquals("0", Json.number(new StringBuilder(), 0.0000001).toString());
        assertEquals("1.005333", Json.number(new StringBuilder(), 48_256 / 48_000.0).toString());
        assertEquals("-2.5", Json.number(new StringBuilder(), -2.5).toString());
        assertEquals("null", Json.number(new StringBuilder(), Double.NaN).toString());
        assertEquals("-0.1", Json.tenths(new StringBuilder(), -0.06).toString());
        assertEquals("\"a\\\"b<\\/script>\\u0001\"",
            Json.string(new StringBuilder(), "a\"b</script>\u0001").toString());
    }

    @Test
    void shouldReadFlatObjectsAndRejectOthers() {
        final Map<String, Object> m = Json.parseFlat(" {\"type\":\"set\", \"id\":\"0/bypass\",\"value\":1e0,\"x\":true,"
            + "\"n\":null,\"s\":\"\\u00e9\\n\"} ");
        assertEquals("set", m.get("type"));
        assertEquals(1.0, m.get("value"));
        assertEquals(Boolean.TRUE, m.get("x"));
        assertTrue(m.containsKey("n"));
        assertEquals("\u00e9\n", m.get("s"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseFlat("{\"a\":{\"b\":1}}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseFlat("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseFlat("[1]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseFlat("{\"a\":\"\\u12\"}"));
    }

    @Test
    void shouldAllowOnlyTheDashboardsOwnPageAsOrigin() {
        assertTrue(WebSocketTransport.allowedOrigin("http://127.0.0.1:8080", "127.0.0.1:8081", 8080));
        assertTrue(WebSocketTransport.allowedOrigin("http://LocalHost:8080", "localhost:8081", 8080));
        assertTrue(WebSocketTransport.allowedOrigin("http://[::1]:8080", "[::1]:8081", 8080));
        assertFalse(WebSocketTransport.allowedOrigin("http://evil.example:8080", "127.0.0.1:8081", 8080));
        assertFalse(WebSocketTransport.allowedOrigin("http://127.0.0.1:9999", "127.0.0.1:8081", 8080));
        assertFalse(WebSocketTransport.allowedOrigin("https://127.0.0.1:8080", "127.0.0.1:8081", 8080));
        assertFalse(WebSocketTransport.allowedOrigin("null", "127.0.0.1:8081", 8080));
    }

    @Test
    void shouldTapNoveltyAndDenoiserAndKeepEveryNodeAndDependencyWhenAddingTheDisplay() {
        final GraphBuilder b = new GraphBuilder();
        final OnsetGraph onsets = OnsetGraph.addTo(b, OnsetConfig.defaults(), 48_000);
        b.add(new DenoiserNode(DenoiserConfig.defaults()));
        b.add(new StftNode(new StftNodeConfig("display", StftConfig.of(1024, 256, WindowType.HANN),
            EnumSet.of(SpectrumView.MAGNITUDE))));
        final RenderPlan base = b.build(GraphConfig.of("live", 48_000, 256, EventMode.LIVE));
        final DisplayTaps.Tapped tapped = DisplayTaps.addTo(base, EventMode.LIVE, DisplayTapConfig.defaults());
        final RenderPlan plan = tapped.plan();
        assertEquals(base.nodes().size() + 1, plan.nodes().size());
        for (int i = 0; i < base.nodes().size(); i++) {
            assertTrue(plan.nodes().get(i) == base.nodes().get(i));
            assertEquals(List.of(toList(base.dependenciesOf(i))), List.of(toList(plan.dependenciesOf(i))));
        }
        assertEquals("display-2", tapped.tap().name(), "a name already taken gets a suffix");
        assertTrue(tapped.tap().hasNovelty());
        assertTrue(tapped.tap().hasProcessedAudio());
        assertEquals(base.latencyFrames(), plan.latencyFrames(), "the tap adds no latency");
        assertTrue(onsets.novelty().output() != null);
        final GraphLayout layout = GraphLayout.of(plan, 0);
        assertEquals(List.of("novelty", "onsets", "denoiser", "spectrogram", "health"), layout.panels());
        assertEquals(List.of("0/strength", "0/mix", "0/bypass"), layout.controls().stream().map(Control::id).toList());
        assertEquals(20.0, layout.controls().get(0).initial());
    }

    private static List<Integer> toList(final int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void shouldShowOnlyHealthAndNoControlsWhenTheGraphHasNoDetector() {
        final GraphBuilder b = new GraphBuilder();
        b.add(new DisplayTapNode(DisplayTapConfig.defaults(), EventMode.LIVE, null, null));
        final GraphLayout layout = GraphLayout.of(b.build(GraphConfig.of("g", 48_000, 256, EventMode.LIVE)), 3);
        assertEquals(List.of("spectrogram", "health"), layout.panels());
        assertTrue(layout.controls().isEmpty());
    }

    @Test
    void shouldClampControlValuesAndRejectNonFiniteOnes() {
        final Control toggle = new Control("0/b", 0, "b", "B", true, 0, 1, 1, "", 0,
            List.of(new Control.Target("n", 1)));
        assertEquals(1.0, toggle.clamp(0.3));
        assertEquals(0.0, toggle.clamp(0));
        final Control slider = new Control("0/s", 0, "s", "S", false, -1, 1, 0.1, "", 0,
            List.of(new Control.Target("n", 1)));
        assertEquals(1.0, slider.clamp(7));
        assertEquals(-1.0, slider.clamp(-7));
        assertTrue(Double.isNaN(slider.clamp(Double.POSITIVE_INFINITY)));
        assertEquals("control 0/x: min 1.0 must be below max 1.0", assertThrows(IllegalArgumentException.class,
            () -> new Control("0/x", 0, "x", "X", false, 1, 1, 1, "", 0, List.of(new Control.Target("n", 1))))
            .getMessage());
    }

    @Test
    void shouldNameTheFlagWhenTheReportCannotBeWritten(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path tmp) {
        assertEquals("--report " + tmp + ": is a directory", assertThrows(ConfigException.class,
            () -> Report.create(tmp, "t")).getMessage());
        final java.nio.file.Path missing = tmp.resolve("no/such/dir/r.html");
        assertEquals("--report " + missing + ": the folder " + missing.getParent() + " does not exist",
            assertThrows(ConfigException.class, () -> Report.create(missing, "t")).getMessage());
    }

    @Test
    void shouldFillTheTemplateInOnePassWithoutExpandingValues() {
        assertEquals("<t>{{CSS}}</t><s>x</s>", Report.fill("<t>{{TITLE}}</t><s>{{CSS}}</s>",
            Map.of("TITLE", "{{CSS}}", "CSS", "x")));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Report.escapeHtml("a <b> & \"c\""));
    }

    @Test
    void shouldNameCounterMembersInCamelCase() {
        assertEquals("blocksOverBudget", DashboardJson.key(SystemCounter.BLOCKS_OVER_BUDGET));
        assertEquals("graphTimeP999Ns", DashboardJson.key(SystemCounter.GRAPH_TIME_P999_NS));
    }
}
