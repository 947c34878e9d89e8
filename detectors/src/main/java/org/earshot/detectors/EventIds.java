package org.earshot.detectors;

/**
 * Stable numeric ids of the event types defined by detector nodes (the Agrona message type ids of their
 * records). Ids are part of the binary format: never renumber, only add.
 */
public final class EventIds {
    /** {@code level}: RMS and peak over a window. */
    public static final int LEVEL = 1;
    /** {@code onset}: an onset with its strength. */
    public static final int ONSET = 2;
    /** {@code beat}: a predicted beat. */
    public static final int BEAT = 3;
    /** {@code tempo}: a tempo estimate. */
    public static final int TEMPO = 4;
    /** {@code event}: a classified sound event (cough, impact, ...). */
    public static final int SOUND_EVENT = 5;

    private EventIds() {
    }
}
