package org.earshot.io.source;

import java.util.List;

/**
 * One Java Sound device (a mixer) that can capture or play, with its formats summarised, as plain data
 * for {@code earshot devices} to format.
 *
 * @param kind            capture or playback
 * @param name            the mixer name, as matched by {@link CaptureSourceOptions#device()}
 * @param description     the mixer description
 * @param vendor          the mixer vendor
 * @param channelCounts   channel counts offered, ascending
 * @param sampleSizesBits sample sizes offered in bits, ascending
 * @param sampleRatesHz   sample rates listed, ascending; empty when {@code anySampleRate}
 * @param anySampleRate   true when the device accepts any rate (Java Sound's NOT_SPECIFIED)
 * @param isDefault       true when it is the first device of its kind (what "default" picks, usually)
 */
public record DeviceInfo(
    DeviceKind kind, String name, String description, String vendor, List<Integer> channelCounts,
    List<Integer> sampleSizesBits, List<Integer> sampleRatesHz, boolean anySampleRate, boolean isDefault) {
    /** Copies the lists. */
    public DeviceInfo {
        channelCounts = List.copyOf(channelCounts);
        sampleSizesBits = List.copyOf(sampleSizesBits);
        sampleRatesHz = List.copyOf(sampleRatesHz);
    }
}
