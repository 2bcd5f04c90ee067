package org.linyunzhi.grid.internal.map;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the offline base map with a GeoJSON FeatureCollection, all or nothing. Each feature
 * needs {@code properties.kind} RIVER, ROAD or WATER and a geometry that fits it (roads are lines,
 * water areas polygons, a river either); {@code name}, {@code width} (metres) and
 * {@code roadClass} are optional. Every problem is reported with its feature's index.
 */
@Service
public class BaseLayerImport {

    static final long MAX_BYTES = 16L << 20;
    static final int MAX_FEATURES = 50_000;
    static final Set<String> ROAD_CLASSES = Set.of("MOTORWAY", "PRIMARY", "SECONDARY", "MINOR");
    private static final Map<String, Set<String>> GEOMETRIES = Map.of(
            "RIVER", Set.of("LineString", "MultiLineString", "Polygon", "MultiPolygon"),
            "ROAD", Set.of("LineString", "MultiLineString"),
            "WATER", Set.of("Polygon", "MultiPolygon"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BaseLayers layers;
    private final TransactionTemplate transaction;

    BaseLayerImport(BaseLayers layers, TransactionTemplate transaction) {
        this.layers = layers;
        this.transaction = transaction;
    }

    /** What an import stored. */
    public record Result(int features) {
    }

    /** @throws BaseLayerImportException naming every problem; nothing is stored then */
    public Result importLayers(String featureCollectionJson) {
        long bytes = featureCollectionJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new BaseLayerImportException(true, List.of(new ImportProblem(-1, "gridmap.import.error.tooLarge", bytes, MAX_BYTES)));
        }
        // everything is checked before the first row is touched; the replacement is one transaction
        List<BaseLayers.Row> rows = read(featureCollectionJson);
        transaction.executeWithoutResult(status -> layers.replaceAll(rows));
        return new Result(rows.size());
    }

    /** Whether anything is stored yet; the demo loader fills an empty table only. */
    public boolean isEmpty() {
        return layers.count() == 0;
    }

    private static List<BaseLayers.Row> read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw refused(new ImportProblem(-1, "gridmap.import.error.notJson", e.getOriginalMessage()));
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(null)) || !root.path("features").isArray()) {
            throw refused(new ImportProblem(-1, "gridmap.import.error.notFeatureCollection"));
        }
        JsonNode features = root.get("features");
        if (features.size() > MAX_FEATURES) {
            throw refused(new ImportProblem(-1, "gridmap.import.error.tooMany", features.size(), MAX_FEATURES));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<BaseLayers.Row> rows = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        // every feature is checked even after the first problem, so one upload reports all of them
        for (int i = 0; i < features.size(); i++) {
            int before = problems.size();
            BaseLayers.Row row = row(i, features.get(i), reader, problems);
            if (problems.size() == before) {
                rows.add(row);
            }
        }
        if (!problems.isEmpty()) {
            throw new BaseLayerImportException(false, problems);
        }
        return rows;
    }

    private static BaseLayers.Row row(int i, JsonNode f, GeoJsonReader reader, List<ImportProblem> problems) {
        JsonNode props = f.path("properties");
        String kind = props.path("kind").asString(null);
        if (!GEOMETRIES.containsKey(kind)) {
            problems.add(new ImportProblem(i, "gridmap.import.error.kind", kind));
            return null;
        }
        JsonNode nameNode = props.path("name");
        String name = nameNode.isString() ? nameNode.asString().strip() : null;
        if (!nameNode.isMissingNode() && !nameNode.isNull() && !nameNode.isString() || name != null && name.length() > 100) {
            problems.add(new ImportProblem(i, "gridmap.import.error.name"));
        }
        // only styling hints we know are kept: stored properties are sent to every browser
        ObjectNode extra = JSON.createObjectNode();
        JsonNode width = props.path("width");
        if (!width.isMissingNode() && !width.isNull()) {
            if (!width.isNumber() || width.asDouble() <= 0 || width.asDouble() > 10_000) {
                problems.add(new ImportProblem(i, "gridmap.import.error.width", width.toString()));
            } else {
                extra.put("width", width.asDouble());
            }
        }
        JsonNode roadClass = props.path("roadClass");
        if (!roadClass.isMissingNode() && !roadClass.isNull()) {
            if (!ROAD_CLASSES.contains(roadClass.asString(""))) {
                problems.add(new ImportProblem(i, "gridmap.import.error.roadClass", roadClass.toString()));
            } else {
                extra.put("roadClass", roadClass.asString());
            }
        }
        Geometry geometry = geometry(i, f.path("geometry"), kind, reader, problems);
        if (geometry == null) {
            return null;
        }
        // the geometry is stored as uploaded (full precision); the parsed copy only served the checks
        return new BaseLayers.Row(kind, name == null || name.isEmpty() ? null : name, extra.toString(),
                f.get("geometry").toString(), geometry.getEnvelopeInternal());
    }

    private static Geometry geometry(int i, JsonNode node, String kind, GeoJsonReader reader, List<ImportProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ImportProblem(i, "gridmap.import.error.noGeometry"));
            return null;
        }
        Geometry g;
        try {
            g = reader.read(node.toString());
        } catch (ParseException | RuntimeException e) {
            problems.add(new ImportProblem(i, "gridmap.import.error.geometry", e.getMessage()));
            return null;
        }
        if (!GEOMETRIES.get(kind).contains(g.getGeometryType())) {
            problems.add(new ImportProblem(i, "gridmap.import.error.geometryType", g.getGeometryType(), kind));
            return null;
        }
        Envelope world = new Envelope(-180, 180, -90, 90);
        if (g.isEmpty() || !world.covers(g.getEnvelopeInternal())) {
            problems.add(new ImportProblem(i, "gridmap.import.error.coordinates"));
            return null;
        }
        // a self-intersecting water area would draw as a hole-riddled mess in the browser
        if (!g.isValid()) {
            problems.add(new ImportProblem(i, "gridmap.import.error.invalid"));
            return null;
        }
        return g;
    }

    private static BaseLayerImportException refused(ImportProblem problem) {
        return new BaseLayerImportException(false, List.of(problem));
    }

    /** One thing wrong with an upload: the feature's index (-1 for the whole upload) and a message key. */
    record ImportProblem(int featureIndex, String messageKey, Object... args) {
    }
}
