/**
 * Accuracy evaluation against the reference sets in {@code ../shared/eval}: {@link
 * org.earshot.bench.accuracy.OnsetEval} scores the streaming onset graph and its peers (TarsosDSP, aubio) with
 * mir_eval's onset convention.
 */
package org.earshot.bench.accuracy;
