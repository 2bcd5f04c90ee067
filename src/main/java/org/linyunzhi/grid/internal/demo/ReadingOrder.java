package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;

/**
 * The order in which the unit-grid standard numbers the parts of an area: west to east, north to
 * south, like reading a page. Siblings are cut into about √n rows of equal count by the latitude of
 * their centres, northernmost row first, and each row is read from west to east.
 */
final class ReadingOrder {

    private ReadingOrder() {
    }

    static <T> List<T> sort(List<T> items, Function<T, Coordinate> centre) {
        List<T> byNorth = new ArrayList<>(items);
        byNorth.sort(Comparator.comparingDouble((T t) -> -centre.apply(t).y));
        int rows = rows(items.size());
        List<T> out = new ArrayList<>(items.size());
        for (List<T> row : chunks(byNorth, rows)) {
            List<T> sorted = new ArrayList<>(row);
            sorted.sort(Comparator.comparingDouble((T t) -> centre.apply(t).x));
            out.addAll(sorted);
        }
        return out;
    }

    static int rows(int n) {
        return Math.max(1, (int) Math.round(Math.sqrt(n)));
    }

    /** Splits a list into {@code parts} consecutive runs whose sizes differ by at most one. */
    static <T> List<List<T>> chunks(List<T> list, int parts) {
        List<List<T>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int end = start + (list.size() - start) / (parts - i);
            out.add(list.subList(start, end));
            start = end;
        }
        return out;
    }
}
