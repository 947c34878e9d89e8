package org.earshot.detectors.spectral;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.earshot.dsp.stft.StftConfig;

/**
 * Settings of a {@link StftNode}, validated on construction.
 *
 * @param name  node name, unique in its graph
 * @param stft  STFT geometry (validated by {@link StftConfig} itself)
 * @param views the views copied into the port for every frame, at least one; copied into an
 *              unmodifiable set. Fewer views cost less per frame ({@link SpectrumView#PHASE} is the dearest).
 */
public record StftNodeConfig(String name, StftConfig stft, Set<SpectrumView> views) {
    /**
     * @throws IllegalArgumentException naming the field, its allowed values and the value received
     */
    public StftNodeConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (stft == null) {
            throw new IllegalArgumentException("stft must not be null");
        }
        if (views == null || views.isEmpty() || views.contains(null)) {
            throw new IllegalArgumentException("views must hold at least one of " + EnumSet.allOf(SpectrumView.class)
                + ", got " + views);
        }
        final EnumSet<SpectrumView> copy = EnumSet.noneOf(SpectrumView.class);
        copy.addAll(views);
        views = Collections.unmodifiableSet(copy);
    }

    /**
     * A node keeping every view.
     *
     * @param name node name
     * @param stft STFT geometry
     * @return the config
     */
    public static StftNodeConfig of(final String name, final StftConfig stft) {
        return new StftNodeConfig(name, stft, EnumSet.allOf(SpectrumView.class));
    }
}
