package org.earshot.detectors.classify.train;

/**
 * One labelled training clip, already mono.
 *
 * @param id           a unique name (usually the file path)
 * @param group        clips of one group (same recording session or source clip) stay in one fold
 * @param label        class name
 * @param samples      mono samples
 * @param sampleRateHz their rate in Hz
 */
public record LabelledClip(String id, String group, String label, float[] samples, int sampleRateHz) {
    /**
     * @throws IllegalArgumentException on an empty clip or a blank label
     */
    public LabelledClip {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank for clip " + id);
        }
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("clip " + id + " has no samples");
        }
    }
}
