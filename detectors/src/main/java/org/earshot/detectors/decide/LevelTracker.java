package org.earshot.detectors.decide;

/**
 * Follows the background level of a stream of frame energies (dB): falls quickly to quieter frames and
 * rises slowly (minimum tracking), so short events stand out against it. Allocation-free.
 */
public final class LevelTracker {
    private final float riseDbPerFrame;
    private float floorDb;
    private boolean started;

    /**
     * @param riseDbPerFrame how fast the floor may rise, dB per frame (0.02 = 2 dB/s at a 10 ms hop)
     */
    public LevelTracker(final float riseDbPerFrame) {
        this.riseDbPerFrame = riseDbPerFrame;
    }

    /**
     * @param energyDb the frame's energy
     * @return the floor after this frame
     */
    public float update(final float energyDb) {
        if (!started) {
            floorDb = energyDb;
            started = true;
        } else if (energyDb < floorDb) {
            floorDb += 0.3f * (energyDb - floorDb);
        } else {
            floorDb += Math.min(energyDb - floorDb, riseDbPerFrame);
        }
        return floorDb;
    }

    /** @return the current floor, dB */
    public float floorDb() {
        return floorDb;
    }

    /** Forgets the level. */
    public void reset() {
        started = false;
    }
}
