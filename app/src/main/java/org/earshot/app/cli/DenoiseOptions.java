package org.earshot.app.cli;

import java.nio.file.Path;

import org.earshot.app.config.ConfigException;
import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.LatencyMode;

import picocli.CommandLine.Option;

/**
 * The denoiser's options, as a picocli mixin shared by {@code earshot denoise} and {@code earshot live --preset
 * denoise}, so that a file and a microphone go through the same denoiser.
 */
final class DenoiseOptions {
    @Option(names = "--strength", paramLabel = "DB",
        description = "denoise: reduction limit, the most any frequency is attenuated, 0 to 60 dB; default 20.")
    double strength = DenoiserConfig.DEFAULT_REDUCTION_LIMIT_DB;

    @Option(names = "--mix", paramLabel = "0..1",
        description = "denoise: share of the denoised signal, 0 (dry) to 1 (default); the latency stays the same.")
    double mix = 1.0;

    @Option(names = "--low-latency", description = "denoise: 10 ms instead of 20 ms latency (coarser noise estimate).")
    boolean lowLatency;

    @Option(names = "--profile", paramLabel = "PROFILE",
        description = "denoise: a room-noise profile from `earshot learn-noise`: seeds the noise estimate and bounds "
            + "it from below (for strong steady noise: fans, hum, air conditioning).")
    Path profile;

    /**
     * @return the denoiser's settings
     * @throws ConfigException naming the flag whose value is out of range
     * @throws UserError       if the profile cannot be read
     */
    DenoiserConfig config() throws UserError {
        if (!(strength >= 0 && strength <= DenoiserConfig.MAX_REDUCTION_LIMIT_DB)) {
            throw new ConfigException("--strength must be in [0, " + (int)DenoiserConfig.MAX_REDUCTION_LIMIT_DB
                + "] dB, got " + strength);
        }
        if (!(mix >= 0 && mix <= 1)) {
            throw new ConfigException("--mix must be in [0, 1], got " + mix);
        }
        DenoiserConfig config = DenoiserConfig.defaults().withReductionLimitDb(strength).withWetMix(mix)
            .withLatencyMode(lowLatency ? LatencyMode.LOW : LatencyMode.STANDARD);
        if (profile != null) {
            config = config.withProfile(NoiseProfileFile.read(profile));
        }
        return config;
    }
}
