package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.linyunzhi.grid.RegionLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The rules a region tree must satisfy before it is stored: one root, codes that follow the scheme,
 * each node one level below its parent, valid polygons inside their parent, ordinary siblings that
 * do not overlap, and each dedicated micro-grid inside exactly one ordinary micro-grid of its grid.
 * Codes missing from an upload are assigned here, once the tree is known.
 */
final class TreeValidator {

    private final GridProperties properties;

    TreeValidator(GridProperties properties) {
        this.properties = properties;
    }

    /**
     * The stored nodes an upload whose root is not a town must fit into: the root's stored parent
     * and the parent's other stored children.
     */
    record Surroundings(TreeFeature parent, List<TreeFeature> siblings) {
        static final Surroundings NONE = new Surroundings(null, List.of());
    }

    record Outcome(List<ImportProblem> problems, TreeFeature root, LocalProjection projection) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param features    the upload, as read
     * @param surroundings looks up the stored frame of a root by the root's parent code
     */
    Outcome validate(List<TreeFeature> features, Function<String, Surroundings> surroundings) {
        List<ImportProblem> problems = new ArrayList<>();
        if (features.isEmpty()) {
            return new Outcome(problems, null, null);
        }
        // geometry first: an invalid polygon is reported and kept out of every area computation
        checkPolygonValidity(features, problems);
        Map<String, TreeFeature> byCode = checkDuplicates(features, problems);

        // the root is the feature whose parent is not in the upload; shallowest level first, so a
        // town wins over an orphaned grid that merely names a wrong parent
        List<TreeFeature> roots = features.stream()
                .filter(f -> f.parentCode == null || !byCode.containsKey(f.parentCode))
                .sorted(Comparator.comparing((TreeFeature f) -> f.level).thenComparingInt(f -> f.index))
                .toList();
        TreeFeature root = roots.isEmpty() ? features.get(0) : roots.get(0);
        for (TreeFeature extra : roots.subList(Math.min(1, roots.size()), roots.size())) {
            problems.add(ImportProblem.of(extra.index, extra.code, ImportProblem.Type.SEVERAL_ROOTS,
                    extra.parentCode == null ? "-" : extra.parentCode, root.index, root.code));
        }

        // a root below town level must fit the stored tree: its stored parent and that parent's
        // other children take part in the containment and overlap checks
        Surroundings frame = Surroundings.NONE;
        if (root.level == RegionLevel.TOWN && root.parentCode != null) {
            problems.add(ImportProblem.of(root.index, root.code, ImportProblem.Type.WRONG_PARENT_LEVEL,
                    root.level, root.parentCode, "-"));
        } else if (root.level != RegionLevel.TOWN) {
            frame = surroundings.apply(root.parentCode);
            if (frame.parent() == null) {
                problems.add(ImportProblem.of(root.index, root.code, ImportProblem.Type.UNKNOWN_PARENT, root.parentCode));
            }
        }
        Map<String, TreeFeature> parents = new HashMap<>(byCode);
        if (frame.parent() != null) {
            parents.put(frame.parent().code, frame.parent());
        }

        checkLevels(features, parents, problems);
        checkSwapped(features, root, problems);
        checkCodes(features, parents, problems);
        // numbering needs the final set of siblings, so it comes after every code is checked
        assignMissingCodes(features, parents, frame, problems);

        // areas in square metres: the projection is centred on the root, the whole upload's extent

        LocalProjection projection = LocalProjection.around(
                root.geometryUsable ? root.lonLat : features.stream().filter(f -> f.geometryUsable)
                        .map(f -> f.lonLat).findFirst().orElse(GeoJson.FACTORY.createPoint(new Coordinate(0, 0))));
        List<TreeFeature> all = new ArrayList<>(features);
        if (frame.parent() != null) {
            all.add(frame.parent());
            // the stored node the root replaces is not its own sibling
            frame.siblings().stream().filter(s -> !s.code.equals(root.code)).forEach(all::add);
        }
        for (TreeFeature f : all) {
            if (f.geometryUsable) {
                f.metres = projection.toMetres(f.lonLat);
            }
        }
        checkInsideParents(features, parents, problems);
        checkSiblings(all, problems);

        // in upload order, so the person fixing the file reads it top to bottom

        problems.sort(Comparator.comparingInt(ImportProblem::featureIndex));
        return new Outcome(problems, root, projection);
    }

    /** JTS's validity test names the defect and where it is, e.g. a bow-tie's self-intersection. */
    private static void checkPolygonValidity(List<TreeFeature> features, List<ImportProblem> problems) {
        for (TreeFeature f : features) {
            if (f.lonLat == null) {
                f.geometryUsable = false;
                continue;
            }
            TopologyValidationError error = new IsValidOp(f.lonLat).getValidationError();
            if (error != null) {
                Coordinate at = error.getCoordinate();
                problems.add(ImportProblem.of(f.index, f.code, ImportProblem.Type.INVALID_POLYGON, error.getMessage(),
                        at == null ? Double.NaN : at.x, at == null ? Double.NaN : at.y));
                f.geometryUsable = false;
            }
        }
    }

    /** The first feature of each code; later ones with the same code are reported as duplicates. */
    private static Map<String, TreeFeature> checkDuplicates(List<TreeFeature> features, List<ImportProblem> problems) {
        Map<String, TreeFeature> byCode = new LinkedHashMap<>();
        for (TreeFeature f : features) {
            if (f.code == null) continue;
            TreeFeature first = byCode.putIfAbsent(f.code, f);
            if (first != null) {
                problems.add(ImportProblem.of(f.index, f.code, ImportProblem.Type.DUPLICATE_CODE, first.index));
            }
        }
        return byCode;
    }

    /** A village under a town, a grid under a village, both micro-grid kinds under a grid. */
    private static void checkLevels(List<TreeFeature> features, Map<String, TreeFeature> parents,
                                    List<ImportProblem> problems) {
        for (TreeFeature f : features) {
            TreeFeature parent = f.parentCode == null ? null : parents.get(f.parentCode);
            if (parent == null || f.level == RegionLevel.TOWN) continue;
            RegionLevel expected = f.level.parentLevel().orElseThrow();
            if (parent.level != expected) {
                problems.add(ImportProblem.of(f.index, f.code, ImportProblem.Type.WRONG_PARENT_LEVEL,
                        f.level, parent.level, expected));
            }
        }
    }

    /**
     * Coordinates written as [lat, lon] near the equator's latitudes stay in range, so they are
     * caught by position: a feature far from its root whose swapped box would lie on the root.
     */
    private static void checkSwapped(List<TreeFeature> features, TreeFeature root, List<ImportProblem> problems) {
        if (!root.geometryUsable) return;
        Envelope reference = root.lonLat.getEnvelopeInternal();
        for (TreeFeature f : features) {
            if (f == root || !f.geometryUsable) continue;
            Envelope box = f.lonLat.getEnvelopeInternal();
            Envelope swapped = new Envelope(box.getMinY(), box.getMaxY(), box.getMinX(), box.getMaxX());
            if (!reference.intersects(box) && reference.intersects(swapped)) {
                Coordinate first = f.lonLat.getCoordinate();
                problems.add(ImportProblem.of(f.index, f.code, ImportProblem.Type.SWAPPED_COORDINATES, first.x, first.y));
                f.geometryUsable = false;
            }
        }
    }

    /** Each given code against the scheme; the parent prefix only where the parent is known. */
    private static void checkCodes(List<TreeFeature> features, Map<String, TreeFeature> parents,
                                   List<ImportProblem> problems) {
        for (TreeFeature f : features) {
            if (f.code == null) continue;
            String parentCode = f.parentCode != null && parents.containsKey(f.parentCode) ? f.parentCode : null;
            RegionCodes.check(f.code, f.level, parentCode, f.villageKind, f.dedicatedType).ifPresent(v ->
                    problems.add(ImportProblem.of(f.index, f.code, v.type(), v.args())));
        }
    }

    /**
     * Codes for features uploaded without one, numbered per parent and kind after the codes
     * already taken in the upload and among the stored siblings.
     */
    private static void assignMissingCodes(List<TreeFeature> features, Map<String, TreeFeature> parents,
                                           Surroundings frame, List<ImportProblem> problems) {
        Set<String> taken = new HashSet<>();
        features.stream().map(f -> f.code).filter(Objects::nonNull).forEach(taken::add);
        frame.siblings().forEach(s -> taken.add(s.code));
        Map<List<Object>, List<TreeFeature>> groups = new LinkedHashMap<>();
        for (TreeFeature f : features) {
            if (f.code != null || f.level == RegionLevel.TOWN) continue;
            TreeFeature parent = parents.get(f.parentCode);
            if (parent == null || f.lonLat == null) {
                continue; // reported already (unknown parent, missing geometry): nothing to number it by
            }
            groups.computeIfAbsent(java.util.Arrays.asList(f.parentCode, f.level, f.villageKind, f.dedicatedType),
                    k -> new ArrayList<>()).add(f);
        }
        for (List<TreeFeature> group : groups.values()) {
            TreeFeature first = group.get(0);
            try {
                List<String> codes = CodeAssigner.number(first.parentCode, first.level, first.villageKind,
                        first.dedicatedType, group.stream().map(f -> f.lonLat).toList(), taken);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).code = codes.get(i);
                    taken.add(codes.get(i));
                }
            } catch (IllegalStateException e) {
                group.forEach(f -> problems.add(ImportProblem.of(f.index, null, ImportProblem.Type.NO_FREE_CODE,
                        f.parentCode, f.level)));
            }
        }
    }

    /**
     * Children must lie inside their parent. The cheap prepared covers() settles almost every
     * child; only the rest pay for an overlay, against the parent widened by the edge tolerance.
     */
    private void checkInsideParents(List<TreeFeature> features, Map<String, TreeFeature> parents,
                                    List<ImportProblem> problems) {
        double tolerance = properties.outsideParentToleranceM2();
        for (TreeFeature f : features) {
            TreeFeature parent = f.parentCode == null ? null : parents.get(f.parentCode);
            if (parent == null || !f.geometryUsable || !parent.geometryUsable) continue;
            if (parent.prepared().covers(f.metres)) continue;
            double outside = Overlay.difference(f.metres, parent.grown(properties.edgeToleranceM())).getArea();
            if (outside > tolerance) {
                problems.add(ImportProblem.of(f.index, f.code, ImportProblem.Type.CHILD_OUTSIDE_PARENT,
                        parent.code, Math.round(outside), Math.round(tolerance)));
            }
        }
    }

    /**
     * Siblings that must tile their parent may not overlap; dedicated micro-grids must each sit in
     * exactly one ordinary micro-grid of their grid and may not overlap each other.
     */
    private void checkSiblings(List<TreeFeature> all, List<ImportProblem> problems) {
        Map<String, List<TreeFeature>> byParent = new LinkedHashMap<>();
        for (TreeFeature f : all) {
            if (f.parentCode != null && f.geometryUsable && f.code != null) {
                byParent.computeIfAbsent(f.parentCode, k -> new ArrayList<>()).add(f);
            }
        }
        double tolerance = properties.overlapToleranceM2();
        for (List<TreeFeature> siblings : byParent.values()) {
            List<TreeFeature> ordinary = siblings.stream().filter(TreeFeature::isOrdinaryChild).toList();
            List<TreeFeature> dedicated = siblings.stream().filter(f -> !f.isOrdinaryChild()).toList();
            double edge = properties.edgeToleranceM();
            for (Overlay.Overlap o : Overlay.overlaps(ordinary, edge, tolerance)) {
                report(o, ImportProblem.Type.SIBLINGS_OVERLAP, problems);
            }
            for (Overlay.Overlap o : Overlay.overlaps(dedicated, edge, tolerance)) {
                report(o, ImportProblem.Type.DEDICATED_OVERLAP, problems);
            }
            List<TreeFeature> microGrids = ordinary.stream().filter(f -> f.level == RegionLevel.MICRO_GRID).toList();
            for (TreeFeature d : dedicated) {
                if (d.stored) continue;
                // the host holds the dedicated micro-grid but for rounding slivers; a dedicated
                // micro-grid smaller than the tolerance must still lie mostly in its host
                int hosts = 0;
                for (TreeFeature m : microGrids) {
                    if (!m.metres.getEnvelopeInternal().intersects(d.metres.getEnvelopeInternal())) continue;
                    if (m.prepared().covers(d.metres)
                            || Overlay.difference(d.metres, m.grown(edge)).getArea() <= properties.outsideParentToleranceM2()
                            && Overlay.intersection(d.metres, m.metres).getArea() > d.metres.getArea() / 2) {
                        hosts++;
                    }
                }
                if (hosts != 1) {
                    problems.add(ImportProblem.of(d.index, d.code, ImportProblem.Type.DEDICATED_NOT_IN_ONE_MICRO_GRID,
                            hosts, d.parentCode));
                }
            }
        }
    }

    /** An overlap is reported once, on the later feature of the upload, naming the other one. */
    private static void report(Overlay.Overlap o, ImportProblem.Type type, List<ImportProblem> problems) {
        TreeFeature later = o.first().stored || (!o.second().stored && o.second().index > o.first().index)
                ? o.second() : o.first();
        if (later.stored) return;
        TreeFeature other = later == o.first() ? o.second() : o.first();
        problems.add(ImportProblem.of(later.index, later.code, type, other.code, Math.round(o.areaM2())));
    }
}
