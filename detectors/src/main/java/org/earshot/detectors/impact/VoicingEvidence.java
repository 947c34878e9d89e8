package org.earshot.detectors.impact;

import java.util.Arrays;

/**
 * The voicing of the frames around an impact, which tells a voice beginning from a blow: a syllable is voiced from its
 * start, a blow or a slammed door is not, and a blow that lands in a syllable breaks its voicing where it rings
 * ({@link ImpactNode}'s class documentation has the rules and what they were measured on). Keeps whether each of the
 * last {@link ImpactNode#HOLD_FRAMES} frames was voiced, the count before the candidate's onset, and the pending impact's
 * counts from its onset. Allocation happens only in the constructor.
 */
final class VoicingEvidence {
    private final byte[] ring = new byte[ImpactNode.HOLD_FRAMES];
    private int pos;
    private int candidateBefore;
    private int pendingBefore;
    private int pendingAfter;
    private int pendingOnset;
    private int pendingSteady;
    /** Frames from the pending impact's onset over which {@link #pendingSteady} counts. */
    private int pendingSteadyFrames;

    /**
     * Takes the newest frame's voicing.
     *
     * @param voicing                   the frame's voicing ({@link org.earshot.dsp.stft.Voicing})
     * @param framesSincePendingOnset   frames from the pending impact's onset frame to this one, or -1 when none is
     *                                  pending
     */
    void push(final float voicing, final long framesSincePendingOnset) {
        pos = pos + 1 == ring.length ? 0 : pos + 1;
        final byte voiced = voicing >= ImpactNode.VOICED ? (byte)1 : (byte)0;
        ring[pos] = voiced;
        if (framesSincePendingOnset >= 0) {
            countPending(framesSincePendingOnset, voiced);
        }
    }

    /** Counts one frame of the pending impact, {@code sinceOnset} frames after its onset frame, into its counts. */
    private void countPending(final long sinceOnset, final int voiced) {
        if (sinceOnset < ImpactNode.VOICE_FRAMES) {
            pendingAfter += voiced;
            if (sinceOnset < ImpactNode.VOICE_ONSET_FRAMES) {
                pendingOnset += voiced;
            }
            if (sinceOnset < pendingSteadyFrames) {
                pendingSteady += voiced;
            }
        }
    }

    /**
     * Counts the voiced frames of the {@link ImpactNode#VOICE_BEFORE_FRAMES} before the newest one, a candidate's onset.
     *
     * @param framesHeard frames stepped so far, the newest included
     */
    void markCandidate(final long framesHeard) {
        candidateBefore = 0;
        for (int age = 1; age <= Math.min(ImpactNode.VOICE_BEFORE_FRAMES, framesHeard - 1); age++) {
            candidateBefore += at(age);
        }
    }

    /**
     * The candidate became the pending impact: counts its frames heard so far.
     *
     * @param onsetAge     age of the candidate's onset frame (0 for the newest frame)
     * @param peakAge      age of its loudest frame
     */
    void markPending(final long onsetAge, final long peakAge) {
        pendingBefore = candidateBefore;
        pendingAfter = 0;
        pendingOnset = 0;
        pendingSteady = 0;
        pendingSteadyFrames = (int)Math.min(ImpactNode.VOICE_FRAMES, Math.max(ImpactNode.VOICE_STEADY_FRAMES,
            onsetAge - peakAge + 1 + ImpactNode.VOICE_AFTER_PEAK_FRAMES));
        for (long f = 0; f <= onsetAge && f < ImpactNode.VOICE_FRAMES; f++) {
            countPending(f, at(onsetAge - f));
        }
    }

    /**
     * @param onsetAge age of the candidate's onset frame
     * @return whether no frame of the candidate's first {@link ImpactNode#VOICE_ONSET_FRAMES} heard so far is voiced
     */
    boolean unvoicedSince(final long onsetAge) {
        for (long f = 0; f <= onsetAge && f < ImpactNode.VOICE_ONSET_FRAMES; f++) {
            if (at(onsetAge - f) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param onsetAge age of an onset frame
     * @return whether more than {@link ImpactNode#VOICED_BEFORE_SHARE} of the frames from that onset to now are voiced:
     *     a syllable after a sentence's first, not a knock
     */
    boolean voicedSince(final long onsetAge) {
        final int n = (int)Math.min(onsetAge + 1, ImpactNode.HOLD_FRAMES);
        int voiced = 0;
        for (int age = 0; age < n; age++) {
            voiced += at(age);
        }
        return voiced > ImpactNode.VOICED_BEFORE_SHARE * n;
    }

    /** @return whether any of the pending impact's first {@link ImpactNode#VOICE_ONSET_FRAMES} was voiced */
    boolean pendingOnsetVoiced() {
        return pendingOnset > 0;
    }

    /** @return whether none of the pending impact's first frames, nor of its steady span, was voiced */
    boolean pendingUnvoiced() {
        return pendingOnset == 0 && pendingSteady == 0;
    }

    /**
     * @return whether the pending impact holds some voicing in its first half second, the voicing meter's witness to a
     *     voice class that rose at it ({@link ImpactNode#VOICE_RISE_VOICED_SHARE})
     */
    boolean pendingSomeVoicing() {
        return pendingAfter >= ImpactNode.VOICE_RISE_VOICED_SHARE * ImpactNode.VOICE_FRAMES;
    }

    /**
     * @return whether the pending impact is a voice beginning: voiced from its first 100 ms and for much of its first
     *     half second, and not in the 200 ms before
     */
    boolean pendingVoiceBeginning() {
        return pendingOnset >= ImpactNode.VOICED_AFTER_SHARE * ImpactNode.VOICE_ONSET_FRAMES
            && pendingAfter >= ImpactNode.VOICED_AFTER_SHARE * ImpactNode.VOICE_FRAMES
            && pendingBefore <= ImpactNode.VOICED_BEFORE_SHARE * ImpactNode.VOICE_BEFORE_FRAMES;
    }

    /**
     * @return whether the pending impact is a voice going on: voiced without a break over its steady span and for much
     *     of its first half second, whatever came before
     */
    boolean pendingVoiceGoingOn() {
        return pendingSteady >= ImpactNode.VOICED_STEADY_SHARE * pendingSteadyFrames
            && pendingAfter >= ImpactNode.VOICED_AFTER_SHARE * ImpactNode.VOICE_FRAMES;
    }

    /** @return 1 if the frame of that age (0 for the newest) was voiced, else 0 */
    private int at(final long age) {
        final int k = pos - (int)age;
        return ring[k < 0 ? k + ring.length : k];
    }

    /** Forgets every frame. */
    void reset() {
        Arrays.fill(ring, (byte)0);
        pos = 0;
        candidateBefore = 0;
        pendingBefore = 0;
        pendingAfter = 0;
        pendingOnset = 0;
        pendingSteady = 0;
        pendingSteadyFrames = 0;
    }
}
