package org.earshot.io.playback;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.earshot.engine.runtime.AudioRing;
import org.earshot.io.SourceException;
import org.junit.jupiter.api.Test;

class AudioPlaybackTest {
    @Test
    void shouldNameTheDeviceAndListTheOthersWhenNoneMatches() {
        final SourceException ex = assertThrows(SourceException.class,
            () -> AudioPlayback.open("no-such-device-xyz", 48_000, 40, new AudioRing(1024)));
        assertTrue(ex.getMessage().startsWith("output device 'no-such-device-xyz' not found; available output devices: "),
            ex.getMessage());
    }
}
