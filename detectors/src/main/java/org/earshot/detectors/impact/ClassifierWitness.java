package org.earshot.detectors.impact;

import java.util.Arrays;

import org.earshot.detectors.classify.ClassifierModel;

/**
 * What the room's classifier says about the frames the impact detector steps through: the background mass that vetoes
 * an impact, the impact-like probability that lifts the veto, the talk heard just before a candidate's onset, and a
 * voice class rising at the pending impact ({@link ImpactNode}'s class documentation has the reasons and the
 * measurements). Without a classifier it has no classes, vetoes nothing and hears nothing. Allocation happens only in the
 * constructor.
 */
final class ClassifierWitness {
    private final boolean[] background;
    /** The classifier's impact-like classes ({@link ImpactNode#IMPACT_CLASSES}), by class index. */
    private final boolean[] impactClass;
    /** The classifier's voice classes ({@link ImpactNode#VOICE_CLASSES}), by class index. */
    private final boolean[] voiceClass;
    /** Per class: one of {@link ImpactNode#VOICED_LABELS} (talk, laughter, crying: sounds that go on in syllables). */
    private final boolean[] voicedClass;
    /** The classifier's last four frames, the newest at {@code pos}. */
    private final float[][] ring;
    /** The classifier three frames before the candidate's onset frame, and the same for the pending impact. */
    private final float[] candidateBefore;
    private final float[] pendingBefore;
    private int pos;
    private boolean heard;
    private float backgroundMass;
    /** The most likely impact-like class's probability at the newest frame. */
    private float impactProb;
    /** A voice class rose at the pending impact. */
    private boolean pendingVoiceRose;

    /** @param model the classifier's model, or null for none */
    ClassifierWitness(final ClassifierModel model) {
        final int n = model == null ? 0 : model.classCount();
        background = new boolean[n];
        impactClass = new boolean[n];
        voiceClass = new boolean[n];
        voicedClass = new boolean[n];
        for (int c = 0; c < n; c++) {
            final String name = model.classes().get(c);
            background[c] = model.isBackground(c);
            impactClass[c] = ImpactNode.IMPACT_CLASSES.contains(name);
            voiceClass[c] = ImpactNode.VOICE_CLASSES.contains(name);
            voicedClass[c] = ImpactNode.VOICED_LABELS.contains(name);
        }
        ring = new float[4][n];
        candidateBefore = new float[n];
        pendingBefore = new float[n];
    }

    /** Takes the classifier's probabilities for the frame about to be stepped. */
    void hear(final float[] p) {
        float mass = 0f;
        float impactMax = 0f;
        for (int c = 0; c < background.length; c++) {
            if (background[c]) {
                mass += p[c];
            } else if (impactClass[c]) {
                impactMax = Math.max(impactMax, p[c]);
            }
        }
        backgroundMass = mass;
        impactProb = impactMax;
        pos = (pos + 1) & 3;
        System.arraycopy(p, 0, ring[pos], 0, ring[pos].length);
        heard = true;
    }

    /** @return whether the classifier puts more than {@link ImpactNode#VETO_MASS} on the background now */
    boolean vetoes() {
        return backgroundMass > ImpactNode.VETO_MASS;
    }

    /**
     * @return whether it gives an impact-like class {@link ImpactNode#LIFT_PROB} or more now, with the background mass
     *     back under the veto's
     */
    boolean liftsVeto() {
        return impactProb >= ImpactNode.LIFT_PROB && backgroundMass <= ImpactNode.VETO_MASS;
    }

    /** Keeps the classifier as it was three frames before the frame being stepped: a candidate's onset is there. */
    void markCandidate() {
        System.arraycopy(ring[(pos + 1) & 3], 0, candidateBefore, 0, candidateBefore.length);
    }

    /** The candidate became the pending impact: its reading before the onset is the pending impact's. */
    void markPending() {
        pendingVoiceRose = false;
        System.arraycopy(candidateBefore, 0, pendingBefore, 0, pendingBefore.length);
    }

    /**
     * @return whether the classifier heard talk, laughter or crying ({@link ImpactNode#VOICED_LABELS}) at
     *     {@link ImpactNode#VOICE_BEFORE_PROB} or more just before the candidate's onset: its unvoiced burst is likely
     *     the next consonant of it
     */
    boolean talkBeforeCandidate() {
        for (int c = 0; c < voicedClass.length; c++) {
            if (voicedClass[c] && candidateBefore[c] >= ImpactNode.VOICE_BEFORE_PROB) {
                return true;
            }
        }
        return false;
    }

    /**
     * Watches the newest frame for a voice class rising at the pending impact: from under
     * {@link ImpactNode#VOICE_BEFORE_PROB} before its onset to {@link ImpactNode#VOICE_RISE_PROB} or more.
     */
    void watchVoiceRise() {
        if (pendingVoiceRose || !heard) {
            return;
        }
        final float[] p = ring[pos];
        for (int c = 0; c < voiceClass.length; c++) {
            if (voiceClass[c] && p[c] >= ImpactNode.VOICE_RISE_PROB && pendingBefore[c] < ImpactNode.VOICE_BEFORE_PROB) {
                pendingVoiceRose = true;
            }
        }
    }

    /** @return whether a voice class rose at the pending impact */
    boolean voiceRose() {
        return pendingVoiceRose;
    }

    /** Forgets everything heard. */
    void reset() {
        pendingVoiceRose = false;
        heard = false;
        pos = 0;
        for (final float[] row : ring) {
            Arrays.fill(row, 0f);
        }
        Arrays.fill(candidateBefore, 0f);
        Arrays.fill(pendingBefore, 0f);
        impactProb = 0f;
        backgroundMass = 0f;
    }
}
