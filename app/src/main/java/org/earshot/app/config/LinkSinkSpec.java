package org.earshot.app.config;

/**
 * {@code --sink link[:QUANTUM]}: join the Ableton Link session on the LAN and publish the tracked tempo and beat
 * phase; QUANTUM (1 to 16 beats, default 4) is the bar length whose phase the downbeat sets when the tracked meter
 * equals it.
 *
 * @param quantum the Link quantum, beats
 */
public record LinkSinkSpec(int quantum) implements SinkSpec {
    /** Default quantum: a 4/4 bar. */
    public static final int DEFAULT_QUANTUM = 4;

    @Override
    public SinkKind kind() {
        return SinkKind.LINK;
    }

    @Override
    public String describe() {
        return "link:" + quantum;
    }

    static LinkSinkSpec parse(final String spec, final String argument) {
        if (argument == null) {
            return new LinkSinkSpec(DEFAULT_QUANTUM);
        }
        final String text = argument.trim();
        final int quantum;
        try {
            quantum = Integer.parseInt(text);
        } catch (final NumberFormatException ex) {
            throw new ConfigException("--sink " + spec + ": quantum must be a whole number of beats in [1, 16], got '"
                + text + "'");
        }
        if (quantum < 1 || quantum > 16) {
            throw new ConfigException("--sink " + spec + ": quantum must be in [1, 16], got " + quantum);
        }
        return new LinkSinkSpec(quantum);
    }
}
