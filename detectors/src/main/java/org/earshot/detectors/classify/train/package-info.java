/**
 * Training an event classifier in Java from labelled clips: augmentation that mimics other rooms,
 * microphones and bandwidths, class balancing, an MLP trainer, held-out reports and cross-validation.
 * Runs offline (allocates freely); never on the audio thread.
 */
package org.earshot.detectors.classify.train;
