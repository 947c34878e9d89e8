package org.earshot.detectors.beat;

import org.earshot.detectors.classify.ClassProbabilities;

/**
 * Tells the beat tracker when what it hears is talk: the mean probability of the room classifier's {@code speech}
 * class over the last {@value #WINDOW_SECONDS} s reaching {@value #SPEECH_ON}. Synthetic and read-out speech has an
 * even syllable rhythm that the tracker's confidence gate takes for a pulse. The classifier, trained on speech against
 * everyday sounds, gives speech over 0.5 on 70 % of the hops of a generated conversation and under 0.5 on all but
 * 0–7 % of the hops of the development set's mixes with vocals, but on 53 % of a song carried by a solo voice
 * (SIMAC's {@code 01_H_mikri_Rallou}). So talk keeps beats from <em>starting</em>, and a tracker already locked goes on
 * through it only while its confidence, over the last seconds and over the last second alone, stays at
 * {@value #CONFIDENCE_OFF_IN_TALK} or more ({@link BeatGate}), where a locked band keeps
 * it (that song keeps F 1.0; stopping the tracker on any talk gives it 0.64) and a sentence's syllable rhythm soon
 * loses it: a conversation's beats fall from 281 without the gate to 83 with the start gate alone and to 39 with
 * both, in 8.1 minutes.
 *
 * <p>Frame-accurate, so the answer does not depend on block sizes: the classifier's frames are kept with their
 * centre sample, and the answer at a sample time reads the frames centred from {@value #WINDOW_SECONDS} s to
 * {@value #LAG_SECONDS} s before it, all of which the classifier has finished by then whatever the block. Allocation
 * happens only in the constructor.
 */
final class SpeechGate {
    /** Span of the mean, seconds. */
    static final double WINDOW_SECONDS = 2.0;
    /**
     * Span of the second, shorter mean that also keeps beats from starting, seconds: at a sentence's start the 2 s
     * mean still holds the pause before it, and most beats that got past the gate started in those first seconds of a
     * sentence; half a second of speech is enough to hold them (four generated conversations: 95 → 81 beats, every
     * score of the development set unchanged at 44.1, 48, 22.05 and 16 kHz).
     */
    static final double START_WINDOW_SECONDS = 0.5;
    /** The newest classifier frame read is centred this long before the time asked about, seconds. */
    static final double LAG_SECONDS = 0.1;
    /**
     * Classifier frames needed before the gate answers, seconds: short, because the tracker can lock on a clear
     * pulse within a second of the sound's start, and a lock is not undone by talk.
     */
    static final double NEEDED_SECONDS = 0.3;
    /** Mean speech probability at and above which the sound is talk. */
    static final double SPEECH_ON = 0.5;
    /**
     * Predictive correlation (the confidence, or its recent span) below which a locked tracker stops while either
     * mean of the gate hears talk, instead of
     * {@link BeatTrackerConfig#confidenceOff()}: above the confidence that starts beats, so that a pulse read into
     * talk must be clearly better foreseen than the one that started them.
     */
    static final double CONFIDENCE_OFF_IN_TALK = 0.25;

    private final int speechClass;
    private final long windowSamples;
    private final long startWindowSamples;
    private final long lagSamples;
    private final int neededFrames;
    private final long[] centre;
    private final float[] prob;
    /** The queue: the oldest frame the {@value #WINDOW_SECONDS} s mean still holds, and the next free slot. */
    private int head;
    private int tail;
    private int count;
    /** Frames of the queue that have entered both means (the first {@code inMean}). */
    private int inMean;
    private double sum;
    /** Frames of the first {@code inMean} that have already left the {@value #START_WINDOW_SECONDS} s mean. */
    private int leftStart;
    private double startSum;
    private boolean talk;
    private boolean talkBegins;

    /**
     * @param speechClass     the classifier's index of {@code speech}
     * @param sampleRateHz    the graph's rate
     * @param framesPerSecond classifier frames per second
     */
    SpeechGate(final int speechClass, final int sampleRateHz, final double framesPerSecond) {
        this.speechClass = speechClass;
        this.windowSamples = Math.round(WINDOW_SECONDS * sampleRateHz);
        this.startWindowSamples = Math.round(START_WINDOW_SECONDS * sampleRateHz);
        this.lagSamples = Math.round(LAG_SECONDS * sampleRateHz);
        this.neededFrames = (int)Math.ceil(NEEDED_SECONDS * framesPerSecond);
        final int capacity = (int)Math.ceil((WINDOW_SECONDS + LAG_SECONDS + 1.0) * framesPerSecond) + 64;
        this.centre = new long[capacity];
        this.prob = new float[capacity];
    }

    /** Takes the classifier's frames of this block. */
    void push(final ClassProbabilities p) {
        for (int i = 0; i < p.count(); i++) {
            if (count == centre.length) {
                return; // cannot happen while the tracker asks once per tracker frame; never blocks or throws
            }
            centre[tail] = p.centreFrame(i);
            prob[tail] = p.probs(i)[speechClass];
            tail = tail + 1 == centre.length ? 0 : tail + 1;
            count++;
        }
    }

    /**
     * Moves both means to the window before {@code timeSamples}; {@link #talk()} and {@link #talkBegins()} then answer
     * for that time.
     *
     * @param timeSamples the time asked about, samples; calls come in increasing time
     */
    void advance(final double timeSamples) {
        final double newest = timeSamples - lagSamples;
        // frames that have entered the windows: the first inMean of the queue are in the long one
        int i = index(inMean);
        while (inMean < count && centre[i] <= newest) {
            sum += prob[i];
            startSum += prob[i];
            inMean++;
            i = i + 1 == centre.length ? 0 : i + 1;
        }
        // frames that have left the short window (they are older than any the long window drops)
        final double startOldest = newest - startWindowSamples;
        i = index(leftStart);
        while (leftStart < inMean && centre[i] <= startOldest) {
            startSum -= prob[i];
            leftStart++;
            i = i + 1 == centre.length ? 0 : i + 1;
        }
        final double oldest = newest - windowSamples;
        while (leftStart > 0 && centre[head] <= oldest) {
            sum -= prob[head];
            head = head + 1 == centre.length ? 0 : head + 1;
            count--;
            inMean--;
            leftStart--;
        }
        talk = inMean >= neededFrames && sum / inMean >= SPEECH_ON;
        final int inStart = inMean - leftStart;
        talkBegins = inStart >= neededFrames && startSum / inStart >= SPEECH_ON;
    }

    /**
     * @return true if, at the time of the last {@link #advance}, the mean speech probability over the
     *     {@value #WINDOW_SECONDS} s before it reaches {@link #SPEECH_ON}, with at least {@link #NEEDED_SECONDS} of it
     *     heard
     */
    boolean talk() {
        return talk;
    }

    /**
     * @return the same for the {@value #START_WINDOW_SECONDS} s mean, which only keeps beats from starting
     */
    boolean talkBegins() {
        return talkBegins;
    }

    private int index(final int k) {
        final int i = head + k;
        return i >= centre.length ? i - centre.length : i;
    }

    /** Forgets every frame. */
    void reset() {
        head = 0;
        tail = 0;
        count = 0;
        inMean = 0;
        sum = 0.0;
        leftStart = 0;
        startSum = 0.0;
        talk = false;
        talkBegins = false;
    }
}
