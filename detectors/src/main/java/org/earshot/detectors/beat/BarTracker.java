package org.earshot.detectors.beat;

/**
 * The beat tracker's bar: gathers, for each beat the tracker commits, the accents near it (the strongest low-band
 * and full-band novelty within an eighth of a period of the beat) and the harmonic change from the beat before
 * ({@link BeatChroma}), and hands each finished beat to the {@link MeterTracker}, which places the coming beats in
 * their bar.
 *
 * <p>A beat is finished when the next beat is committed: its accent window has closed by then, and the spectra
 * heard since it make up its harmonic profile. Pulses the metrical level does not emit as beats (every other pulse
 * while halved) add to the beat before them. Allocation happens only in the constructor.
 */
final class BarTracker {
    /** Half-width of the window in which a beat's accent is looked for, periods. */
    static final double ACCENT_WINDOW_PERIODS = 0.125;

    private final MeterTracker meter = new MeterTracker();
    private final BeatChroma chroma;
    private double accentTime;
    private double lowAccent;
    private double fullAccent;
    private boolean accentOpen;
    private boolean accentIsBeat;
    private boolean pending;
    private double pendingLow;
    private double pendingFull;

    /**
     * @param bins  STFT bins per frame of the spectra {@link #spectrum} receives
     * @param binHz width of a bin, Hz
     */
    BarTracker(final int bins, final double binHz) {
        this.chroma = new BeatChroma(bins, binHz);
    }

    /**
     * Adds one STFT frame to the beat under way.
     *
     * @param magnitude the frame's magnitude spectrum
     */
    void spectrum(final float[] magnitude) {
        chroma.add(magnitude);
    }

    /**
     * Adds one tracker frame's novelty to the accent of the last committed pulse while the frame lies in its window.
     *
     * @param low          the low band's novelty (the full band's when there is no low band)
     * @param full         the full band's novelty
     * @param timeSamples  the frame's time, samples
     * @param periodSamples the pulse period, samples
     */
    void frame(final double low, final double full, final double timeSamples, final double periodSamples) {
        if (!accentOpen) {
            return;
        }
        final double window = ACCENT_WINDOW_PERIODS * periodSamples;
        if (timeSamples > accentTime + window) {
            closeAccent();
        } else if (timeSamples >= accentTime - window) {
            lowAccent = Math.max(lowAccent, low);
            fullAccent = Math.max(fullAccent, full);
        }
    }

    /**
     * A pulse has been committed: the beat before it is finished if this pulse is a beat.
     *
     * @param timeSamples the pulse's predicted time, samples
     * @param isBeat      whether it is emitted as a beat
     */
    void pulse(final double timeSamples, final boolean isBeat) {
        if (accentOpen) {
            closeAccent();
        }
        if (isBeat) {
            final double change = chroma.closeBeat();
            if (pending) {
                meter.observe(pendingLow, pendingFull, change);
                pending = false;
            }
        }
        accentOpen = true;
        accentTime = timeSamples;
        lowAccent = 0.0;
        fullAccent = 0.0;
        accentIsBeat = isBeat;
    }

    /** Beats start again after a pause: the last beat before it counts without a harmonic change. */
    void locked() {
        if (pending) {
            meter.observe(pendingLow, pendingFull, Double.NaN);
            pending = false;
        }
        chroma.reset();
    }

    private void closeAccent() {
        if (accentIsBeat) {
            pendingLow = lowAccent;
            pendingFull = fullAccent;
            pending = true;
        }
        accentOpen = false;
    }

    /** @return the bar position (1 = downbeat) of the beat being committed */
    int barPosition() {
        return meter.barPosition(1);
    }

    /** @return the most likely meter, 3 or 4 */
    int meter() {
        return meter.meter();
    }

    /** Forgets the bar, the accents and the harmonic profile. */
    void reset() {
        meter.reset();
        chroma.reset();
        accentOpen = false;
        pending = false;
    }
}
