package org.earshot.app.config;

/**
 * A user's mistake found while reading the command line: a flag value out of range, an unknown preset
 * or sink, a file that does not exist. The message is one plain line that names the flag or file and
 * the problem; the command prints it and exits with the {@link ErrorKind}'s status, without a stack
 * trace.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kind of mistake. */
    private final ErrorKind kind;

    /**
     * A usage error (exit status 2).
     *
     * @param message one line naming the flag and the problem
     */
    public ConfigException(final String message) {
        this(ErrorKind.USAGE, message);
    }

    /**
     * @param kind    usage or input error
     * @param message one line naming the flag or file and the problem
     */
    public ConfigException(final ErrorKind kind, final String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** @return the kind of mistake, which decides the exit status */
    public ErrorKind kind() {
        return kind;
    }
}
