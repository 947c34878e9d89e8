package org.earshot.app.config;

/** The two kinds of user error, and the exit status each gives. */
public enum ErrorKind {
    /** A bad input: a missing, unreadable or undecodable file, an unknown device. Exit status 1. */
    INPUT(1),
    /** A bad command line: unknown flag, value out of range, unknown preset or sink. Exit status 2. */
    USAGE(2);

    private final int exitStatus;

    ErrorKind(final int exitStatus) {
        this.exitStatus = exitStatus;
    }

    /** @return the process exit status */
    public int exitStatus() {
        return exitStatus;
    }
}
