package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A node program the system tests run as a peer, committed under {@code src/test} with its package-lock.json and
 * installed by {@code npm ci} into {@code target}. The install runs when the manifest changed or what it builds is
 * missing; one that fails fails the test, saying whether the npm registry could not be reached or the install broke
 * (the test command installs what its system tests need, so nothing is skipped).
 */
final class NpmPackage {
    private static final Pattern UNREACHABLE = Pattern.compile(
        "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network request to");

    private NpmPackage() {
    }

    /**
     * Copies the committed files into {@code home} and runs {@code npm ci} there if needed.
     *
     * @param source         the committed folder
     * @param home           where it is installed
     * @param files          the files to copy: package.json, package-lock.json and the program
     * @param built          a file the install produces; its absence means the install must run
     * @param what           what is installed, for messages
     * @param requirements   what the install needs besides npm, for the message when it fails
     * @param timeoutMinutes how long the install may take
     * @throws Exception if the install fails (through the test's {@code fail})
     */
    static void install(final Path source, final Path home, final List<String> files, final Path built,
        final String what, final String requirements, final int timeoutMinutes) throws Exception {
        Files.createDirectories(home);
        boolean changed = false;
        for (final String f : files) {
            final Path target = home.resolve(f);
            if (!Files.exists(target) || Files.mismatch(source.resolve(f), target) != -1L) {
                Files.copy(source.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
                changed |= f.startsWith("package");
            }
        }
        if (!changed && Files.exists(built)) {
            return;
        }
        final Path log = home.resolve("npm-ci.log");
        final Process npm;
        try {
            final ProcessBuilder pb = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            // node-gyp compiles against Node's headers; Debian's nodejs package ships them under /usr, and without
            // this node-gyp would download them from nodejs.org, which a machine with only the npm registry cannot
            if (System.getenv("npm_config_nodedir") == null && Files.exists(Path.of("/usr/include/node/node.h"))) {
                pb.environment().put("npm_config_nodedir", "/usr");
            }
            npm = pb.start();
        } catch (final IOException ex) {
            fail("npm is missing (scripts/test-all installs nodejs and npm): " + ex.getMessage());
            return;
        }
        if (!npm.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            fail("npm ci for " + what + " did not finish within " + timeoutMinutes + " minutes; see " + log);
        }
        final String text = Files.readString(log);
        if (npm.exitValue() != 0) {
            if (UNREACHABLE.matcher(text).find()) {
                fail("the npm registry is unreachable, so " + what + " cannot be installed:\n" + text);
            }
            fail("npm ci for " + what + " failed (exit " + npm.exitValue() + ")" + requirements + ":\n" + text);
        }
        if (!Files.exists(built)) {
            fail("npm ci ran but did not produce " + built + " (were install scripts disabled?):\n" + text);
        }
    }
}
