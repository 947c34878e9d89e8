package org.earshot.io.decode;

import java.nio.file.Path;

/**
 * What a file holds, as read from its header.
 *
 * @param path          the file
 * @param container     its format
 * @param encoding      the sample encoding, e.g. {@code PCM_SIGNED}, {@code PCM_FLOAT}, {@code MPEG1L3}
 * @param sampleRateHz  sample rate in Hz
 * @param channels      number of channels
 * @param bitsPerSample bits per stored sample, 0 for lossy formats
 * @param frameLength   frames per channel the file declares, -1 if it does not say
 */
public record AudioFileInfo(
    Path path, AudioContainer container, String encoding, int sampleRateHz, int channels, int bitsPerSample,
    long frameLength) {
    /** @return the declared duration in seconds, or -1 if unknown */
    public double durationSeconds() {
        return frameLength < 0 ? -1 : frameLength / (double)sampleRateHz;
    }
}
