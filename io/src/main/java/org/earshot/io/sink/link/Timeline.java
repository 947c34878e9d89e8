package org.earshot.io.sink.link;

/**
 * A Link session timeline: the tempo, and one point (beat, time) it passes through. Beats are in micro-beats and
 * times in microseconds of the session's ghost time, as on the wire, so that a timeline read from a peer and
 * written back is the same timeline bit for bit.
 *
 * @param microsPerBeat beat period in microseconds (the wire's form of the tempo)
 * @param beatOrigin    the beat, in micro-beats, at {@code timeOrigin}
 * @param timeOrigin    ghost time in microseconds
 */
public record Timeline(long microsPerBeat, long beatOrigin, long timeOrigin) {
    /** Slowest tempo Link accepts, BPM. */
    public static final double MIN_BPM = 20.0;
    /** Fastest tempo Link accepts, BPM. */
    public static final double MAX_BPM = 999.0;
    /** Micro-beats per beat. */
    public static final long MICRO_BEATS = 1_000_000L;

    /**
     * @throws IllegalArgumentException if the period is not positive
     */
    public Timeline {
        if (microsPerBeat <= 0) {
            throw new IllegalArgumentException("microsPerBeat must be positive, got " + microsPerBeat);
        }
    }

    /**
     * @param bpm a tempo, clamped to Link's range
     * @return its beat period in whole microseconds
     */
    public static long microsPerBeat(final double bpm) {
        final double clamped = Math.min(MAX_BPM, Math.max(MIN_BPM, bpm));
        return Math.round(60e6 / clamped);
    }

    /** @return the tempo in BPM */
    public double bpm() {
        return 60e6 / microsPerBeat;
    }

    /**
     * @param ghostMicros a ghost time
     * @return the beat at that time, in micro-beats
     */
    public long microBeatsAt(final long ghostMicros) {
        return beatOrigin + Math.round((ghostMicros - timeOrigin) * (double)MICRO_BEATS / microsPerBeat);
    }

    /**
     * @param ghostMicros a ghost time
     * @return the beat at that time
     */
    public double beatsAt(final long ghostMicros) {
        return microBeatsAt(ghostMicros) / (double)MICRO_BEATS;
    }

    /**
     * @param microBeats a beat, in micro-beats
     * @return the ghost time of that beat
     */
    public long timeAt(final long microBeats) {
        return timeOrigin + Math.round((microBeats - beatOrigin) / (double)MICRO_BEATS * microsPerBeat);
    }
}
