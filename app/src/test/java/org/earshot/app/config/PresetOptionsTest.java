package org.earshot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.denoise.NoiseProfile;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.RenderPlan;
import org.junit.jupiter.api.Test;

class PresetOptionsTest {
    @Test
    void shouldBuildTheLiveDenoiserWithTheGivenStrengthMixAndProfile() {
        final NoiseProfile profile = new NoiseProfile(new double[] {0, 1_000, 24_000}, new double[] {-60, -70, -90},
            100);
        final DenoiserConfig denoiser = DenoiserConfig.defaults().withReductionLimitDb(12).withWetMix(0.5)
            .withProfile(profile);
        final GraphSettings settings = GraphSettings.fromFlags("denoise", null, null, null)
            .withOptions(PresetOptions.defaults().withDenoiser(denoiser));
        final PresetGraph graph = PresetGraphs.build(settings, "options-test", EventMode.LIVE);
        assertEquals(1, graph.audioOut().length, "the denoiser's audio out");
        final RenderPlan plan = graph.plan();
        final DenoiserNode node = (DenoiserNode)plan.nodes().stream()
            .filter(n -> n.name().equals(AudioGraphs.DENOISER)).findFirst().orElseThrow();
        assertEquals(12.0, node.config().reductionLimitDb());
        assertEquals(0.5, node.config().wetMix());
        assertSame(profile, node.config().profile());
    }

    @Test
    void shouldCarryTheLeadIntoTheBeatTracker() {
        assertEquals(40.0, PresetOptions.defaults().withLeadMs(40.0).trackerConfig().leadMs());
        assertEquals(0.0, PresetOptions.defaults().withLeadMs(null).trackerConfig().leadMs());
    }

    @Test
    void shouldNameTheFlagWhenSensitivityOrModelIsBad() {
        assertEquals("--sensitivity: must be in [0, 1], got 2.0",
            assertThrows(ConfigException.class, () -> PresetOptions.defaults().withSensitivity(2.0)).getMessage());
        final ConfigException missing = assertThrows(ConfigException.class,
            () -> PresetOptions.defaults().withModel(java.nio.file.Path.of("/nonexistent/model.eshm")));
        assertEquals("--model /nonexistent/model.eshm: no such file", missing.getMessage());
        assertEquals(ErrorKind.INPUT, missing.kind());
    }

    @Test
    void shouldAnnounceOnlyTheChosenAlertsAndNameALabelTheModelCannotRaise() {
        final PresetOptions all = PresetOptions.defaults();
        assertTrue(all.alertLabels().containsAll(java.util.List.of("cough", "speech", "impact")));
        final PresetOptions chosen = all.withAlerts(java.util.List.of("impact", "cough", "impact"));
        assertEquals(java.util.List.of("impact", "cough"), chosen.alertLabels(), "in the order given, once each");
        assertTrue(chosen.roomMonitor().runsImpact());
        assertFalse(all.withAlerts(java.util.List.of("cough")).roomMonitor().runsImpact(),
            "no impact detector when impacts are not wanted");
        final ConfigException bad = assertThrows(ConfigException.class,
            () -> all.withAlerts(java.util.List.of("cough", "fall")));
        assertTrue(bad.getMessage().startsWith("--alerts: 'fall' is not a label of the model (labels: "),
            bad.getMessage());
        assertEquals(ErrorKind.USAGE, bad.kind());
    }
}
