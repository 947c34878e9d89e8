/**
 * Live sound-event classification: the streaming log-mel front end ({@link
 * org.earshot.detectors.classify.LogMelNode}), the per-hop classifier ({@link
 * org.earshot.detectors.classify.ClassifierNode}) and the versioned model file ({@link
 * org.earshot.detectors.classify.ClassifierModel}). Training lives in {@code classify.train}; turning
 * probabilities into events lives in {@code decide}.
 */
package org.earshot.detectors.classify;
