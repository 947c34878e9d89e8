package org.earshot.detectors.classify;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A trained event classifier: the front-end settings it was trained with, its classes (each either an
 * event class that may raise alerts or a background class that only absorbs probability), the feature
 * standardisation and a small multi-layer perceptron (ReLU hidden layers, softmax output). Immutable and
 * shared by every room; {@link Inference} holds the per-node scratch.
 *
 * <p>File format (big-endian), version {@value #FORMAT_VERSION}:
 * <pre>
 *   8 bytes  magic "ESHMODEL"
 *   int      format version
 *   settings sampleRateHz, windowLength, hop, fftSize, bands (int); minHz, maxHz (double);
 *            contextFrames, featureVersion (int)
 *   int      classes; per class: UTF name, boolean background
 *   int      dimension d; float[d] feature mean; float[d] feature scale (1/std)
 *   int      layers; per layer: int in, int out, float[in*out] weights (row per output), float[out] bias
 *   int      notes length; UTF-8 bytes (training command, held-out report)
 *   long     CRC-32 of everything before it
 * </pre>
 */
public final class ClassifierModel {
    /** Current file format version. */
    public static final int FORMAT_VERSION = 1;
    /** Resource path of the built-in model. */
    public static final String BUILT_IN_RESOURCE = "/org/earshot/detectors/classify/builtin-events.eshm";
    private static final byte[] MAGIC = "ESHMODEL".getBytes(StandardCharsets.US_ASCII);

    private final FeatureSettings settings;
    private final List<String> classes;
    private final boolean[] background;
    private final float[] featureMean;
    private final float[] featureScale;
    private final Layer[] layers;
    /** Per layer its weights input-major ({@code [i * out + o]}), for the loop of {@link Inference} over outputs. */
    private final float[][] byInput;
    private final String notes;

    /**
     * One dense layer, {@code y = W x + b}.
     *
     * @param in      inputs
     * @param out     outputs
     * @param weights {@code out * in} values, row {@code o} holds the weights of output {@code o}
     * @param bias    {@code out} values
     */
    public record Layer(int in, int out, float[] weights, float[] bias) {
        /**
         * @throws IllegalArgumentException if the arrays do not match the sizes
         */
        public Layer {
            if (in < 1 || out < 1 || weights.length != in * out || bias.length != out) {
                throw new IllegalArgumentException("layer " + in + "x" + out + " needs " + in * out
                    + " weights and " + out + " biases, got " + weights.length + " and " + bias.length);
            }
        }
    }

    /**
     * @param settings     front end the model was trained with
     * @param classes      class names, in output order
     * @param background   per class: true for a background class (never an event)
     * @param featureMean  per feature mean subtracted before the first layer
     * @param featureScale per feature factor applied after subtracting the mean
     * @param layers       dense layers; the last one's outputs are the classes
     * @param notes        free text kept with the model (training command, report)
     */
    public ClassifierModel(
        final FeatureSettings settings, final List<String> classes, final boolean[] background,
        final float[] featureMean, final float[] featureScale, final List<Layer> layers, final String notes) {
        final int dim = PooledFeatures.dimension(settings.bands());
        if (classes.size() < 2 || background.length != classes.size()) {
            throw new IllegalArgumentException("a model needs at least 2 classes with a role each, got "
                + classes.size() + " classes and " + background.length + " roles");
        }
        if (featureMean.length != dim || featureScale.length != dim) {
            throw new IllegalArgumentException("feature normalisation must have " + dim + " values, got "
                + featureMean.length + " and " + featureScale.length);
        }
        if (layers.isEmpty() || layers.get(0).in() != dim || layers.get(layers.size() - 1).out() != classes.size()) {
            throw new IllegalArgumentException("layers must map " + dim + " features to " + classes.size()
                + " classes");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).in() != layers.get(i - 1).out()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).in() + " inputs but layer "
                    + (i - 1) + " gives " + layers.get(i - 1).out());
            }
        }
        this.settings = settings;
        this.classes = List.copyOf(classes);
        this.background = background.clone();
        this.featureMean = featureMean.clone();
        this.featureScale = featureScale.clone();
        this.layers = layers.toArray(new Layer[0]);
        this.byInput = new float[this.layers.length][];
        for (int li = 0; li < this.layers.length; li++) {
            final Layer l = this.layers[li];
            final float[] t = new float[l.in() * l.out()];
            for (int o = 0; o < l.out(); o++) {
                for (int i = 0; i < l.in(); i++) {
                    t[i * l.out() + o] = l.weights()[o * l.in() + i];
                }
            }
            byInput[li] = t;
        }
        this.notes = notes == null ? "" : notes;
    }

    /** @return the front-end settings the model needs */
    public FeatureSettings settings() {
        return settings;
    }

    /** @return class names in output order */
    public List<String> classes() {
        return classes;
    }

    /** @return number of classes */
    public int classCount() {
        return classes.size();
    }

    /**
     * @param c class index
     * @return whether the class is background (never raised as an event)
     */
    public boolean isBackground(final int c) {
        return background[c];
    }

    /**
     * @param name a class name
     * @return its index, or -1
     */
    public int indexOf(final String name) {
        return classes.indexOf(name);
    }

    /** @return the notes stored with the model */
    public String notes() {
        return notes;
    }

    /** @return the layers (shared arrays: do not modify) */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /** @return number of weights and biases */
    public int parameterCount() {
        int n = 0;
        for (final Layer l : layers) {
            n += l.weights().length + l.bias().length;
        }
        return n;
    }

    /**
     * Checks that the model was trained with the given front end.
     *
     * @param frontEnd the settings of the front end that will feed it
     * @throws IllegalArgumentException naming every setting that differs
     */
    public void requireSettings(final FeatureSettings frontEnd) {
        if (!settings.equals(frontEnd)) {
            throw new IllegalArgumentException("model was trained with other feature settings (model vs front end: "
                + settings.differences(frontEnd) + "); retrain it or use matching settings");
        }
    }

    /** @return a new scratch holder for allocation-free inference */
    public Inference newInference() {
        return new Inference();
    }

    /** Per-user scratch for {@link #predict}: one per node, never shared between threads. */
    public final class Inference {
        private final float[] a;
        private final float[] b;

        private Inference() {
            int width = featureMean.length;
            for (final Layer l : layers) {
                width = Math.max(width, l.out());
            }
            a = new float[width];
            b = new float[width];
        }

        /**
         * Computes class probabilities. Allocation-free.
         *
         * @param features pooled features ({@link PooledFeatures#dimension})
         * @param probs    at least {@link #classCount()} values; overwritten with probabilities summing to 1
         */
        public void predict(final float[] features, final float[] probs) {
            final int dim = featureMean.length;
            for (int i = 0; i < dim; i++) {
                a[i] = (features[i] - featureMean[i]) * featureScale[i];
            }
            float[] x = a;
            float[] y = b;
            for (int li = 0; li < layers.length; li++) {
                final Layer l = layers[li];
                final float[] w = byInput[li];
                final int in = l.in();
                final int out = l.out();
                // y = b + sum_i x[i] * column i: the inner loop runs over outputs with no dependency between its
                // iterations (the row-major form chained every product of a row through one sum); inputs a ReLU
                // zeroed are skipped
                System.arraycopy(l.bias(), 0, y, 0, out);
                for (int i = 0; i < in; i++) {
                    final float xi = x[i];
                    if (xi != 0f) {
                        final int col = i * out;
                        for (int o = 0; o < out; o++) {
                            y[o] += w[col + o] * xi;
                        }
                    }
                }
                if (li < layers.length - 1) {
                    for (int o = 0; o < out; o++) {
                        y[o] = Math.max(y[o], 0f);
                    }
                }
                final float[] t = x;
                x = y;
                y = t;
            }
            softmax(x, classes.size(), probs);
        }
    }

    static void softmax(final float[] logits, final int n, final float[] probs) {
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            final double e = Math.exp(logits[i] - max);
            probs[i] = (float)e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            probs[i] = (float)(probs[i] / sum);
        }
    }

    /**
     * Writes the model in the current format.
     *
     * @param out destination (not closed)
     * @throws IOException on write failure
     */
    public void write(final OutputStream out) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream d = new DataOutputStream(bytes);
        d.write(MAGIC);
        d.writeInt(FORMAT_VERSION);
        d.writeInt(settings.sampleRateHz());
        d.writeInt(settings.windowLength());
        d.writeInt(settings.hop());
        d.writeInt(settings.fftSize());
        d.writeInt(settings.bands());
        d.writeDouble(settings.minHz());
        d.writeDouble(settings.maxHz());
        d.writeInt(settings.contextFrames());
        d.writeInt(settings.featureVersion());
        d.writeInt(classes.size());
        for (int c = 0; c < classes.size(); c++) {
            d.writeUTF(classes.get(c));
            d.writeBoolean(background[c]);
        }
        writeFloats(d, featureMean, true);
        writeFloats(d, featureScale, false);
        d.writeInt(layers.length);
        for (final Layer l : layers) {
            d.writeInt(l.in());
            d.writeInt(l.out());
            writeFloats(d, l.weights(), false);
            writeFloats(d, l.bias(), false);
        }
        final byte[] text = notes.getBytes(StandardCharsets.UTF_8);
        d.writeInt(text.length);
        d.write(text);
        d.flush();
        final CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        d.writeLong(crc.getValue());
        d.flush();
        bytes.writeTo(out);
    }

    /**
     * @param path file to write
     * @throws IOException on failure
     */
    public void write(final Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            write(out);
        }
    }

    private static void writeFloats(final DataOutputStream d, final float[] v, final boolean withLength)
        throws IOException {
        if (withLength) {
            d.writeInt(v.length);
        }
        for (final float x : v) {
            d.writeFloat(x);
        }
    }

    /**
     * Reads a model file.
     *
     * @param in     source (read to the end, not closed)
     * @param source name of the source for messages
     * @return the model
     * @throws IOException if the file is not a model, is damaged or has an unknown version
     */
    public static ClassifierModel read(final InputStream in, final String source) throws IOException {
        final byte[] all = new BufferedInputStream(in).readAllBytes();
        if (all.length < MAGIC.length + 12 || !java.util.Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(source + ": not an earshot model file (no ESHMODEL header)");
        }
        final CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        final long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        final DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length,
            all.length - MAGIC.length - 8));
        final int version = d.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(source + ": model format version " + version + " is not supported (this build reads "
                + FORMAT_VERSION + ")");
        }
        if (stored != crc.getValue()) {
            throw new IOException(source + ": model file is damaged (checksum mismatch)");
        }
        try {
            final FeatureSettings settings = new FeatureSettings(d.readInt(), d.readInt(), d.readInt(), d.readInt(),
                d.readInt(), d.readDouble(), d.readDouble(), d.readInt(), d.readInt());
            if (settings.featureVersion() != PooledFeatures.VERSION) {
                // another recipe has another number of features: say so before any length check does
                throw new IOException(source + ": the model was trained on pooled-feature recipe version "
                    + settings.featureVersion() + " and this build computes version " + PooledFeatures.VERSION
                    + "; retrain it with this build's earshot train");
            }
            final int nClasses = d.readInt();
            final List<String> classes = new ArrayList<>();
            final boolean[] background = new boolean[nClasses];
            for (int c = 0; c < nClasses; c++) {
                classes.add(d.readUTF());
                background[c] = d.readBoolean();
            }
            final int dim = d.readInt();
            final float[] mean = readFloats(d, dim);
            final float[] scale = readFloats(d, dim);
            final int nLayers = d.readInt();
            final List<Layer> layers = new ArrayList<>();
            for (int i = 0; i < nLayers; i++) {
                final int lin = d.readInt();
                final int lout = d.readInt();
                layers.add(new Layer(lin, lout, readFloats(d, lin * lout), readFloats(d, lout)));
            }
            final byte[] text = new byte[d.readInt()];
            d.readFully(text);
            return new ClassifierModel(settings, classes, background, mean, scale, layers,
                new String(text, StandardCharsets.UTF_8));
        } catch (final IllegalArgumentException ex) {
            throw new IOException(source + ": invalid model: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param path model file
     * @return the model
     * @throws IOException if it cannot be read or is not a valid model
     */
    public static ClassifierModel read(final Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * @return the model shipped with earshot
     * @throws IllegalStateException if the resource is missing or damaged (a broken build)
     */
    public static ClassifierModel builtIn() {
        try (InputStream in = ClassifierModel.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in model " + BUILT_IN_RESOURCE + " is missing from the build");
            }
            return read(in, BUILT_IN_RESOURCE);
        } catch (final IOException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    private static float[] readFloats(final DataInputStream d, final int n) throws IOException {
        if (n < 0 || n > 50_000_000) {
            throw new IOException("bad array length " + n);
        }
        final float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = d.readFloat();
        }
        return v;
    }
}
