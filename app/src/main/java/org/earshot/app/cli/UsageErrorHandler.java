package org.earshot.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Prints a command-line mistake as one line, {@code earshot: Unknown option: '--x' (see earshot live --help)},
 * instead of picocli's full usage, and returns exit status 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    /** Exit status of a usage error. */
    static final int EXIT_USAGE = 2;

    @Override
    public int handleParseException(final ParameterException ex, final String[] args) {
        final CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("earshot: " + FailureHandler.firstLine(ex.getMessage())
            + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
        cmd.getErr().flush();
        return EXIT_USAGE;
    }
}
