package org.earshot.bench.accuracy;

import java.nio.file.Path;
import java.util.Arrays;

import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.decode.AudioFileDecoder;

/**
 * A whole decoded file, mono (channels averaged), at its own rate: what the separation and denoising
 * evaluations score.
 *
 * @param samples      the samples
 * @param sampleRateHz their rate
 */
public record MonoAudio(float[] samples, int sampleRateHz) {
    /**
     * @param path an audio file
     * @return its samples
     * @throws SourceException naming the file and the problem
     */
    public static MonoAudio read(final Path path) throws SourceException {
        try (AudioFileDecoder d = AudioFileDecoder.open(path, ChannelSelection.DOWNMIX)) {
            float[] all = new float[(int)Math.max(4096, Math.min(Integer.MAX_VALUE - 8, d.frameLength() + 1))];
            int n = 0;
            while (true) {
                if (n == all.length) {
                    all = Arrays.copyOf(all, all.length * 2);
                }
                final int r = d.read(all, n, all.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return new MonoAudio(Arrays.copyOf(all, n), d.sampleRateHz());
        }
    }
}
