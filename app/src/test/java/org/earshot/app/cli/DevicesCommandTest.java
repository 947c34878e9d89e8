package org.earshot.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.earshot.io.source.DeviceInfo;
import org.earshot.io.source.DeviceKind;
import org.junit.jupiter.api.Test;

class DevicesCommandTest {
    @Test
    void shouldWriteRunsOfThreeOrMoreAsRanges() {
        assertEquals("1-32", DevicesCommand.join(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32), "/"));
        assertEquals("1/2", DevicesCommand.join(List.of(1, 2), "/"));
        assertEquals("8/16/20/24/32", DevicesCommand.join(List.of(8, 16, 20, 24, 32), "/"));
        assertEquals("1-3/8", DevicesCommand.join(List.of(1, 2, 3, 8), "/"));
        assertEquals("", DevicesCommand.join(List.of(), "/"));
    }

    @Test
    void shouldSummariseFormats() {
        final DeviceInfo any = new DeviceInfo(DeviceKind.CAPTURE, "default [default]", "Direct Audio Device", "ALSA",
            List.of(1, 2), List.of(16, 24), List.of(), true, true);
        assertEquals("1/2 ch, 16/24 bit, any rate", DevicesCommand.formats(any));
        final DeviceInfo listed = new DeviceInfo(DeviceKind.PLAYBACK, "card", "", "", List.of(2), List.of(16),
            List.of(44_100, 48_000), false, false);
        assertEquals("2 ch, 16 bit, 44100/48000 Hz", DevicesCommand.formats(listed));
    }
}
