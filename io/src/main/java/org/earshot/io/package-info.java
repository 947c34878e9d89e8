/**
 * Where samples come from and where events go: the shared types of the io module.
 *
 * <p>{@link org.earshot.io.SourceException} is the one-line, user-facing failure of every source (a file
 * that cannot be decoded, a capture device that cannot be opened); {@link org.earshot.io.ChannelSelection}
 * says how a multi-channel input becomes the mono stream a graph reads. Decoding lives in
 * {@link org.earshot.io.decode}, sources in {@link org.earshot.io.source}, sinks in {@link org.earshot.io.sink}.
 */
package org.earshot.io;
