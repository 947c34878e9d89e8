package org.earshot.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.decide.RoomMonitor;

/**
 * The model and sensitivity the {@code room-monitor} preset runs with: the built-in model unless
 * {@code --model FILE} names another (one model per process: every room shares it and the event labels).
 */
public final class RoomMonitorSetup {
    private static Path modelPath;
    private static double sensitivity = 0.5;
    private static ClassifierModel model;

    private RoomMonitorSetup() {
    }

    /**
     * Chooses the model file; call before any graph is built.
     *
     * @param path a model written by {@code earshot train}, or null for the built-in one
     * @throws ConfigException naming {@code --model} if the file cannot be read or is not a model
     */
    public static synchronized void useModel(final Path path) {
        if (path == null) {
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(ErrorKind.INPUT, "--model " + path + ": no such file");
        }
        try {
            model = ClassifierModel.read(path);
            modelPath = path;
        } catch (final IOException ex) {
            throw new ConfigException(ErrorKind.INPUT, "--model " + ex.getMessage());
        }
    }

    /**
     * @param value {@code --sensitivity}, 0 to 1, or null for 0.5
     * @throws ConfigException naming {@code --sensitivity} when out of range
     */
    public static synchronized void useSensitivity(final Double value) {
        if (value == null) {
            return;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigException("--sensitivity: must be in [0, 1], got " + value);
        }
        sensitivity = value;
    }

    /** @return the model in use (loaded on first use) */
    public static synchronized ClassifierModel model() {
        if (model == null) {
            model = ClassifierModel.builtIn();
        }
        return model;
    }

    /** @return a description of the model in use */
    public static synchronized String describe() {
        return modelPath == null ? "built-in model" : "model " + modelPath;
    }

    /** @return what each room runs */
    public static synchronized RoomMonitor.Settings settings() {
        return new RoomMonitor.Settings(model(), List.of(), sensitivity, true);
    }

    /** @return the labels a room can raise (announced to Home Assistant) */
    public static List<String> alertLabels() {
        return settings().alertLabels();
    }
}
