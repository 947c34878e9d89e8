package org.earshot.bench.accuracy;

import java.nio.file.Path;

/** One onset detector under evaluation: reads a file, returns onset times. */
interface OnsetSystem {
    /** @return short name, used for the table column and the estimates folder */
    String name();

    /**
     * @param audio the file
     * @return onset times in seconds, ascending
     * @throws Exception if the file cannot be analysed
     */
    double[] detect(Path audio) throws Exception;
}
