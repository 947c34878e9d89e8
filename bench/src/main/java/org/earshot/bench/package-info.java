/**
 * Measurement: {@link org.earshot.bench.BenchMain} dispatches to the latency harness, the accuracy
 * evaluations against {@code ../shared/eval}, and JMH. Nothing here runs in the tests.
 */
package org.earshot.bench;
