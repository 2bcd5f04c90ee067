package org.linyunzhi.hazard.internal.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Waterway;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns an officer's choice of targets into registry filters and picks the places. "Near water"
 * asks twice, once for the rivers' centre lines and once for the water areas (the wide Puyang, the
 * ponds), because a house on the bank of a 240 m wide river is far from its centre line but close
 * to its water; the two answers are merged by place.
 */
@Component
class TargetSelection {

    /** A campaign larger than this is several campaigns: the phone lists and the task cards stay usable. */
    static final int MAX_POINTS = 10_000;
    static final double MAX_NEAR_METRES = 5_000;

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final RegistryApi registry;
    private final GridApi grid;
    private final ObjectMapper json;

    TargetSelection(RegistryApi registry, GridApi grid, ObjectMapper json) {
        this.registry = registry;
        this.grid = grid;
        this.json = json;
    }

    /** How many places the choice picks, for the preview before the campaign is created. */
    int count(TargetRequest target) {
        List<PlaceFilter> filters = filters(target);
        if (filters.size() == 1) {
            return ask(() -> registry.count(filters.get(0)));
        }
        return select(filters, MAX_POINTS + 1).size();
    }

    /** The places, at most {@link #MAX_POINTS}; more is refused rather than cut silently. */
    List<RegistryPlace> select(TargetRequest target) {
        List<RegistryPlace> places = select(filters(target), MAX_POINTS + 1);
        if (places.isEmpty()) {
            throw InspectionRefused.badInput("target", "inspection.error.noTargets");
        }
        if (places.size() > MAX_POINTS) {
            throw InspectionRefused.badInput("target", "inspection.error.tooManyTargets", MAX_POINTS);
        }
        return places;
    }

    private List<RegistryPlace> select(List<PlaceFilter> filters, int limit) {
        Map<UUID, RegistryPlace> merged = new LinkedHashMap<>();
        for (PlaceFilter filter : filters) {
            for (RegistryPlace p : ask(() -> registry.places(filter, limit))) {
                merged.putIfAbsent(p.id(), p);
            }
        }
        List<RegistryPlace> all = new ArrayList<>(merged.values());
        if (filters.size() > 1) {
            all.sort(Comparator.comparing(RegistryPlace::regionCode).thenComparing(RegistryPlace::name)
                    .thenComparing(RegistryPlace::id));
        }
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    /** One filter, or two when near water (lines and areas); the other conditions hold for both. */
    List<PlaceFilter> filters(TargetRequest t) {
        PlaceKind kind = kind(t.kind());
        Set<String> orgTypes = t.orgTypes() == null ? null
                : t.orgTypes().stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
        String region = blank(t.regionCode());
        if (region != null && !region.matches("\\d{9,19}")) {
            throw InspectionRefused.badInput("regionCode", "inspection.error.regionCode");
        }
        Geometry area = t.area() == null || t.area().isBlank() ? null : area(t.area());
        String houseUse = blank(t.houseUse());
        if (t.nearWaterMetres() == null) {
            return List.of((new PlaceFilter(kind, orgTypes, houseUse, t.rented(), region, area, null, null)));
        }
        double metres = t.nearWaterMetres();
        if (!(metres > 0) || metres > MAX_NEAR_METRES) {
            throw InspectionRefused.badInput("nearWaterMetres", "inspection.error.nearWater", (int) MAX_NEAR_METRES);
        }
        List<Geometry> lines = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        for (Waterway w : grid.waterways()) {
            (w.geometry().getDimension() == 2 ? areas : lines).add(w.geometry());
        }
        if (lines.isEmpty() && areas.isEmpty()) {
            throw InspectionRefused.badInput("nearWaterMetres", "inspection.error.noWaterways");
        }
        List<PlaceFilter> filters = new ArrayList<>();
        for (List<Geometry> group : List.of(lines, areas)) {
            if (!group.isEmpty()) {
                filters.add((new PlaceFilter(kind, orgTypes, houseUse, t.rented(), region, area,
                        WGS84.buildGeometry(group), metres)));
            }
        }
        return filters;
    }

    /** The drawn area: a Polygon or MultiPolygon (or a Feature holding one), valid and in lon/lat. */
    Geometry area(String geoJson) {
        JsonNode node;
        try {
            node = json.readTree(geoJson);
        } catch (RuntimeException e) {
            throw InspectionRefused.badInput("area", "inspection.error.areaJson");
        }
        if (node != null && "Feature".equals(node.path("type").asString(""))) {
            node = node.get("geometry");
        }
        String type = node == null ? "" : node.path("type").asString("");
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw InspectionRefused.badInput("area", "inspection.error.areaType", type.isEmpty() ? "-" : type);
        }
        Geometry g;
        try {
            g = new GeoJsonReader(WGS84).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw InspectionRefused.badInput("area", "inspection.error.areaJson");
        }
        var box = g.getEnvelopeInternal();
        if (g.isEmpty() || box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
            throw InspectionRefused.badInput("area", "inspection.error.areaRange");
        }
        if (!g.isValid()) {
            throw InspectionRefused.badInput("area", "inspection.error.areaInvalid");
        }
        return g;
    }

    /** A short account of the choice, kept with the campaign. */
    static String describe(TargetRequest t) {
        List<String> parts = new ArrayList<>();
        if (blank(t.kind()) != null) parts.add("kind=" + t.kind().strip());
        if (t.orgTypes() != null && !t.orgTypes().isEmpty()) parts.add("orgTypes=" + String.join(",", new java.util.TreeSet<>(t.orgTypes())));
        if (blank(t.houseUse()) != null) parts.add("houseUse=" + t.houseUse().strip());
        if (t.rented() != null) parts.add("rented=" + t.rented());
        if (blank(t.regionCode()) != null) parts.add("region=" + t.regionCode().strip());
        if (blank(t.area()) != null) parts.add("area=drawn");
        if (t.nearWaterMetres() != null) parts.add("nearWater=" + t.nearWaterMetres().intValue() + "m");
        String text = String.join("; ", parts);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** The registry knows its own codes: a type it does not know is the officer's mistake, a 400. */
    private static <T> T ask(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw InspectionRefused.badInput("target", "inspection.error.filter", e.getMessage());
        }
    }

    private static PlaceKind kind(String kind) {
        if (blank(kind) == null) {
            return null;
        }
        try {
            return PlaceKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw InspectionRefused.badInput("kind", "inspection.error.kind", kind);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
