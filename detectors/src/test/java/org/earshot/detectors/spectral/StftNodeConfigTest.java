package org.earshot.detectors.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StftNodeConfigTest {
    private static final StftConfig STFT = new StftConfig(1024, 256, 1024, WindowType.HANN);

    private static void assertRejected(final String message, final Executable executable) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldRejectNameWhenBlank() {
        assertRejected("name must not be blank", () -> StftNodeConfig.of(" ", STFT));
    }

    @Test
    void shouldRejectStftWhenNull() {
        assertRejected("stft must not be null", () -> StftNodeConfig.of("stft", null));
    }

    @Test
    void shouldRejectViewsWhenEmpty() {
        assertRejected("views must hold at least one of [COMPLEX, MAGNITUDE, PHASE, POWER], got []",
            () -> new StftNodeConfig("stft", STFT, Set.of()));
    }

    @Test
    void shouldKeepAnUnmodifiableCopyWhenViewsGiven() {
        final EnumSet<SpectrumView> views = EnumSet.of(SpectrumView.MAGNITUDE);
        final StftNodeConfig config = new StftNodeConfig("stft", STFT, views);
        views.add(SpectrumView.PHASE);
        assertEquals(Set.of(SpectrumView.MAGNITUDE), config.views());
        assertThrows(UnsupportedOperationException.class, () -> config.views().add(SpectrumView.POWER));
    }
}
