package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import org.linyunzhi.grid.DedicatedType;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.VillageKind;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the contract format of a region tree: a GeoJSON FeatureCollection whose features carry
 * {@code code, name, level, parentCode, villageKind, dedicatedType} in their properties. Every
 * feature is read even after a bad one, so an upload is answered with all its problems at once.
 */
final class FeatureCollectionReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(List<TreeFeature> features, List<ImportProblem> problems) {
    }

/** Every feature that can take part in the tree checks, and every problem found reading them. */
    static Result read(String json) {
        List<ImportProblem> problems = new ArrayList<>();
        List<TreeFeature> features = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            var at = e.getLocation();
            problems.add(ImportProblem.of(-1, null, ImportProblem.Type.MALFORMED_JSON,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e.getOriginalMessage()));
            return new Result(features, problems);
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            problems.add(ImportProblem.of(-1, null, ImportProblem.Type.NOT_A_FEATURE_COLLECTION));
            return new Result(features, problems);
        }
        JsonNode array = root.get("features");
        if (array.isEmpty()) {
            problems.add(ImportProblem.of(-1, null, ImportProblem.Type.EMPTY_COLLECTION));
        }
        for (int i = 0; i < array.size(); i++) {
            TreeFeature feature = feature(i, array.get(i), problems);
            if (feature != null) {
                features.add(feature);
            }
        }
        return new Result(features, problems);
    }

    /** One feature, or null when it is too broken to take part in the tree checks. */
    private static TreeFeature feature(int index, JsonNode node, List<ImportProblem> problems) {
        if (!node.isObject() || !"Feature".equals(node.path("type").asString(""))) {
            problems.add(ImportProblem.of(index, null, ImportProblem.Type.NOT_A_FEATURE));
            return null;
        }
        JsonNode props = node.path("properties");
        // the code is read first so every later problem of this feature can name it
        String code = text(props, "code");
        int before = problems.size();
        String name = text(props, "name");
        if (name == null || name.isBlank()) {
            problems.add(ImportProblem.of(index, code, ImportProblem.Type.MISSING_PROPERTY, "name"));
        }
        String levelText = text(props, "level");
        RegionLevel level = null;
        if (levelText == null) {
            problems.add(ImportProblem.of(index, code, ImportProblem.Type.MISSING_PROPERTY, "level"));
        } else {
            level = RegionLevel.parse(levelText).orElse(null);
            if (level == null) {
                problems.add(ImportProblem.of(index, code, ImportProblem.Type.UNKNOWN_LEVEL, levelText));
            }
        }
        String parentCode = text(props, "parentCode");
        if (level != null && level != RegionLevel.TOWN && parentCode == null) {
            problems.add(ImportProblem.of(index, code, ImportProblem.Type.MISSING_PROPERTY, "parentCode"));
        }
        if (level == RegionLevel.TOWN && code == null) {
            // a town's code comes from the national division codes; it cannot be derived
            problems.add(ImportProblem.of(index, null, ImportProblem.Type.MISSING_PROPERTY, "code"));
        }
        VillageKind kind = null;
        if (level == RegionLevel.VILLAGE) {
            kind = enumProperty(index, code, props, "villageKind", VillageKind.class,
                    ImportProblem.Type.UNKNOWN_VILLAGE_KIND, problems);
        }
        DedicatedType type = null;
        if (level == RegionLevel.DEDICATED_MICRO_GRID) {
            type = enumProperty(index, code, props, "dedicatedType", DedicatedType.class,
                    ImportProblem.Type.UNKNOWN_DEDICATED_TYPE, problems);
        }
        boolean propertiesOk = problems.size() == before;
        Geometry geometry = null;
        try {
            geometry = GeoJson.read(node.get("geometry"));
        } catch (GeoJson.FormatException e) {
            problems.add(ImportProblem.of(index, code, e.type, e.args));
        }
        // a feature with a bad geometry still takes part in the code and parent checks
        if (level == null || !propertiesOk) {
            return null;
        }
        return new TreeFeature(index, code, name.strip(), level, parentCode, kind, type, geometry, false);
    }

/** An enum property; unknown spellings are a problem, case is not. */
    private static <E extends Enum<E>> E enumProperty(int index, String code, JsonNode props, String property,
                                                      Class<E> type, ImportProblem.Type unknown,
                                                      List<ImportProblem> problems) {
        String value = text(props, property);
        if (value == null) {
            problems.add(ImportProblem.of(index, code, ImportProblem.Type.MISSING_PROPERTY, property));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.of(index, code, unknown, value));
            return null;
        }
    }

    /** A string property, numbers accepted as their text (codes are sometimes written as numbers). */
    private static String text(JsonNode props, String name) {
        JsonNode value = props.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() || value.isIntegralNumber()) {
            String s = value.asString().strip();
            return s.isEmpty() ? null : s;
        }
        return value.toString();
    }
}
