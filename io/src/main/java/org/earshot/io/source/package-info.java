/**
 * {@link org.earshot.engine.runtime.AudioSource}s: {@link org.earshot.io.source.FileSource} (a decoded file,
 * resampled to the graph rate, paced at real time or as fast as possible) and
 * {@link org.earshot.io.source.CaptureSource} (a Java Sound capture line, with overrun and reconnect
 * accounting), plus {@link org.earshot.io.source.Devices}, which lists capture and playback devices as
 * plain records.
 */
package org.earshot.io.source;
