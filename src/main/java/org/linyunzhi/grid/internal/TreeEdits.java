package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linyunzhi.grid.RegionTreeChanged;
import org.linyunzhi.identity.DataScope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Edits of one node: its name, or its polygon. A new polygon passes the same rules as an import,
 * checked against the stored parent, the stored siblings and the node's own children.
 */
@Service
class TreeEdits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegionNodes nodes;
    private final StoredSurroundings surroundings;
    private final TreeValidator validator;
    private final ProblemMessages messages;
    private final ApplicationEventPublisher events;

    TreeEdits(RegionNodes nodes, StoredSurroundings surroundings, GridProperties properties,
              ProblemMessages messages, ApplicationEventPublisher events) {
        this.nodes = nodes;
        this.surroundings = surroundings;
        this.validator = new TreeValidator(properties);
        this.messages = messages;
        this.events = events;
    }

    /** Renames a node if nobody changed it since {@code version} was read. */
    @Transactional
    void rename(String code, String name, int version, DataScope scope) {
        nodes.find(code, scope).orElseThrow(() -> new NodeNotFoundException(code));
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw GridRuleException.badInput("name", "grid.node.error.name");
        }
        nodes.lockTree();
        if (!nodes.rename(code, name.strip(), version)) {
            throw GridRuleException.conflict("grid.node.error.stale");
        }
        events.publishEvent(new RegionTreeChanged(nodes.bumpVersion()));
    }

    /**
     * Replaces a node's polygon. The upload may be a GeoJSON geometry, a Feature or a
     * FeatureCollection holding one feature.
     *
     * @throws RegionTreeImportException naming what is wrong with the polygon or which child or
     *                                   sibling it would break
     */
    @Transactional
    void reshape(String code, String geoJson, int version, DataScope scope, Locale locale) {
        StoredNode node = nodes.find(code, scope).orElseThrow(() -> new NodeNotFoundException(code));
        Geometry polygon = readPolygon(geoJson, locale);
        // the same lock as an import: the siblings and children read below stay as they are
        nodes.lockTree();
        TreeFeature edited = new TreeFeature(0, code, node.name(), node.level(), node.parentCode(),
                node.villageKind(), node.dedicatedType(), polygon, false);
        List<TreeFeature> features = new ArrayList<>();
        features.add(edited);
        // the children are re-checked against the new outline, as if uploaded with it
        int i = 1;
        for (RegionNodes.ShapeRow child : nodes.shapes(code, null)) {
            if (code.equals(child.parentCode())) {
                features.add(new TreeFeature(i++, child.code(), child.name(), child.level(), child.parentCode(),
                        child.villageKind(), child.dedicatedType(), StoredSurroundings.parse(child.boundary()), false));
            }
        }
        // the edited node is the upload's root, so its stored parent and siblings frame the check
        TreeValidator.Outcome outcome = validator.validate(features, surroundings::of);
        if (!outcome.ok()) {
            throw new RegionTreeImportException(messages.render(outcome.problems(), locale));
        }
        if (!nodes.reshape(code, GeoJson.write(polygon), polygon.getEnvelopeInternal(), RegionTreeImport.centroid(edited),
                edited.metres.getArea(), version)) {
            throw GridRuleException.conflict("grid.node.error.stale");
        }
        events.publishEvent(new RegionTreeChanged(nodes.bumpVersion()));
    }

    private Geometry readPolygon(String geoJson, Locale locale) {
        try {
            JsonNode root = JSON.readTree(geoJson == null ? "" : geoJson);
            if (root == null || root.isMissingNode()) {
                throw refused(ImportProblem.Type.MISSING_GEOMETRY, locale);
            }
            JsonNode geometry = switch (root.path("type").asString("")) {
                case "Feature" -> root.get("geometry");
                case "FeatureCollection" -> root.path("features").size() == 1
                        ? root.path("features").get(0).get("geometry") : null;
                default -> root;
            };
            return GeoJson.read(geometry);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw refused(ImportProblem.Type.MALFORMED_JSON, locale,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e.getOriginalMessage());
        } catch (GeoJson.FormatException e) {
            throw refused(e.type, locale, e.args);
        }
    }

    private RegionTreeImportException refused(ImportProblem.Type type, Locale locale, Object... args) {
        return new RegionTreeImportException(messages.render(List.of(ImportProblem.of(0, null, type, args)), locale));
    }
}
