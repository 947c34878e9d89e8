/**
 * The node API of earshot: {@link org.earshot.engine.AudioNode} and what it sees of the runtime
 * ({@link org.earshot.engine.ProcessSpec}, {@link org.earshot.engine.BlockContext},
 * {@link org.earshot.engine.Port}, {@link org.earshot.engine.EventWriter}).
 *
 * <p>Time is the sample frame, a {@code long} counted from the first frame of the stream. Nothing in this
 * package knows an audio algorithm.
 */
package org.earshot.engine;
