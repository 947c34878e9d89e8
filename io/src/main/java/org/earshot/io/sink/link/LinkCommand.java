package org.earshot.io.sink.link;

/**
 * What the sink asks the Link node's thread to do.
 *
 * @param kind     what
 * @param hostTime host time of the beat (BEAT), us; unused otherwise
 * @param bpm      tempo (BEAT, TEMPO)
 * @param barPos   position in the bar, 1 = downbeat (BEAT)
 * @param meter    beats per bar (BEAT)
 */
public record LinkCommand(Kind kind, long hostTime, double bpm, int barPos, int meter) {
    /** The kinds of command. */
    public enum Kind {
        /** A predicted beat: align the timeline on it; start playing if stopped. */
        BEAT,
        /** The tracked tempo (locked): set it, keeping the beat phase. */
        TEMPO,
        /** The tracker lost the beat: stop playing. */
        STOP
    }

    /**
     * @param hostTime host time of the predicted beat, us
     * @param bpm      tracked tempo
     * @param barPos   position in the bar
     * @param meter    beats per bar
     * @return the command
     */
    public static LinkCommand beat(final long hostTime, final double bpm, final int barPos, final int meter) {
        return new LinkCommand(Kind.BEAT, hostTime, bpm, barPos, meter);
    }

    /**
     * @param bpm tracked tempo
     * @return the command
     */
    public static LinkCommand tempo(final double bpm) {
        return new LinkCommand(Kind.TEMPO, 0L, bpm, 0, 0);
    }

    /** @return the command */
    public static LinkCommand stop() {
        return new LinkCommand(Kind.STOP, 0L, 0.0, 0, 0);
    }
}
