package org.earshot.detectors.impact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoicingEvidenceTest {
    private static final float VOICED = 0.9f;
    private static final float NOISE = 0.28f;

    /** Feeds {@code before} frames, then an onset followed by {@code after} frames, and marks it pending. */
    private static VoicingEvidence onset(final float before, final float after, final int afterFrames) {
        final VoicingEvidence v = new VoicingEvidence();
        long frame = 0;
        for (int i = 0; i < 100; i++) {
            v.push(before, -1);
            frame++;
        }
        v.push(after, -1);
        frame++;
        v.markCandidate(frame);
        final long onsetFrame = frame;
        v.markPending(0, 0);
        for (int i = 1; i < afterFrames; i++) {
            frame++;
            v.push(after, frame - onsetFrame);
        }
        return v;
    }

    @Test
    void shouldTakeASoundVoicedFromItsOnsetAfterQuietForAVoiceBeginning() {
        final VoicingEvidence v = onset(NOISE, VOICED, ImpactNode.VOICE_FRAMES);
        assertTrue(v.pendingVoiceBeginning());
        assertTrue(v.pendingOnsetVoiced());
        assertFalse(v.pendingUnvoiced());
    }

    @Test
    void shouldNotTakeAnUnvoicedBlowForAVoice() {
        final VoicingEvidence v = onset(NOISE, NOISE, ImpactNode.VOICE_FRAMES);
        assertFalse(v.pendingVoiceBeginning());
        assertFalse(v.pendingVoiceGoingOn());
        assertFalse(v.pendingSomeVoicing());
        assertTrue(v.pendingUnvoiced());
    }

    @Test
    void shouldTakeAVoiceThatSoundsOnUnbrokenForAVoiceGoingOnButNotForOneBeginning() {
        final VoicingEvidence v = onset(VOICED, VOICED, ImpactNode.VOICE_FRAMES);
        assertFalse(v.pendingVoiceBeginning(), "the frames before were voiced: no beginning");
        assertTrue(v.pendingVoiceGoingOn());
    }

    @Test
    void shouldCountOnlyTheFramesSinceAnOnsetForVoicedSince() {
        final VoicingEvidence v = new VoicingEvidence();
        for (int i = 0; i < 50; i++) {
            v.push(VOICED, -1);
        }
        for (int i = 0; i < 10; i++) {
            v.push(NOISE, -1);
        }
        assertFalse(v.voicedSince(9), "the last 10 frames are unvoiced");
        assertTrue(v.voicedSince(40));
        assertTrue(v.unvoicedSince(9));
        assertFalse(v.unvoicedSince(15));
    }
}
