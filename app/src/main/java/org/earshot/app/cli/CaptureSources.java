package org.earshot.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.earshot.app.config.ChannelChoice;
import org.earshot.app.config.GraphSettings;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.source.CaptureSource;
import org.earshot.io.source.CaptureSourceOptions;
import org.earshot.io.source.NoCaptureDeviceException;

/** Opens Java Sound capture devices and reports the requested and granted buffer sizes. */
final class CaptureSources {
    private CaptureSources() {
    }

    /**
     * @param device  a device name (or part of one), or null for the default device
     * @param graph   rate and block
     * @param channel which channel of the device feeds the graph
     * @param err     where the buffer sizes are reported
     * @return the open, capturing device
     * @throws SourceException when the device cannot be opened; {@link NoCaptureDeviceException} when
     *                         there is none at all
     */
    static AudioSource open(final String device, final GraphSettings graph, final ChannelChoice channel,
        final PrintWriter err) throws SourceException {
        final ChannelSelection selection = channel.mix()
            ? ChannelSelection.DOWNMIX : ChannelSelection.channel(channel.channel());
        final CaptureSourceOptions options = new CaptureSourceOptions(device, graph.sampleRateHz(), selection,
            graph.blockFrames(), CaptureSourceOptions.DEFAULT_BUFFER_BLOCKS);
        final CaptureSource source = CaptureSource.open(options);
        final int rateHz = source.captureRateHz();
        err.println(String.format(Locale.ROOT,
            "earshot: capture buffer: requested %d frames (%.1f ms), granted %d frames (%.1f ms) at %d Hz",
            source.requestedBufferFrames(), source.requestedBufferFrames() * 1000.0 / rateHz,
            source.grantedBufferFrames(), source.grantedBufferFrames() * 1000.0 / rateHz, rateHz));
        err.flush();
        return source;
    }
}
