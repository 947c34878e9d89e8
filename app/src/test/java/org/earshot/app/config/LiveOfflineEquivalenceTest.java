package org.earshot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.earshot.engine.EventMode;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.Engine;
import org.earshot.io.ChannelSelection;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;
import org.earshot.io.source.Pacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Causal means causal: the same graph over the same file gives the same events whether the file is paced
 * at real time as live input (live event mode) or read as fast as possible (offline mode).
 */
class LiveOfflineEquivalenceTest {
    private static final int RATE = 44_100;

    /** 3 s: tone bursts of rising level with silence between, so level events differ from window to window. */
    private static Path writeSignal(final Path dir) throws IOException {
        final int n = RATE * 3;
        final ByteBuffer bytes = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            final int burst = i / (RATE / 4);
            final double amp = burst % 2 == 0 ? 0.05 * (burst + 1) : 0.0;
            bytes.putShort((short)Math.round(32767 * amp * Math.sin(2 * Math.PI * 440 * i / RATE)));
        }
        final Path file = dir.resolve("bursts.wav");
        final AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, n),
            AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    private static List<CollectingSink.Event> run(final Path file, final Preset preset, final boolean live)
        throws Exception {
        final GraphSettings settings = new GraphSettings(preset, 48_000, 256,
            org.earshot.engine.graph.ThreadingMode.SHARED);
        final CollectingSink sink = new CollectingSink();
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)))) {
            engine.addGraph(PresetGraphs.build(settings, "main", live ? EventMode.LIVE : EventMode.OFFLINE).plan(),
                FileSource.open(file, FileSourceOptions.offline(48_000).withChannels(ChannelSelection.DOWNMIX)
                    .withPacing(live ? Pacing.REAL_TIME : Pacing.AS_FAST_AS_POSSIBLE)));
            engine.start();
            assertTrue(engine.awaitCompletion(60, TimeUnit.SECONDS));
            assertEquals(0, engine.graphs().get(0).counters().captureOverruns(), "no block lost in the live run");
            assertEquals(0, engine.graphs().get(0).counters().eventsDropped(), "no event lost in the live run");
        }
        return sink.events();
    }

    @Test
    void shouldGiveSameEventsLiveAndOfflineWhenMeterPreset(@TempDir final Path dir) throws Exception {
        final Path file = writeSignal(dir);
        final List<CollectingSink.Event> offline = run(file, Preset.METER, false);
        final List<CollectingSink.Event> live = run(file, Preset.METER, true);
        assertFalse(offline.isEmpty());
        assertEquals(offline.size(), live.size());
        for (int i = 0; i < offline.size(); i++) {
            assertEquals(offline.get(i).type(), live.get(i).type());
            assertEquals(offline.get(i).frame(), live.get(i).frame());
            for (int f = 0; f < offline.get(i).values().length; f++) {
                assertEquals(offline.get(i).value(f), live.get(i).value(f), "event " + i + " field " + f);
            }
        }
    }
}
