package org.earshot.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.earshot.app.config.ChannelChoice;
import org.earshot.app.config.ErrorKind;
import org.earshot.app.config.InputSpec;
import org.earshot.app.config.LiveConfig;
import org.earshot.app.demo.DemoSource;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;
import org.earshot.io.source.NoCaptureDeviceException;
import org.earshot.io.source.Pacing;

/** Opens the audio source a command was asked for, turning source failures into one-line user errors. */
final class Sources {
    private Sources() {
    }

    /**
     * Opens the input of {@code earshot live}: a capture device, a file paced at real time, or, when no
     * device was named and none exists, the demo clip (saying so in one line on {@code err}).
     *
     * @param config the live configuration
     * @param err    where the fallback notice and the capture buffer sizes go
     * @return the open source, at the graph's rate
     * @throws UserError naming the input and the problem
     */
    static AudioSource openLive(final LiveConfig config, final PrintWriter err) throws UserError {
        final int rateHz = config.graph().sampleRateHz();
        final InputSpec input = config.input();
        if (input instanceof InputSpec.AudioFile file) {
            return openFile(file.path(), rateHz, config.channel(), true);
        }
        final String device = input instanceof InputSpec.Device named ? named.name() : null;
        try {
            return CaptureSources.open(device, config.graph(), config.channel(), err);
        } catch (final NoCaptureDeviceException ex) {
            if (device != null) {
                throw UserError.input("--input " + device + ": " + FailureHandler.firstLine(ex.getMessage())
                    + " (see earshot devices)");
            }
            err.println("earshot: no capture device found (" + reason(ex) + "); playing the bundled demo clip instead");
            err.flush();
            return DemoSource.realTime(rateHz);
        } catch (final SourceException ex) {
            throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
        }
    }

    /**
     * @param ex the capture side's "no device" error
     * @return why there is no device, e.g. {@code Java Sound lists none}: the message's closing
     *     parenthesis if it has one, else the whole first line
     */
    static String reason(final NoCaptureDeviceException ex) {
        final String message = FailureHandler.firstLine(ex.getMessage());
        final int open = message.lastIndexOf('(');
        if (message.endsWith(")") && open >= 0 && open < message.length() - 2) {
            return message.substring(open + 1, message.length() - 1);
        }
        return message;
    }

    /**
     * Opens a file, resampled to the graph rate.
     *
     * @param file     the file
     * @param rateHz   graph rate
     * @param channel  which channel
     * @param realTime true to pace it like a live input, false to read as fast as possible
     * @return the source
     * @throws UserError naming the file and the problem
     */
    static AudioSource openFile(final Path file, final int rateHz, final ChannelChoice channel, final boolean realTime)
        throws UserError {
        final ChannelSelection selection = channel.mix()
            ? ChannelSelection.DOWNMIX : ChannelSelection.channel(channel.channel());
        final FileSourceOptions options = new FileSourceOptions(rateHz, selection,
            realTime ? Pacing.REAL_TIME : Pacing.AS_FAST_AS_POSSIBLE, false);
        try {
            return FileSource.open(file, options);
        } catch (final SourceException ex) {
            throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
        }
    }

    /**
     * @param failure what the source pump caught
     * @param source  the source's description
     * @return a user error for a source's own (user-facing) failure
     * @throws Exception the failure itself when it is an internal error
     */
    static UserError asUserError(final Throwable failure, final String source) throws Exception {
        if (failure instanceof SourceException) {
            final String message = FailureHandler.firstLine(failure.getMessage());
            return new UserError(ErrorKind.INPUT, message.contains(source) ? message : source + ": " + message);
        }
        if (failure instanceof Exception ex) {
            throw ex;
        }
        throw new IllegalStateException("source " + source + " failed", failure);
    }
}
