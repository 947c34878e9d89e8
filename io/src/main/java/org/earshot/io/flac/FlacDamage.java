package org.earshot.io.flac;

/**
 * The corrupt frames a {@link FlacReader} concealed with silence.
 *
 * @param corruptStretches places where decoding failed (a CRC mismatch, an invalid field, a lost sync
 *                         code), each running up to the next good frame: one or more FLAC frames
 * @param silencedFrames audio frames (samples per channel) played as silence in their place
 * @param firstProblem   where the first one was and what was wrong with it, e.g.
 *                       {@code FLAC frame 12 (byte 40960): frame CRC-16 mismatch (...)}
 * @param firstAtFrame   stream position of the first silenced frame, in audio frames
 */
public record FlacDamage(int corruptStretches, long silencedFrames, String firstProblem, long firstAtFrame) {
}
