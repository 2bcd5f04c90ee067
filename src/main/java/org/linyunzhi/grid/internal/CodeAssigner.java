package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Numbers the children of one parent west→east, north→south, the order GB/T 30428.1 prescribes
 * for unit grids. Centroids never sit on neat rows, so children are first cut into rows (a child
 * starts a new row when its centroid lies more than half a typical child's height south of the
 * row's first centroid), then read west to east within each row.
 */
public final class CodeAssigner {

    private CodeAssigner() {
    }

    /**
     * Codes for children of one level (and one village kind or dedicated type) under a parent,
     * returned in the order of {@code children}. Numbers already in {@code taken} are skipped.
     *
     * @throws IllegalStateException when the parent has run out of numbers for this kind of child
     */
    public static List<String> number(String parentCode, RegionLevel level, VillageKind kind, DedicatedType type,
                                      List<? extends Geometry> children, Collection<String> taken) {
        Set<String> used = Set.copyOf(taken);
        List<Integer> order = readingOrder(children);
        String[] codes = new String[children.size()];
        int sequence = 0;
        int capacity = RegionCodes.capacity(level, kind);
        for (int index : order) {
            String code;
            do {
                sequence++;
                if (sequence > capacity) {
                    throw new IllegalStateException("no free code left under " + parentCode + " for " + level);
                }
                code = RegionCodes.childCode(parentCode, level, kind, type, sequence);
            } while (used.contains(code));
            codes[index] = code;
        }
        return List.of(codes);
    }

    /** Indexes of {@code shapes} in reading order: rows north to south, each row west to east. */
    static List<Integer> readingOrder(List<? extends Geometry> shapes) {
        int n = shapes.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] heights = new double[n];
        for (int i = 0; i < n; i++) {
            Point c = shapes.get(i).getCentroid();
            x[i] = c.getX();
            y[i] = c.getY();
            heights[i] = shapes.get(i).getEnvelopeInternal().getHeight();
        }
        double[] sortedHeights = heights.clone();
        java.util.Arrays.sort(sortedHeights);
        double rowBand = n == 0 ? 0 : sortedHeights[n / 2] / 2;

        List<Integer> northFirst = new ArrayList<>();
        for (int i = 0; i < n; i++) northFirst.add(i);
        northFirst.sort(Comparator.comparingDouble((Integer i) -> -y[i]).thenComparingDouble(i -> x[i]));

        List<Integer> result = new ArrayList<>(n);
        List<Integer> row = new ArrayList<>();
        double rowTop = Double.NaN;
        for (int i : northFirst) {
            if (!row.isEmpty() && rowTop - y[i] > rowBand) {
                flush(row, x, result);
            }
            if (row.isEmpty()) rowTop = y[i];
            row.add(i);
        }
        flush(row, x, result);
        return result;
    }

    private static void flush(List<Integer> row, double[] x, List<Integer> into) {
        row.sort(Comparator.comparingDouble(i -> x[i]));
        into.addAll(row);
        row.clear();
    }
}
