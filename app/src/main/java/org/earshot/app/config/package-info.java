/**
 * Typed configuration of the {@code earshot} command: the only code in earshot that reads strings
 * (flags, sink specs, preset names) and turns them into validated records and enums.
 *
 * <p>Every parse or range check that fails throws a {@link org.earshot.app.config.ConfigException}
 * whose message is one plain line naming the flag and the problem, e.g.
 * {@code --rate: 4000 Hz is out of range [8000, 192000]}.
 */
package org.earshot.app.config;
