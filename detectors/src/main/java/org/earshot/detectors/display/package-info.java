/**
 * Display taps: nodes that copy what a screen needs (decimated log-mel columns, novelty, levels) from the
 * audio thread into pre-allocated single-producer, single-consumer rings that a dashboard thread polls. They
 * write no events and never wait in live mode: a full ring drops the column and counts it.
 */
package org.earshot.detectors.display;
