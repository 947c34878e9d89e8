package org.earshot.detectors.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;

import org.earshot.detectors.spectral.SpectrumView;
import org.earshot.detectors.spectral.StftNode;
import org.earshot.detectors.spectral.StftNodeConfig;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Wrong parameters of every onset config and node, with the exact messages. */
class OnsetConfigTest {
    private static final NoveltyConfig N = NoveltyConfig.defaults(NoveltyType.SUPERFLUX);
    private static final PeakPickerConfig P = PeakPickerConfig.defaults(NoveltyType.SUPERFLUX);

    private static void assertMessage(final String expected, final Executable construction) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }

    private static NoveltyConfig novelty(final String name, final NoveltyType type, final int bpo, final double minHz,
        final double maxHz, final double lambda, final int maxFilter, final double ratio) {
        return new NoveltyConfig(name, type, bpo, minHz, maxHz, lambda, maxFilter, ratio, null);
    }

    @Test
    void shouldNameTheFieldWhenNoveltyConfigIsInvalid() {
        assertMessage("name must not be blank", () -> novelty(" ", NoveltyType.HFC, 24, 30, 17_000, 1, 3, 0.5));
        assertMessage("type must not be null", () -> novelty("n", null, 24, 30, 17_000, 1, 3, 0.5));
        assertMessage("bandsPerOctave must be in [1, 96], got 0",
            () -> novelty("n", NoveltyType.SUPERFLUX, 0, 30, 17_000, 1, 3, 0.5));
        assertMessage("maxHz must be in (0, 96000.0], got 100000.0",
            () -> novelty("n", NoveltyType.SUPERFLUX, 24, 30, 100_000, 1, 3, 0.5));
        assertMessage("minHz must be in (0, maxHz=17000.0), got 17000.0",
            () -> novelty("n", NoveltyType.SUPERFLUX, 24, 17_000, 17_000, 1, 3, 0.5));
        assertMessage("logCompression must be in (0, 1000000.0], got 0.0",
            () -> novelty("n", NoveltyType.SUPERFLUX, 24, 30, 17_000, 0, 3, 0.5));
        assertMessage("maxFilterBands must be odd and in [1, 15], got 4",
            () -> novelty("n", NoveltyType.SUPERFLUX, 24, 30, 17_000, 1, 4, 0.5));
        assertMessage("diffRatio must be in (0, 1), got 1.0",
            () -> novelty("n", NoveltyType.SUPERFLUX, 24, 30, 17_000, 1, 3, 1.0));
        assertMessage("logCompression must be in (0, 1000000.0], got NaN", () -> N.withLogCompression(Double.NaN));
    }

    @Test
    void shouldNameTheFieldWhenPeakPickerConfigIsInvalid() {
        assertMessage("name must not be blank", () -> P.withName(""));
        assertMessage("threshold must be in [0.0, 1000000.0], got -1.0", () -> P.withThreshold(-1));
        assertMessage("lookAheadMs must be in [0.0, 200.0], got 250.0", () -> P.withLookAheadMs(250));
        assertMessage("preAverageMs must be in [0.0, 2000.0], got -5.0",
            () -> new PeakPickerConfig("p", 2, -5, 10, 5, 30, 4, 50, 1000, -70));
        assertMessage("preMaxMs must be in [0.0, 2000.0], got 3000.0",
            () -> new PeakPickerConfig("p", 2, 150, 3000, 5, 30, 4, 50, 1000, -70));
        assertMessage("minInterOnsetMs must be in [0.0, 2000.0], got NaN",
            () -> new PeakPickerConfig("p", 2, 150, 10, 5, Double.NaN, 4, 50, 1000, -70));
        assertMessage("floorFactor must be in [0.0, 100.0], got 101.0",
            () -> new PeakPickerConfig("p", 2, 150, 10, 5, 30, 101, 50, 1000, -70));
        assertMessage("floorSmoothMs must be in [0.0, 2000.0], got -1.0",
            () -> new PeakPickerConfig("p", 2, 150, 10, 5, 30, 4, -1, 1000, -70));
        assertMessage("floorWindowMs must be in [0.0, 10000.0], got 20000.0",
            () -> new PeakPickerConfig("p", 2, 150, 10, 5, 30, 4, 50, 20_000, -70));
        assertMessage("silenceDb must be in [-160.0, 0.0], got 3.0",
            () -> new PeakPickerConfig("p", 2, 150, 10, 5, 30, 4, 50, 1000, 3));
    }

    @Test
    void shouldNameTheFieldWhenOnsetConfigIsInvalid() {
        final OnsetConfig d = OnsetConfig.defaults();
        assertMessage("stftName must not be blank",
            () -> new OnsetConfig("", 23.22, 5, WindowType.HANN, N, P));
        assertMessage("windowMs must be in [1.0, 200.0], got 0.5",
            () -> new OnsetConfig("s", 0.5, 0.5, WindowType.HANN, N, P));
        assertMessage("hopMs must be in (0, windowMs=23.22], got 30.0",
            () -> new OnsetConfig("s", 23.22, 30, WindowType.HANN, N, P));
        assertMessage("window must not be null", () -> new OnsetConfig("s", 23.22, 5, null, N, P));
        assertMessage("novelty must not be null", () -> d.withNovelty(null));
        assertMessage("picker must not be null", () -> d.withPicker(null));
    }

    @Test
    void shouldNameTheMissingViewWhenStftDoesNotKeepIt() {
        final StftConfig stft = StftConfig.of(1024, 256, WindowType.HANN);
        final StftNode phaseOnly = new StftNode(new StftNodeConfig("stft", stft, EnumSet.of(SpectrumView.PHASE)));
        assertMessage("novelty SUPERFLUX needs the STFT view MAGNITUDE; add it to the views of STFT node stft",
            () -> new NoveltyNode(N, phaseOnly));
        final StftNode magnitudeOnly =
            new StftNode(new StftNodeConfig("stft", stft, EnumSet.of(SpectrumView.MAGNITUDE)));
        assertMessage("novelty COMPLEX_DOMAIN needs the STFT view COMPLEX; add it to the views of STFT node stft",
            () -> new NoveltyNode(NoveltyConfig.defaults(NoveltyType.COMPLEX_DOMAIN), magnitudeOnly));
    }

    @Test
    void shouldNameTheRangeWhenMinimumFrequencyIsAboveNyquist() {
        final GraphBuilder b = new GraphBuilder();
        final OnsetConfig config = OnsetConfig.defaults().withNovelty(
            novelty("onset.novelty", NoveltyType.SUPERFLUX, 24, 5_000, 17_000, 1, 3, 0.5));
        OnsetGraph.addTo(b, config, 8_000);
        assertMessage("minHz=5000.0 must be below the highest analysed frequency 4000.0 Hz at 8000 Hz",
            () -> b.build(GraphConfig.of("t", 8_000, 256, EventMode.OFFLINE)));
    }

    @Test
    void shouldUseSuperFluxDefaultsWhenNotConfigured() {
        final OnsetConfig d = OnsetConfig.defaults();
        assertEquals(NoveltyType.SUPERFLUX, d.novelty().type());
        assertEquals(24, d.novelty().bandsPerOctave());
        assertEquals(3, d.novelty().maxFilterBands());
        assertEquals(1.0, d.novelty().logCompression());
        assertEquals(150.0, d.picker().preAverageMs());
        assertEquals(10.0, d.hopMs());
        assertEquals(10.0, d.picker().lookAheadMs());
        assertEquals(30.0, d.picker().minInterOnsetMs());
        assertEquals(WindowType.HANN, d.window());
    }
}
