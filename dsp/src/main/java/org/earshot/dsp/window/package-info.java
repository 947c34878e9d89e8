/**
 * Analysis and synthesis windows.
 *
 * <p>All windows are <em>periodic</em> (DFT-even): a window of length {@code N} is the first {@code N}
 * samples of the symmetric window of length {@code N + 1}, so that its shifted copies at hops of
 * {@code N/2} or {@code N/4} overlap-add exactly (constant overlap-add).
 */
package org.earshot.dsp.window;
