/**
 * Live noise reduction: {@link org.earshot.detectors.denoise.DenoiserNode} (STFT, SPP-based noise tracking,
 * decision-directed a priori SNR, OM-LSA gain with a reduction limit, smoothing against musical noise,
 * inverse STFT, wet/dry and bypass at constant latency) and {@link org.earshot.detectors.denoise.NoiseProfile}
 * (a learned room-noise spectrum).
 */
package org.earshot.detectors.denoise;
