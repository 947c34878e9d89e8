package org.earshot.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.earshot.io.source.DeviceInfo;
import org.earshot.io.source.Devices;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code earshot devices}: lists the capture and playback devices Java Sound offers, with the channel
 * counts, sample sizes and rates each accepts. Any part of a capture device's name works as
 * {@code earshot live --input NAME}.
 */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = "List capture and playback devices with their formats. Use (part of) a capture device's name "
        + "with `earshot live --input NAME`.")
final class DevicesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        print(out, "capture devices", Devices.captureDevices(),
            "(none: `earshot live` without --input plays the bundled demo clip)");
        out.println();
        print(out, "playback devices", Devices.playbackDevices(), "(none)");
        out.flush();
        return 0;
    }

    private static void print(final PrintWriter out, final String title, final List<DeviceInfo> devices,
        final String none) {
        out.println(title + ":");
        if (devices.isEmpty()) {
            out.println("  " + none);
            return;
        }
        for (final DeviceInfo d : devices) {
            out.println("  " + d.name() + (d.isDefault() ? "  (default)" : ""));
            final boolean noVendor = d.vendor() == null || d.vendor().isBlank();
            out.println("      " + d.description() + (noVendor ? "" : ", " + d.vendor()));
            out.println("      formats: " + formats(d));
        }
    }

    /**
     * @param d a device
     * @return e.g. {@code 1-2 ch, 8/16/24 bit, any rate}
     */
    static String formats(final DeviceInfo d) {
        final String channels = d.channelCounts().isEmpty() ? "? ch"
            : join(d.channelCounts(), "/") + " ch";
        final String bits = d.sampleSizesBits().isEmpty() ? "? bit" : join(d.sampleSizesBits(), "/") + " bit";
        final String rates = d.anySampleRate() ? "any rate"
            : d.sampleRatesHz().isEmpty() ? "rates unknown" : join(d.sampleRatesHz(), "/") + " Hz";
        return channels + ", " + bits + ", " + rates;
    }

    /**
     * @param values    ascending values
     * @param separator between items
     * @return the values, runs of three or more consecutive values written as {@code first-last}
     */
    static String join(final List<Integer> values, final String separator) {
        final StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(separator);
            }
            if (j - i >= 2) {
                b.append(values.get(i)).append('-').append(values.get(j));
            } else {
                b.append(values.get(i));
                j = i;
            }
            i = j + 1;
        }
        return b.toString();
    }
}
