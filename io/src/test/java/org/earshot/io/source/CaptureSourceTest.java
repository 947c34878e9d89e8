package org.earshot.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import javax.sound.sampled.AudioFormat;

import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.TestSignal;
import org.junit.jupiter.api.Test;

/** Capture logic against a fake device: format choice, resampling, channels, buffer, overruns, reconnects. */
class CaptureSourceTest {
    private static final int BLOCK = 256;

    @Test
    void shouldCaptureMonoAtGraphRateWhenDeviceOffersIt() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        try (CaptureSource source = open(lines, 44100, ChannelSelection.DOWNMIX)) {
            assertEquals(44100, source.captureRateHz());
            assertEquals(1, source.captureFormat().getChannels());
            assertEquals(0, source.resamplerLatencyFrames());
            assertTrue(source.live());
            assertEquals("capture device 'Fake Mic' (44100 Hz, 16-bit, mono)", source.describe());
        }
    }

    @Test
    void shouldResampleChosenChannelWhenDeviceOffersOnlyFortyEightKiloHertzStereo() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", CaptureSourceTest::is48kStereo);
        try (CaptureSource source = open(lines, 16000, ChannelSelection.channel(1))) {
            assertEquals(48000, source.captureRateHz());
            assertEquals(16000, source.sampleRateHz());
            final float[] x = readFrames(source, 16000);

            assertEquals(0.25, TestSignal.sineAmplitude(x, 16000, 1000, 2000, 16000), 0.005);
            assertTrue(TestSignal.sineAmplitude(x, 16000, 440, 2000, 16000) < 0.005);
        }
    }

    @Test
    void shouldAverageBothChannelsWhenDownmixingStereo() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", CaptureSourceTest::is48kStereo);
        try (CaptureSource source = open(lines, 48000, ChannelSelection.DOWNMIX)) {
            final float[] x = readFrames(source, 9600);

            assertEquals(0.125, TestSignal.sineAmplitude(x, 48000, 440, 0, 9600), 0.001);
            assertEquals(0.125, TestSignal.sineAmplitude(x, 48000, 1000, 0, 9600), 0.001);
        }
    }

    @Test
    void shouldReportRequestedAndGrantedBufferFramesWhenDeviceGrantsMore() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        lines.grantBufferFactor = 4;
        try (CaptureSource source = open(lines, 48000, ChannelSelection.DOWNMIX)) {
            assertEquals(4 * BLOCK, source.requestedBufferFrames());
            assertEquals(16 * BLOCK, source.grantedBufferFrames());
        }
    }

    @Test
    void shouldReportLostFramesWhenDevicePositionRunsAhead() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        try (CaptureSource source = open(lines, 48000, ChannelSelection.DOWNMIX)) {
            final FakeCaptureLines.FakeLine line = lines.opened.get(0);
            line.dropOnceAtFrames = 4 * BLOCK;
            line.dropOnceFrames = 4800;
            readFrames(source, 20 * BLOCK);

            assertEquals(4800, source.takeLostFrames());
            assertEquals(0, source.takeLostFrames());
            assertEquals(1, source.overruns());
        }
    }

    @Test
    void shouldScaleLostFramesToGraphRateWhenResampling() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", CaptureSourceTest::is48kStereo);
        try (CaptureSource source = open(lines, 16000, ChannelSelection.DOWNMIX)) {
            final FakeCaptureLines.FakeLine line = lines.opened.get(0);
            line.dropOnceAtFrames = 10 * BLOCK;
            line.dropOnceFrames = 4800;
            readFrames(source, 20 * BLOCK);

            assertEquals(1600, source.takeLostFrames());
        }
    }

    @Test
    void shouldCountOverrunWhenBufferIsFull() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        try (CaptureSource source = open(lines, 48000, ChannelSelection.DOWNMIX)) {
            readFrames(source, 4 * BLOCK);
            lines.opened.get(0).reportFullBufferOnce = 1;
            readFrames(source, 4 * BLOCK);

            assertEquals(1, source.overruns());
        }
    }

    @Test
    void shouldReopenAndCountOutageAsLostFramesWhenDeviceFails() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        try (CaptureSource source = CaptureSource.open(
            new CaptureSourceOptions(null, 48000, ChannelSelection.DOWNMIX, BLOCK, 4), lines, 3, 5)) {
            lines.opened.get(0).failAfterFrames = 8 * BLOCK;
            final float[] x = readFrames(source, 20 * BLOCK);

            assertEquals(1, source.reconnects());
            assertEquals(2, lines.opened.size());
            assertTrue(source.takeLostFrames() >= 240, "5 ms at 48 kHz or more");
            assertEquals(0.25, TestSignal.sineAmplitude(x, 48000, 440, 10 * BLOCK, 20 * BLOCK), 0.001);
        }
    }

    @Test
    void shouldFailNamingDeviceWhenReopeningFails() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        lines.failOpensAfter = 1;
        try (CaptureSource source = CaptureSource.open(
            new CaptureSourceOptions(null, 48000, ChannelSelection.DOWNMIX, BLOCK, 4), lines, 3, 0)) {
            lines.opened.get(0).failAfterFrames = 2 * BLOCK;
            final SourceException ex = assertThrows(SourceException.class, () -> readFrames(source, 20 * BLOCK));

            assertEquals("capture device 'Fake Mic' failed: device removed; reopening it failed 3 times: device busy",
                ex.getMessage());
        }
    }

    @Test
    void shouldNameDeviceAndFormatsWhenNoFormatFits() {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> false);
        final SourceException ex = assertThrows(SourceException.class,
            () -> open(lines, 16000, ChannelSelection.channel(2)));

        assertEquals("capture device 'Fake Mic' offers no 16-bit PCM format at [16000, 48000, 44100] Hz with 3 "
            + "channels (needed for channel 2)", ex.getMessage());
    }

    @Test
    void shouldNameDeviceWhenOpeningFails() {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        lines.failOpensAfter = 0;
        final SourceException ex =
            assertThrows(SourceException.class, () -> open(lines, 48000, ChannelSelection.DOWNMIX));

        assertEquals("capture device 'Fake Mic' cannot be opened at 48000 Hz, 16-bit, mono: device busy",
            ex.getMessage());
    }

    @Test
    void shouldEndStreamWhenClosed() throws IOException {
        final FakeCaptureLines lines = new FakeCaptureLines("Fake Mic", format -> true);
        final CaptureSource source = open(lines, 48000, ChannelSelection.DOWNMIX);
        readFrames(source, BLOCK);
        source.close();

        assertEquals(AudioSource.END_OF_STREAM, source.read(new float[BLOCK], 0, BLOCK));
    }

    @Test
    void shouldThrowNoCaptureDeviceWhenJavaSoundListsNone() {
        final NoCaptureDeviceException ex = assertThrows(NoCaptureDeviceException.class,
            () -> Devices.chooseCaptureMixer("default", java.util.List.of(), java.util.List.of()));

        assertEquals("no audio capture device found (Java Sound lists none)", ex.getMessage());
    }

    @Test
    void shouldListAvailableDevicesWhenNameIsUnknown() throws SourceException {
        final DeviceInfo mic = new DeviceInfo(DeviceKind.CAPTURE, "USB Mic", "a microphone", "v", java.util.List.of(1),
            java.util.List.of(16), java.util.List.of(48000), false, false);
        final javax.sound.sampled.Mixer.Info usb = new javax.sound.sampled.Mixer.Info("USB Mic", "v", "a microphone", "1") {
        };
        final SourceException ex = assertThrows(SourceException.class,
            () -> Devices.chooseCaptureMixer("no-such-device-xyz", java.util.List.of(mic), java.util.List.of(usb)));

        assertEquals("capture device 'no-such-device-xyz' not found; available capture devices: 'USB Mic'",
            ex.getMessage());
        assertEquals(usb, Devices.chooseCaptureMixer("usb", java.util.List.of(mic), java.util.List.of(usb)));
        assertEquals(null, Devices.chooseCaptureMixer("default", java.util.List.of(mic), java.util.List.of(usb)));
    }

    @Test
    void shouldRejectOptionsWhenBlockFramesOutOfRange() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new CaptureSourceOptions(null, 48000, ChannelSelection.DOWNMIX, 8, 4));
        assertEquals("blockFrames must be in [16, 65536], got 8", ex.getMessage());
    }

    @Test
    void shouldRejectOptionsWhenBufferBlocksOutOfRange() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new CaptureSourceOptions(null, 48000, ChannelSelection.DOWNMIX, 256, 1));
        assertEquals("bufferBlocks must be in [2, 64], got 1", ex.getMessage());
    }

    @Test
    void shouldRejectOptionsWhenGraphRateOutOfRange() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> CaptureSourceOptions.of(null, 200_000, 256));
        assertEquals("graphRateHz must be in [8000, 192000], got 200000", ex.getMessage());
    }

    private static boolean is48kStereo(final AudioFormat format) {
        return format.getSampleRate() == 48000 && format.getChannels() == 2;
    }

    private static CaptureSource open(final FakeCaptureLines lines, final int graphRateHz,
        final ChannelSelection channels) throws SourceException {
        return CaptureSource.open(new CaptureSourceOptions(null, graphRateHz, channels, BLOCK, 4), lines, 3, 0);
    }

    private static float[] readFrames(final AudioSource source, final int frames) throws IOException {
        final float[] x = new float[frames];
        int filled = 0;
        int idle = 0;
        while (filled < frames) {
            final int n = source.read(x, filled, Math.min(BLOCK, frames - filled));
            assertTrue(n >= 0, "end of stream");
            assertTrue(++idle < 10_000, "no progress");
            filled += n;
        }
        return x;
    }
}
