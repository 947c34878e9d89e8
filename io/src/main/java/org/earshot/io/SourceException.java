package org.earshot.io;

import java.io.IOException;

/**
 * A source failed for a reason the user can act on: a missing, truncated or corrupt file, an unsupported
 * format, a capture device that cannot be found or opened. The message is one line that names the file,
 * device or flag and the problem; it is meant to be printed as is, without a stack trace.
 */
public class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file, device or flag and the problem
     */
    public SourceException(final String message) {
        super(message);
    }

    /**
     * @param message one line naming the file, device or flag and the problem
     * @param cause   the underlying failure, kept for debugging (not shown to users)
     */
    public SourceException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
