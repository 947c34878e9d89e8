package org.earshot.app.cli;

import org.earshot.app.config.ConfigException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into an exit status: user errors ({@link UserError}, {@link ConfigException})
 * become one line on stderr and status 1 or 2; anything else is a bug and gets a stack trace and 70.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(final Exception ex, final CommandLine cmd, final ParseResult parsed) {
        if (ex instanceof UserError user) {
            cmd.getErr().println("earshot: " + firstLine(user.getMessage()));
            cmd.getErr().flush();
            return user.exitStatus();
        }
        if (ex instanceof ConfigException config) {
            cmd.getErr().println("earshot: " + firstLine(config.getMessage()));
            cmd.getErr().flush();
            return config.kind().exitStatus();
        }
        cmd.getErr().println("earshot: internal error (please report it): " + ex);
        ex.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return Main.EXIT_INTERNAL;
    }

    /**
     * @param message a message, possibly null or several lines
     * @return its first line, trimmed
     */
    static String firstLine(final String message) {
        if (message == null) {
            return "(no message)";
        }
        final int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
