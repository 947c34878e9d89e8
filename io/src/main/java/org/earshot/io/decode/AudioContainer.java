package org.earshot.io.decode;

/** The file formats {@link AudioFileDecoder} reads, identified from a file's first bytes. */
public enum AudioContainer {
    /** RIFF WAVE: PCM integer, IEEE float, A-law, mu-law. */
    WAV("WAV"),
    /** AIFF or AIFF-C. */
    AIFF("AIFF"),
    /** Sun/NeXT AU. */
    AU("AU"),
    /** FLAC, decoded by earshot's own {@link org.earshot.io.flac.FlacReader}. */
    FLAC("FLAC"),
    /** MPEG audio (layer III, and I/II), decoded by mp3spi. */
    MP3("MP3"),
    /** Ogg Vorbis, decoded by JOrbis. */
    OGG_VORBIS("Ogg Vorbis");

    private final String displayName;

    AudioContainer(final String displayName) {
        this.displayName = displayName;
    }

    /** @return the name used in messages, e.g. {@code Ogg Vorbis} */
    public String displayName() {
        return displayName;
    }
}
