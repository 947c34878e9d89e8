package org.earshot.app.cli;

import org.earshot.app.config.ErrorKind;

/**
 * A user error found while running a command (a file that cannot be decoded, an unknown device): one
 * plain line naming the file, device or flag and the problem. Printed without a stack trace.
 */
final class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    /**
     * @param kind    input or usage error
     * @param message one line naming the file or flag and the problem
     */
    UserError(final ErrorKind kind, final String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /**
     * An input error (exit status 1).
     *
     * @param message one line naming the file or device and the problem
     * @return the error
     */
    static UserError input(final String message) {
        return new UserError(ErrorKind.INPUT, message);
    }

    /** @return the exit status */
    int exitStatus() {
        return kind.exitStatus();
    }
}
