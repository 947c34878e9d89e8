/**
 * A pure-Java FLAC decoder: {@link org.earshot.io.flac.FlacReader} turns a native FLAC stream into
 * interleaved samples, checking every frame's CRC-8 and CRC-16. The bit reader keeps a 64-bit buffer
 * refilled eight bytes at a time from a large byte array, so that the Rice residual loop (the decoder's hot
 * loop) finds each unary quotient with one leading-zero count.
 */
package org.earshot.io.flac;
