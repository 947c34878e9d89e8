package org.earshot.detectors.beat;

/**
 * The beat tracker's bar: gathers, for each beat the tracker commits, the accents near it within an eighth of a
 * period of the beat (the loudest energy below {@link BeatTrackerConfig#lowBandMaxHz()}, in dB, and the strongest
 * full-band novelty) and the harmonic change from the beat before ({@link BeatChroma}), and hands each finished beat
 * to the {@link MeterTracker}, which places the coming beats in their bar.
 *
 * <p>The low band's accent is its energy rather than its onset novelty: the novelty of a few low bins is a log-flux
 * that varies more from hit to hit than a louder downbeat raises it (a metronome's 5 dB louder downbeat click, whose
 * low band holds only the click's noise, was read only after some ten bars from the novelty, after one from the
 * energy), and on the development set the energy gave downbeat F 0.481 against 0.462 for the novelty (48 kHz 0.405
 * against 0.381, 22.05 kHz 0.492 against 0.470, 16 kHz 0.431 against 0.464). Without a low band the full band's
 * novelty stands for both.
 *
 * <p>A beat is finished when the next beat is committed: its accent window has closed by then, and the spectra
 * heard since it make up its harmonic profile. Pulses the metrical level does not emit as beats (every other pulse
 * while halved) add to the beat before them. Allocation happens only in the constructor.
 */
final class BarTracker {
    private final MeterTracker meter = new MeterTracker();
    private final BeatChroma chroma;
    /** STFT bins summed for the low band's energy (from bin 1, leaving out DC), or 0 for no low band. */
    private final int lowBins;
    private double lowDb = Double.NaN;
    private double accentTime;
    private double lowAccent;
    private double fullAccent;
    private boolean accentOpen;
    private boolean accentIsBeat;
    private boolean pending;
    private double pendingLow;
    private double pendingFull;

    /**
     * @param bins    STFT bins per frame of the spectra {@link #spectrum} receives
     * @param binHz   width of a bin, Hz
     * @param lowMaxHz upper edge of the low band, Hz, or 0 for none
     */
    BarTracker(final int bins, final double binHz, final double lowMaxHz) {
        this.chroma = new BeatChroma(bins, binHz);
        this.lowBins = lowMaxHz > 0.0 ? Math.min(bins, (int)Math.floor(lowMaxHz / binHz) + 1) : 0;
    }

    /**
     * Adds one STFT frame to the beat under way.
     *
     * @param magnitude the frame's magnitude spectrum
     */
    void spectrum(final float[] magnitude) {
        chroma.add(magnitude);
        if (lowBins > 0) {
            double energy = 0.0;
            for (int k = 1; k < lowBins; k++) {
                energy += (double)magnitude[k] * magnitude[k];
            }
            lowDb = 10.0 * Math.log10(energy + 1e-20);
        }
    }

    /**
     * Adds one tracker frame to the accent of the last committed pulse while the frame lies in its window: the full
     * band's novelty, and the low band's energy of the last spectrum {@link #spectrum} received.
     *
     * @param full          the full band's novelty
     * @param timeSamples   the frame's time, samples
     * @param periodSamples the pulse period, samples
     */
    void frame(final double full, final double timeSamples, final double periodSamples) {
        final double low = lowBins > 0 && !Double.isNaN(lowDb) ? lowDb : full;
        if (!accentOpen) {
            return;
        }
        final double window = PulseLevel.ACCENT_WINDOW_PERIODS * periodSamples;
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
        lowAccent = Double.NEGATIVE_INFINITY;
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
        if (accentIsBeat && lowAccent > Double.NEGATIVE_INFINITY) {
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
        lowDb = Double.NaN;
    }
}
