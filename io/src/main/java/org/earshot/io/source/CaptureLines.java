package org.earshot.io.source;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** Opens capture lines on one device: Java Sound in production, a fake in tests. */
interface CaptureLines {
    /** @return the device name for messages */
    String deviceName();

    /**
     * @param format a capture format
     * @return true if the device offers it
     */
    boolean supports(AudioFormat format);

    /**
     * Opens and starts a line.
     *
     * @param format      capture format
     * @param bufferBytes buffer to request, in bytes
     * @return the started line
     * @throws LineUnavailableException if the device is busy or gone
     */
    TargetDataLine open(AudioFormat format, int bufferBytes) throws LineUnavailableException;
}
