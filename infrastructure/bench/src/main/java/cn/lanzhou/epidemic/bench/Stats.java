package cn.lanzhou.epidemic.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, percentiles and maximum of a list of measurements. */
record Stats(List<Double> sorted) {

    static Stats of(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return new Stats(copy);
    }

    double median() {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        return sorted.get(sorted.size() - 1);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
