/**
 * The {@code earshot} command line (picocli): {@code live}, {@code analyze}, {@code devices} and
 * {@code stat}. Commands read flags into {@link org.earshot.app.config} records, open sources and sinks,
 * build the preset's graph and run it in an {@link org.earshot.engine.runtime.Engine}.
 *
 * <p>User errors (bad flag, file, format, device) end with one plain line on stderr, {@code earshot: …},
 * and exit status 2 (usage) or 1 (input); internal errors print a stack trace and exit with 70.
 */
package org.earshot.app.cli;
