/** JMH benchmarks, named after the topology they measure. Built with the project, run by hand. */
package org.earshot.bench.jmh;
