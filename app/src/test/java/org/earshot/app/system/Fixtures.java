package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test audio made by the tests: signals synthesised here, written as WAV by hand (so the bytes are
 * known exactly) and converted to FLAC, MP3 and Ogg Vorbis with ffmpeg, which scripts/test-all installs.
 */
final class Fixtures {
    /** WAVE_FORMAT_PCM. */
    static final int FORMAT_PCM = 1;
    /** WAVE_FORMAT_IEEE_FLOAT. */
    static final int FORMAT_FLOAT = 3;

    private Fixtures() {
    }

    /**
     * @param rateHz  sample rate
     * @param seconds length
     * @return silence
     */
    static float[] silence(final int rateHz, final double seconds) {
        return new float[(int)Math.round(rateHz * seconds)];
    }

    /**
     * @param rateHz    sample rate
     * @param seconds   length
     * @param freqHz    frequency
     * @param amplitude peak amplitude
     * @return a sine with 5 ms fades at both ends
     */
    static float[] tone(final int rateHz, final double seconds, final double freqHz, final double amplitude) {
        final float[] x = new float[(int)Math.round(rateHz * seconds)];
        final int fade = rateHz / 200;
        for (int i = 0; i < x.length; i++) {
            final double edge = Math.min(1.0, Math.min(i, x.length - 1 - i) / (double)fade);
            x[i] = (float)(amplitude * edge * Math.sin(2 * Math.PI * freqHz * i / rateHz));
        }
        return x;
    }

    /**
     * @param parts signals
     * @return them one after the other
     */
    static float[] concat(final float[]... parts) {
        int n = 0;
        for (final float[] p : parts) {
            n += p.length;
        }
        final float[] out = new float[n];
        int at = 0;
        for (final float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * Writes a 16-bit PCM WAV with every channel holding the same signal.
     *
     * @param file     where
     * @param rateHz   sample rate written in the header
     * @param channels channel count
     * @param mono     the signal
     * @throws IOException on write failure
     */
    static void writeWav16(final Path file, final int rateHz, final int channels, final float[] mono)
        throws IOException {
        final ByteBuffer data = ByteBuffer.allocate(mono.length * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (final float x : mono) {
            final short s = (short)Math.max(-32768, Math.min(32767, Math.round(x * 32767.0)));
            for (int c = 0; c < channels; c++) {
                data.putShort(s);
            }
        }
        Files.write(file, wav(FORMAT_PCM, rateHz, channels, 16, data.array()));
    }

    /**
     * Writes a 32-bit float WAV, one channel.
     *
     * @param file   where
     * @param rateHz sample rate
     * @param mono   the samples, written as they are (NaN included)
     * @throws IOException on write failure
     */
    static void writeWavFloat(final Path file, final int rateHz, final float[] mono) throws IOException {
        final ByteBuffer data = ByteBuffer.allocate(mono.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (final float x : mono) {
            data.putFloat(x);
        }
        Files.write(file, wav(FORMAT_FLOAT, rateHz, 1, 32, data.array()));
    }

    /**
     * @param formatTag     WAVE format tag
     * @param rateHz        sample rate
     * @param channels      channels
     * @param bitsPerSample bits per sample
     * @param data          the data chunk's bytes
     * @return a whole RIFF/WAVE file
     */
    static byte[] wav(final int formatTag, final int rateHz, final int channels, final int bitsPerSample,
        final byte[] data) {
        final int blockAlign = channels * bitsPerSample / 8;
        final ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data.length);
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short)formatTag).putShort((short)channels).putInt(rateHz).putInt(rateHz * blockAlign);
        b.putShort((short)blockAlign).putShort((short)bitsPerSample);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data.length);
        b.put(data);
        return b.array();
    }

    /**
     * Converts a file with ffmpeg.
     *
     * @param in    source file
     * @param out   target file; its suffix picks the format
     * @param codec extra ffmpeg arguments (codec, bit rate)
     * @throws Exception if ffmpeg is missing or fails
     */
    static void ffmpeg(final Path in, final Path out, final String... codec) throws Exception {
        final List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
            "-y", "-i", in.toString()));
        cmd.addAll(List.of(codec));
        cmd.add(out.toString());
        runTool(cmd);
    }

    /**
     * Runs an external tool, failing the test with its output if it fails.
     *
     * @param cmd the command
     * @return its output (stdout and stderr merged)
     * @throws Exception if it cannot run
     */
    static String runTool(final List<String> cmd) throws Exception {
        final Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (final IOException ex) {
            fail(cmd.get(0) + " is not installed (scripts/test-all installs it): " + ex.getMessage());
            throw ex;
        }
        p.getOutputStream().close();
        final byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " timed out");
        }
        final String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }
}
