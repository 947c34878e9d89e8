package org.earshot.io.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * A capture device without hardware: lines deliver channel 0 = 0.25 sin(440 Hz), channel 1 =
 * 0.25 sin(1000 Hz) in 16-bit PCM, immediately, and can be told to drop frames, report a full buffer or fail.
 */
final class FakeCaptureLines implements CaptureLines {
    final List<FakeLine> opened = new ArrayList<>();
    private final String name;
    private final Predicate<AudioFormat> supported;
    int grantBufferFactor = 1;
    int failOpensAfter = Integer.MAX_VALUE;

    FakeCaptureLines(final String name, final Predicate<AudioFormat> supported) {
        this.name = name;
        this.supported = supported;
    }

    @Override
    public String deviceName() {
        return name;
    }

    @Override
    public boolean supports(final AudioFormat format) {
        return supported.test(format);
    }

    @Override
    public TargetDataLine open(final AudioFormat format, final int bufferBytes) throws LineUnavailableException {
        if (opened.size() >= failOpensAfter) {
            throw new LineUnavailableException("device busy");
        }
        final FakeLine line = new FakeLine(format, bufferBytes * grantBufferFactor);
        line.open(format, bufferBytes);
        line.start();
        opened.add(line);
        return line;
    }

    /** One fake line. */
    static final class FakeLine implements TargetDataLine {
        private final AudioFormat format;
        private final int bufferBytes;
        private boolean open;
        private boolean running;
        long framesDelivered;
        long droppedFrames;
        long failAfterFrames = Long.MAX_VALUE;
        int reportFullBufferOnce;
        long dropOnceAtFrames = -1;
        long dropOnceFrames;

        FakeLine(final AudioFormat format, final int bufferBytes) {
            this.format = format;
            this.bufferBytes = bufferBytes;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) {
            if (!open) {
                return 0;
            }
            if (framesDelivered >= failAfterFrames) {
                open = false;
                throw new IllegalStateException("device removed");
            }
            final int frameBytes = format.getFrameSize();
            final int frames = len / frameBytes;
            final double rate = format.getSampleRate();
            for (int i = 0; i < frames; i++) {
                final double t = (framesDelivered + droppedFrames + i) / rate;
                for (int c = 0; c < format.getChannels(); c++) {
                    final double hz = c == 0 ? 440 : 1000;
                    final short v = (short)Math.round(0.25 * Math.sin(2 * Math.PI * hz * t) * 32767);
                    final int at = off + i * frameBytes + 2 * c;
                    b[at] = (byte)v;
                    b[at + 1] = (byte)(v >> 8);
                }
            }
            framesDelivered += frames;
            return frames * frameBytes;
        }

        @Override
        public long getLongFramePosition() {
            if (dropOnceAtFrames >= 0 && framesDelivered >= dropOnceAtFrames) {
                droppedFrames += dropOnceFrames;
                dropOnceAtFrames = -1;
            }
            return framesDelivered + droppedFrames;
        }

        @Override
        public int available() {
            if (reportFullBufferOnce > 0) {
                reportFullBufferOnce--;
                return bufferBytes;
            }
            return 0;
        }

        @Override
        public void open(final AudioFormat requested, final int requestedBytes) {
            open = true;
        }

        @Override
        public void open(final AudioFormat requested) {
            open = true;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
            running = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isActive() {
            return running;
        }

        @Override
        public AudioFormat getFormat() {
            return format;
        }

        @Override
        public int getBufferSize() {
            return bufferBytes;
        }

        @Override
        public int getFramePosition() {
            return (int)getLongFramePosition();
        }

        @Override
        public long getMicrosecondPosition() {
            return (long)(getLongFramePosition() * 1e6 / format.getSampleRate());
        }

        @Override
        public float getLevel() {
            return javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
        }

        @Override
        public void drain() {
        }

        @Override
        public void flush() {
        }

        @Override
        public javax.sound.sampled.Line.Info getLineInfo() {
            return new DataLine.Info(TargetDataLine.class, format);
        }

        @Override
        public Control[] getControls() {
            return new Control[0];
        }

        @Override
        public boolean isControlSupported(final Control.Type control) {
            return false;
        }

        @Override
        public Control getControl(final Control.Type control) {
            throw new IllegalArgumentException("no controls");
        }

        @Override
        public void addLineListener(final LineListener listener) {
        }

        @Override
        public void removeLineListener(final LineListener listener) {
        }
    }
}
