package org.linyunzhi.grid.internal.demo;

/**
 * Shares a whole number of things (grids, micro-grids) among parts in proportion to weights, with
 * a floor and a ceiling per part, hitting the total exactly: largest remainders, ties to the
 * earlier part so the result is deterministic.
 */
final class Apportion {

    private Apportion() {
    }

    static int[] shares(double[] weights, int total, int min, int max) {
        int n = weights.length;
        if (total < n * min || total > n * max) {
            throw new IllegalArgumentException(total + " cannot be shared among " + n + " parts of " + min + ".." + max);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] quota = new double[n];
        int[] share = new int[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            quota[i] = weights[i] / sum * total;
            share[i] = Math.max(min, Math.min(max, (int) Math.floor(quota[i])));
            given += share[i];
        }
        while (given < total) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (share[i] < max && (best < 0 || quota[i] - share[i] > quota[best] - share[best])) {
                    best = i;
                }
            }
            share[best]++;
            given++;
        }
        while (given > total) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (share[i] > min && (best < 0 || quota[i] - share[i] < quota[best] - share[best])) {
                    best = i;
                }
            }
            share[best]--;
            given--;
        }
        return share;
    }
}
