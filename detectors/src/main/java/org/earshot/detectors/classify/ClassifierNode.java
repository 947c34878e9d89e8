package org.earshot.detectors.classify;

import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Classifies every hop: keeps the last second (the model's context) of log-mel frames, pools them
 * ({@link PooledFeatures}) and runs the model, publishing per-class probabilities on
 * {@link #probabilities()}. Allocation-free; refuses a model trained with other front-end settings.
 */
public final class ClassifierNode implements AudioNode {
    private final ClassifierConfig config;
    private final LogMelNode logMel;
    private final ClassifierModel model;
    private ContextWindow window;
    private PooledFeatures pooled;
    private float[] features;
    private ClassifierModel.Inference inference;
    private Port<ClassProbabilities> port;

    /**
     * @param config settings
     * @param logMel the front end feeding it
     * @throws IllegalArgumentException if the model was trained with other feature settings
     */
    public ClassifierNode(final ClassifierConfig config, final LogMelNode logMel) {
        config.model().requireSettings(logMel.features());
        this.config = config;
        this.logMel = logMel;
        this.model = config.model();
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the model */
    public ClassifierModel model() {
        return model;
    }

    /** @return the port carrying each block's probabilities */
    public Port<ClassProbabilities> probabilities() {
        return port;
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        window = new ContextWindow(model.settings());
        pooled = new PooledFeatures(model.settings().bands());
        features = new float[pooled.dimension()];
        inference = model.newInference();
        final int capacity = LogMelExtractor.maxFramesPerFeed(model.settings(), spec.sampleRateHz(), spec.maxFrames());
        final int classes = model.classCount();
        port = setup.declareOutput("probs", () -> new ClassProbabilities(capacity, classes));
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final LogMelFrames in = ctx.get(logMel.frames());
        final ClassProbabilities out = ctx.get(port);
        out.clear();
        for (int i = 0; i < in.count(); i++) {
            pooled.pushAndCompute(window, in.bands(i), in.energyDb(i), features);
            inference.predict(features, out.next(in.centreFrame(i)));
        }
    }

    @Override
    public void reset() {
        window.clear();
    }
}
