package org.earshot.io.source;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** Capture lines from a Java Sound mixer, or from Java Sound's default when the mixer is null. */
final class JavaSoundCaptureLines implements CaptureLines {
    private final Mixer.Info mixer;

    JavaSoundCaptureLines(final Mixer.Info mixer) {
        this.mixer = mixer;
    }

    @Override
    public String deviceName() {
        return mixer == null ? "default" : mixer.getName();
    }

    @Override
    public boolean supports(final AudioFormat format) {
        final DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        try {
            return mixer == null ? AudioSystem.isLineSupported(info)
                : AudioSystem.getMixer(mixer).isLineSupported(info);
        } catch (final RuntimeException ex) {
            return false;
        }
    }

    @Override
    public TargetDataLine open(final AudioFormat format, final int bufferBytes) throws LineUnavailableException {
        final TargetDataLine line;
        try {
            line = mixer == null ? AudioSystem.getTargetDataLine(format)
                : (TargetDataLine)AudioSystem.getMixer(mixer).getLine(new DataLine.Info(TargetDataLine.class, format));
        } catch (final IllegalArgumentException ex) {
            throw new LineUnavailableException(ex.getMessage());
        }
        line.open(format, bufferBytes);
        line.start();
        return line;
    }
}
