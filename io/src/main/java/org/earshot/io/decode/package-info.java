/**
 * Streaming decoding of audio files to float samples:
 * {@link org.earshot.io.decode.AudioFileDecoder} reads WAV, AIFF and AU (8/16/24/32-bit integer, 32/64-bit
 * float, A-law, mu-law) and MP3 through Java Sound and its service providers (mp3spi), FLAC through
 * earshot's own decoder ({@link org.earshot.io.flac.FlacReader}), and Ogg Vorbis through JOrbis directly,
 * and hands out one channel or the downmix of all. Java Sound decoders that keep reading past the end of a
 * corrupt file are stopped by a guard on their input stream.
 *
 * <p>Every file is identified by its first bytes before any decoder sees it, so that a garbage file gets
 * a plain message rather than noise from a permissive decoder. Lengths are checked against what the file
 * declares (WAV/AIFF headers, FLAC STREAMINFO, the LAME tag of an MP3, the last Ogg page's granule
 * position): a short file is reported, never silently truncated. Every failure is a
 * {@link org.earshot.io.SourceException} with a one-line message naming the file and the problem.
 */
package org.earshot.io.decode;
