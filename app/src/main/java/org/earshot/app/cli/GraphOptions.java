package org.earshot.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.earshot.app.config.ConfigException;
import org.earshot.app.config.GraphSettings;
import org.earshot.app.config.PresetOptions;
import org.earshot.app.config.Preset;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code live} and {@code analyze} share, as a picocli mixin: which preset, its settings, the
 * graph's rate, block and threading, the channel and the sinks. Turns them into {@link GraphSettings}.
 */
final class GraphOptions {
    /** Rate of the room-monitor graph unless {@code --rate} says otherwise, Hz. */
    static final int ROOM_MONITOR_RATE_HZ = 16_000;
    /** Block of the room-monitor graph unless {@code --block} says otherwise: 10 ms at 16 kHz. */
    static final int ROOM_MONITOR_BLOCK_FRAMES = 160;

    @Option(names = "--preset", paramLabel = "P", description = "Graph to run: ${COMPLETION-CANDIDATES}; default meter.",
        completionCandidates = Completions.Presets.class)
    String preset;

    @Option(names = "--model", paramLabel = "MODEL",
        description = "room-monitor: a model written by `earshot train` instead of the built-in one.")
    Path model;

    @Option(names = "--sensitivity", paramLabel = "0..1",
        description = "room-monitor: detection sensitivity, 0 (fewest alerts) to 1; default 0.5.")
    Double sensitivity;

    @Option(names = "--alerts", paramLabel = "LABEL,...", split = ",",
        description = "room-monitor: raise only these labels (e.g. cough,impact); the others are still recognised, so "
            + "a sound keeps its label, but not sent; default every label of the model and impact.")
    List<String> alerts;

    @Option(names = "--lead-ms", paramLabel = "MS",
        description = "beats/performer: emit each beat this much earlier than the tracker would (to make up for a "
            + "receiver's latency), 0 to 1000; default 0.")
    Double leadMs;

    @Option(names = "--channel", paramLabel = "mix|N",
        description = "Mix all channels down (default) or use channel N (counted from 0).")
    String channel;

    @Option(names = "--sink", paramLabel = "SPEC",
        description = "Where events go, repeatable: jsonl (stdout, the default), jsonl:PATH, osc:HOST:PORT[:bundle], "
            + "midi[:DEVICE|FILE.mid][,note], link[:QUANTUM], ws:[HOST:]PORT, mqtt:URI, webhook:URL.")
    List<String> sinks = new ArrayList<>();

    @Option(names = "--block", paramLabel = "FRAMES",
        description = "Frames per block (the STFT hop), 16 to 4096; default 256 (5.3 ms at 48 kHz).")
    Integer block;

    @Option(names = "--rate", paramLabel = "HZ",
        description = "Graph sample rate, 8000 to 192000 (input is resampled to it); default: a file's own rate, "
            + "48000 for a capture device, 16000 for room-monitor.")
    Integer rate;

    @Option(names = "--threading", paramLabel = "shared|dedicated|inline",
        description = "shared: all nodes on one graph thread (live's default); dedicated: one thread per node; "
            + "inline (analyze only; its default on one core): the thread that reads the file also runs the graph.")
    String threading;

    @Mixin
    DenoiseOptions denoise = new DenoiseOptions();

    /**
     * Validates the presets' own options and builds the graph settings; the room-monitor preset defaults to
     * 16 kHz and 10 ms blocks.
     *
     * @return the validated settings
     * @throws UserError if a file an option names cannot be read
     */
    GraphSettings settings() throws UserError {
        final boolean roomMonitor = Preset.ROOM_MONITOR.cliName().equals(preset);
        PresetOptions presetOptions = PresetOptions.defaults().withLeadMs(leadMs).withSensitivity(sensitivity)
            .withDenoiser(denoise.config());
        if (roomMonitor) {
            presetOptions = presetOptions.withModel(model).withAlerts(alerts);
        } else if (alerts != null && !alerts.isEmpty()) {
            throw new ConfigException("--alerts: only the room-monitor preset raises alerts (preset: "
                + (preset == null ? "meter" : preset) + ")");
        }
        return GraphSettings.fromFlags(preset,
            rate == null && roomMonitor ? Integer.valueOf(ROOM_MONITOR_RATE_HZ) : rate,
            block == null && roomMonitor ? Integer.valueOf(ROOM_MONITOR_BLOCK_FRAMES) : block, threading)
            .withOptions(presetOptions);
    }
}
