package org.earshot.io;

/**
 * How a multi-channel input becomes the mono stream a graph reads: the mean of all channels, or one
 * channel chosen by its 0-based index.
 *
 * @param downmix true to average every channel
 * @param channel the 0-based channel to keep when not downmixing; -1 when downmixing
 */
public record ChannelSelection(boolean downmix, int channel) {
    /** Average every channel. */
    public static final ChannelSelection DOWNMIX = new ChannelSelection(true, -1);

    /**
     * Validates the pair.
     *
     * @throws IllegalArgumentException if channel is negative without downmix, or set with it
     */
    public ChannelSelection {
        if (downmix && channel != -1) {
            throw new IllegalArgumentException("channel must be -1 when downmixing, got " + channel);
        }
        if (!downmix && channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0, got " + channel);
        }
    }

    /** @return the selection that averages every channel */
    public static ChannelSelection downmixAll() {
        return DOWNMIX;
    }

    /**
     * @param index 0-based channel index, 0 or more
     * @return the selection that keeps that channel only
     * @throws IllegalArgumentException if index is negative
     */
    public static ChannelSelection channel(final int index) {
        return new ChannelSelection(false, index);
    }

    /**
     * @param channels number of channels of the input
     * @return true if this selection can be applied to an input with that many channels
     */
    public boolean fits(final int channels) {
        return downmix || channel < channels;
    }

    /** @return "downmix" or "channel N", for messages */
    public String describe() {
        return downmix ? "downmix" : "channel " + channel;
    }
}
