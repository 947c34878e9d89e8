package org.earshot.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code earshot live --input} names: nothing (the default capture device), a file that exists
 * (played at real-time pace), or a capture device by name.
 */
public sealed interface InputSpec {
    /** File name endings taken as "meant to be a file" even when the file does not exist. */
    Set<String> AUDIO_SUFFIXES = Set.of(".wav", ".wave", ".aif", ".aiff", ".aifc", ".au", ".snd", ".flac", ".mp3",
        ".ogg", ".oga");

    /** @return a short description for messages */
    String describe();

    /** No {@code --input}: the system's default capture device, or the demo clip if there is none. */
    record DefaultDevice() implements InputSpec {
        @Override
        public String describe() {
            return "default capture device";
        }
    }

    /**
     * A capture device chosen by (part of) its name, as {@code earshot devices} lists it.
     *
     * @param name the name the user typed
     */
    record Device(String name) implements InputSpec {
        /**
         * @throws ConfigException if the name is blank
         */
        public Device {
            if (name == null || name.isBlank()) {
                throw new ConfigException("--input: device name must not be blank");
            }
        }

        @Override
        public String describe() {
            return "capture device '" + name + "'";
        }
    }

    /**
     * An audio file streamed at real-time pace, as if it were a live input.
     *
     * @param path the file, which exists and is a regular file
     */
    record AudioFile(Path path) implements InputSpec {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * Interprets an {@code --input} value: an existing file is a file; a value that looks like a path
     * (has a separator or an audio file suffix) but does not exist is an error; anything else is a
     * device name.
     *
     * @param text the value, or null when the flag was not given
     * @return the input
     * @throws ConfigException for a missing file or a directory
     */
    static InputSpec parse(final String text) {
        if (text == null) {
            return new DefaultDevice();
        }
        final Path path = Path.of(text);
        if (Files.isDirectory(path)) {
            throw new ConfigException(ErrorKind.INPUT,
                "--input " + text + ": is a directory, not an audio file or device");
        }
        if (Files.exists(path)) {
            return new AudioFile(path);
        }
        if (looksLikePath(text)) {
            throw new ConfigException(ErrorKind.INPUT, "--input " + text + ": no such file");
        }
        return new Device(text);
    }

    private static boolean looksLikePath(final String text) {
        if (text.indexOf('/') >= 0 || text.indexOf(java.io.File.separatorChar) >= 0) {
            return true;
        }
        final String lower = text.toLowerCase(Locale.ROOT);
        for (final String suffix : AUDIO_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
