package org.earshot.detectors.classify.train;

import java.util.List;

/**
 * Clip classification results against the truth: accuracy, per-class precision, recall and F1, and the
 * confusion matrix (rows = truth, columns = prediction).
 */
public final class ClipReport {
    private final List<String> classes;
    private final int[][] confusion;

    /**
     * @param classes class names
     */
    public ClipReport(final List<String> classes) {
        this.classes = List.copyOf(classes);
        this.confusion = new int[classes.size()][classes.size()];
    }

    /**
     * @param truth     true class index
     * @param predicted predicted class index
     */
    public void add(final int truth, final int predicted) {
        confusion[truth][predicted]++;
    }

    /** @param other a report over the same classes, added into this one */
    public void addAll(final ClipReport other) {
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                confusion[i][j] += other.confusion[i][j];
            }
        }
    }

    /** @return fraction of clips classified correctly */
    public double accuracy() {
        long ok = 0;
        long all = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                all += confusion[i][j];
                if (i == j) {
                    ok += confusion[i][j];
                }
            }
        }
        return all == 0 ? 0 : (double)ok / all;
    }

    /** @param c class @return clips of that class */
    public int support(final int c) {
        int s = 0;
        for (final int v : confusion[c]) {
            s += v;
        }
        return s;
    }

    /** @param c class @return precision */
    public double precision(final int c) {
        int predicted = 0;
        for (final int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double)confusion[c][c] / predicted;
    }

    /** @param c class @return recall */
    public double recall(final int c) {
        final int s = support(c);
        return s == 0 ? 0 : (double)confusion[c][c] / s;
    }

    /** @param c class @return F1 */
    public double f1(final int c) {
        final double p = precision(c);
        final double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** @param name a class name @return its F1, or NaN if unknown */
    public double f1(final String name) {
        final int c = classes.indexOf(name);
        return c < 0 ? Double.NaN : f1(c);
    }

    /** @return mean F1 over classes that have clips */
    public double macroF1() {
        double s = 0;
        int n = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (support(c) > 0) {
                s += f1(c);
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /** @return the per-class table, the accuracy and the confusion matrix as text */
    public String format() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-16s %6s %6s %6s %6s%n", "class", "n", "prec", "recall", "F1"));
        for (int c = 0; c < classes.size(); c++) {
            if (support(c) == 0 && precision(c) == 0) {
                continue;
            }
            sb.append(String.format("%-16s %6d %6.3f %6.3f %6.3f%n", classes.get(c), support(c), precision(c),
                recall(c), f1(c)));
        }
        sb.append(String.format("accuracy %.3f, macro F1 %.3f%n", accuracy(), macroF1()));
        sb.append("confusion (rows truth, columns predicted):\n");
        sb.append(String.format("%-16s", ""));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(String.format("%5.4s", classes.get(c)));
        }
        sb.append('\n');
        for (int r = 0; r < classes.size(); r++) {
            if (support(r) == 0) {
                continue;
            }
            sb.append(String.format("%-16s", classes.get(r)));
            for (int c = 0; c < classes.size(); c++) {
                sb.append(String.format("%5d", confusion[r][c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
