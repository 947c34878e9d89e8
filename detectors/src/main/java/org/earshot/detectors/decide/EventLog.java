package org.earshot.detectors.decide;

import java.util.Arrays;

/**
 * The event decisions' memory of the last {@link EventDecisionNode#RECORDS} events begun, which answers
 * {@link EventDecisionNode#verdict} (one label per sound) and the decisions' own tests that look back at earlier events
 * (a conversation going on, a context that still held an event written before). Per event: its start and end frames,
 * its label (-1: dropped; a continuation of the event just before keeps that one's label without being written),
 * whether it was written, and the frame counts at which it was begun and decided; per recent frame, the running label of
 * the undecided current event when it was near certain. A fixed ring; allocation happens only in the constructor.
 */
final class EventLog {
    private final long[] start = new long[EventDecisionNode.RECORDS];
    private final long[] end = new long[EventDecisionNode.RECORDS];
    private final int[] label = new int[EventDecisionNode.RECORDS];
    private final long[] begun = new long[EventDecisionNode.RECORDS];
    private final long[] decided = new long[EventDecisionNode.RECORDS];
    /** Per record: true if the event was written (reported). */
    private final boolean[] written = new boolean[EventDecisionNode.RECORDS];
    /**
     * Per frame (frame count mod {@link EventDecisionNode#RUNNING}): the label of the undecided current event if its
     * running mean probability was near certain ({@link EventDecisionNode#CLASS_CERTAIN}) at that frame, else -1.
     */
    private final int[] runningLabel = new int[EventDecisionNode.RUNNING];
    private long records;

    EventLog() {
        Arrays.fill(runningLabel, -1);
    }

    /**
     * Remembers an event just begun, undecided.
     *
     * @param startFrame its start, sample frames
     * @param frameCount the decisions' frame count
     */
    void begin(final long startFrame, final long frameCount) {
        final int i = (int)(records++ % start.length);
        start[i] = startFrame;
        end[i] = Long.MAX_VALUE;
        label[i] = -1;
        written[i] = false;
        begun[i] = frameCount;
        decided[i] = Long.MAX_VALUE;
    }

    /**
     * The event begun last is decided.
     *
     * @param labelIndex  its label (an index of the event type's labels), or -1 if dropped
     * @param endFrame    its end, sample frames
     * @param wasWritten  whether it was written
     * @param frameCount  the decisions' frame count
     */
    void decide(final int labelIndex, final long endFrame, final boolean wasWritten, final long frameCount) {
        if (records == 0) {
            return;
        }
        final int i = (int)((records - 1) % start.length);
        end[i] = endFrame;
        label[i] = labelIndex;
        decided[i] = frameCount;
        written[i] = wasWritten;
    }

    /**
     * @param frameCount the decisions' frame count
     * @param labelIndex the label the undecided current event is near certain of at that frame, or -1
     */
    void running(final long frameCount, final int labelIndex) {
        runningLabel[(int)(frameCount % runningLabel.length)] = labelIndex;
    }

    /**
     * See {@link EventDecisionNode#verdict(long, long, long, boolean[], long)}.
     *
     * @param frameCount the decisions' frame count now
     */
    int verdict(final long startFrame, final long endFrame, final long asOfFrame, final boolean[] allowed,
        final long joinedAfter, final long frameCount) {
        int result = EventDecisionNode.NONE;
        for (long r = Math.max(0, records - start.length); r < records; r++) {
            final int i = (int)(r % start.length);
            if (begun[i] > asOfFrame || start[i] > endFrame || start[i] < joinedAfter) {
                continue;
            }
            if (decided[i] > asOfFrame) {
                final int running = r == records - 1 && frameCount - asOfFrame < runningLabel.length
                    ? runningLabel[(int)(asOfFrame % runningLabel.length)] : -1;
                result = running >= 0 && (running >= allowed.length || !allowed[running])
                    ? EventDecisionNode.LIKELY_OTHER : EventDecisionNode.UNDECIDED;
            } else if (label[i] >= 0 && end[i] >= startFrame
                && (label[i] >= allowed.length || !allowed[label[i]])) {
                return EventDecisionNode.OTHER;
            }
        }
        return result;
    }

    /**
     * @param frame          a hop's centre frame
     * @param newStart       the start of the event being begun (the newest record)
     * @param contextSamples the classifier's context, sample frames
     * @param apartSamples   how long before {@code newStart} the earlier event must have ended, sample frames
     * @return true if the classifier's context at that hop held an event written earlier, one that ended at least
     *     {@code apartSamples} before {@code newStart}: the hop lies between that event's start and its end plus one
     *     context
     */
    boolean heardInWritten(final long frame, final long newStart, final long contextSamples, final long apartSamples) {
        for (long r = Math.max(0, records - start.length); r < records - 1; r++) {
            final int i = (int)(r % start.length);
            if (written[i] && frame >= start[i] && frame <= end[i] + contextSamples
                && newStart - end[i] >= apartSamples) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param labelIndex   a label index of the event type
     * @param currentStart the start of the event begun last, sample frames
     * @param withinSamples how soon before it the event before it must have ended, sample frames
     * @return true if the event before the one begun last was written with that label (or was itself the continuation of
     *     one that was) and ended within {@code withinSamples} before {@code currentStart}
     */
    boolean previousHadLabel(final int labelIndex, final long currentStart, final long withinSamples) {
        if (records < 2) {
            return false;
        }
        final int i = (int)((records - 2) % start.length);
        return label[i] == labelIndex && currentStart - end[i] <= withinSamples;
    }

    /** Forgets every event. */
    void reset() {
        records = 0;
        Arrays.fill(runningLabel, -1);
    }
}
