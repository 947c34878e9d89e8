package org.earshot.io.source;

import org.earshot.io.SourceException;

/**
 * Java Sound offers no capture device at all (a headless machine, a container, a missing driver): the
 * command line may fall back to a demo file.
 */
public final class NoCaptureDeviceException extends SourceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying that no capture device exists
     */
    public NoCaptureDeviceException(final String message) {
        super(message);
    }
}
