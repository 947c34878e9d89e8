package org.earshot.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.earshot.detectors.beat.BeatTrackerConfig;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.decide.RoomMonitor;
import org.earshot.detectors.denoise.DenoiserConfig;

/**
 * The options that only some presets read ({@code --lead-ms}, {@code --model}, {@code --sensitivity},
 * {@code --strength}, {@code --mix}, {@code --low-latency}, {@code --profile}), validated once and carried with the
 * {@link GraphSettings}, so that every graph built from the same settings is the same graph.
 *
 * @param leadMs       beats/performer: how much earlier than the tracker beats are emitted, ms
 * @param modelPath    room-monitor: the model file, or null for the built-in model
 * @param model        room-monitor: the model, loaded from {@code modelPath}; null until a room-monitor graph needs
 *                     it (the built-in model is then loaded)
 * @param sensitivity  room-monitor: detection sensitivity, 0 to 1
 * @param denoiser     denoise: the denoiser's settings
 * @param alerts       room-monitor: the labels whose events are written ({@code --alerts}); empty for every label
 *                     the model and the impact detector can raise
 */
public record PresetOptions(double leadMs, Path modelPath, ClassifierModel model, double sensitivity,
    DenoiserConfig denoiser, List<String> alerts) {
    /** Default room-monitor sensitivity. */
    public static final double DEFAULT_SENSITIVITY = 0.5;

    /**
     * @throws ConfigException naming the flag whose value is out of range
     */
    public PresetOptions {
        if (!(leadMs >= 0 && leadMs <= BeatTrackerConfig.MAX_LEAD_MS)) {
            throw new ConfigException("--lead-ms: must be in [0, " + (int)BeatTrackerConfig.MAX_LEAD_MS + "], got "
                + leadMs);
        }
        if (!(sensitivity >= 0 && sensitivity <= 1)) {
            throw new ConfigException("--sensitivity: must be in [0, 1], got " + sensitivity);
        }
        if (denoiser == null) {
            throw new ConfigException("denoiser settings: missing");
        }
        alerts = List.copyOf(alerts);
    }

    /** @return every preset at its defaults (the built-in model, loaded when first needed) */
    public static PresetOptions defaults() {
        return new PresetOptions(0.0, null, null, DEFAULT_SENSITIVITY, DenoiserConfig.defaults(), List.of());
    }

    /**
     * @param ms {@code --lead-ms}, or null to keep
     * @return a copy
     */
    public PresetOptions withLeadMs(final Double ms) {
        return ms == null ? this : new PresetOptions(ms, modelPath, model, sensitivity, denoiser, alerts);
    }

    /**
     * Loads a model written by {@code earshot train}.
     *
     * @param path the model file, or null to keep the built-in model
     * @return a copy using it
     * @throws ConfigException naming {@code --model} if the file cannot be read or is not a model
     */
    public PresetOptions withModel(final Path path) {
        if (path == null) {
            return this;
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(ErrorKind.INPUT, "--model " + path + ": no such file");
        }
        try {
            return new PresetOptions(leadMs, path, ClassifierModel.read(path), sensitivity, denoiser, alerts);
        } catch (final IOException ex) {
            throw new ConfigException(ErrorKind.INPUT, "--model " + ex.getMessage());
        }
    }

    /**
     * @param value {@code --sensitivity}, or null to keep
     * @return a copy
     */
    public PresetOptions withSensitivity(final Double value) {
        return value == null ? this : new PresetOptions(leadMs, modelPath, model, value, denoiser, alerts);
    }

    /**
     * @param config the denoiser's settings
     * @return a copy
     */
    public PresetOptions withDenoiser(final DenoiserConfig config) {
        return new PresetOptions(leadMs, modelPath, model, sensitivity, config, alerts);
    }

    /**
     * Chooses the room monitor's alerts, checked against the labels the model (loaded first, with
     * {@link #withModel}) and the impact detector can raise.
     *
     * @param labels {@code --alerts}, or null or empty to keep every label
     * @return a copy
     * @throws ConfigException naming {@code --alerts} and the labels there are, for a label no room can raise
     */
    public PresetOptions withAlerts(final List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            return this;
        }
        final List<String> possible = new PresetOptions(leadMs, modelPath, model, sensitivity, denoiser, List.of())
            .alertLabels();
        for (final String label : labels) {
            if (!possible.contains(label)) {
                throw new ConfigException("--alerts: '" + label + "' is not a label of the model (labels: "
                    + String.join(",", possible) + ")");
            }
        }
        return new PresetOptions(leadMs, modelPath, model, sensitivity, denoiser,
            List.copyOf(new java.util.LinkedHashSet<>(labels)));
    }

    /** @return the beat tracker's settings */
    public BeatTrackerConfig trackerConfig() {
        return BeatTrackerConfig.defaults().withLeadMs(leadMs);
    }

    /** @return what each room runs: the chosen model (the built-in one unless {@code --model}) */
    public RoomMonitor.Settings roomMonitor() {
        return new RoomMonitor.Settings(model == null ? BuiltInModel.MODEL : model, List.of(), sensitivity, true,
            alerts);
    }

    /** @return the labels a room raises (announced to Home Assistant): the alerts chosen, or every label */
    public List<String> alertLabels() {
        return roomMonitor().alertLabels();
    }

    /** The built-in model, read from the jar once, on first use (rooms share it: it is read-only). */
    private static final class BuiltInModel {
        static final ClassifierModel MODEL = ClassifierModel.builtIn();

        private BuiltInModel() {
        }
    }
}
