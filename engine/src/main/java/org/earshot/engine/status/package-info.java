/**
 * Counters and timing: the counter catalogue ({@link org.earshot.engine.status.SystemCounter}), the
 * memory-mapped counters file another process reads ({@link org.earshot.engine.status.CountersFile}),
 * and per-block timing into fixed-range HdrHistogram recorders ({@link org.earshot.engine.status.BlockTimer}).
 */
package org.earshot.engine.status;
