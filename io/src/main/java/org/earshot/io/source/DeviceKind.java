package org.earshot.io.source;

/** Which way a device moves audio. */
public enum DeviceKind {
    /** Microphone or line input: offers Java Sound {@code TargetDataLine}s. */
    CAPTURE,
    /** Speaker or line output: offers Java Sound {@code SourceDataLine}s. */
    PLAYBACK
}
