package org.earshot.app.config;

import java.util.Locale;

/**
 * Which channel of a multi-channel input feeds the graph: all of them mixed down, or one, numbered from
 * 0 as the io layer's messages number them ({@code the file has 2 channels (0-1)}).
 *
 * @param channel {@link #MIX_ALL} to mix every channel down to mono, else a 0-based channel index
 */
public record ChannelChoice(int channel) {
    /** Highest channel index accepted on the command line (files are checked when opened). */
    public static final int MAX_CHANNEL = 63;
    /** The {@link #channel} value that means "mix every channel". */
    public static final int MIX_ALL = -1;
    /** Mix every channel down to mono (the default). */
    public static final ChannelChoice MIX = new ChannelChoice(MIX_ALL);

    /**
     * @throws ConfigException if the channel is outside {@code [0, MAX_CHANNEL]} and not {@link #MIX_ALL}
     */
    public ChannelChoice {
        if (channel != MIX_ALL && (channel < 0 || channel > MAX_CHANNEL)) {
            throw outOfRange(channel);
        }
    }

    /** @return whether all channels are mixed down */
    public boolean mix() {
        return channel == MIX_ALL;
    }

    /**
     * @param text {@code mix} or a channel index from 0, or null for the default
     * @return the choice
     * @throws ConfigException naming {@code --channel} if the text is neither
     */
    public static ChannelChoice parse(final String text) {
        if (text == null || "mix".equals(text.trim().toLowerCase(Locale.ROOT))) {
            return MIX;
        }
        final int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (final NumberFormatException ex) {
            throw new ConfigException("--channel: '" + text + "' is neither 'mix' nor a channel index (from 0)");
        }
        if (n < 0 || n > MAX_CHANNEL) {
            throw outOfRange(n);
        }
        return new ChannelChoice(n);
    }

    private static ConfigException outOfRange(final int channel) {
        return new ConfigException("--channel: " + channel + " is out of range [0, " + MAX_CHANNEL + "] (or 'mix')");
    }

    @Override
    public String toString() {
        return mix() ? "mix" : Integer.toString(channel);
    }
}
