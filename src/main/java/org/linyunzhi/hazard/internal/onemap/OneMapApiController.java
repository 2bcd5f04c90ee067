package org.linyunzhi.hazard.internal.onemap;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.resource.ResourceApi;
import org.linyunzhi.resource.ResourceKind;
import org.linyunzhi.resource.ResourcePlace;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one map's data: hazards of a view (or their clusters), their density for the heat layer, a
 * hazard's card with the nearest resources, the nearest resources to any point, inspection points
 * and resources of a view, and the campaign figures. Every parameter is parsed here by hand, so a
 * bad one is answered 400 naming it, never 500.
 */
@RestController
@RequestMapping("/api/hazard/map")
@PreAuthorize("hasAuthority('hazard:map:view')")
class OneMapApiController {

    /** Resources drawn at once in a view; a town holds a few hundred. */
    static final int MAX_RESOURCES = 1_000;

    private final HazardMap map;
    private final MapDetails details;
    private final NearestResources nearest;
    private final ResourceApi resources;
    private final CampaignFigures figures;

    OneMapApiController(HazardMap map, MapDetails details, NearestResources nearest, ResourceApi resources,
                        CampaignFigures figures) {
        this.map = map;
        this.details = details;
        this.nearest = nearest;
        this.resources = resources;
        this.figures = figures;
    }

    /**
     * Hazards when the view holds at most 2,000 of them, otherwise clusters; 2,000 features at most.
     * Parameters: {@code bbox, zoom} and the filters {@code class, category, level, status, campaign,
     * from, to} (lists repeated or comma-separated).
     */
    @GetMapping("/hazards")
    HazardMap.MapAnswer hazards(@RequestParam MultiValueMap<String, String> query) {
        return map.view(viewport(query), filter(query), CurrentUser.require().scope());
    }

    /** Hazard density of the view for the heat layer: cells with a count, a quarter of a cluster cell wide. */
    @GetMapping("/density")
    HazardMap.MapAnswer density(@RequestParam MultiValueMap<String, String> query) {
        return map.density(viewport(query), filter(query), CurrentUser.require().scope());
    }

    private static MapViewport viewport(MultiValueMap<String, String> query) {
        return MapViewport.parse(query.getFirst("bbox"), query.getFirst("zoom"));
    }

    private static HazardMapFilter filter(MultiValueMap<String, String> query) {
        return HazardMapFilter.parse(query.get("class"), query.get("category"), query.get("level"), query.get("status"),
                query.getFirst("campaign"), query.getFirst("from"), query.getFirst("to"));
    }

    /** One hazard's card and the nearest resources of each kind; 404 outside the caller's scope. */
    @GetMapping("/hazards/{id}")
    Map<String, Object> hazard(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadMapInput("id", "onemap.error.id", id);
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        MapDetails.HazardCard card = details.hazard(uuid, CurrentUser.require().scope(), english);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hazard", card);
        out.put("nearest", nearest.around(card.lon(), card.lat()));
        return out;
    }

    /** The nearest resources of each kind to any point of the map. */
    @GetMapping("/nearest")
    Map<String, Object> nearest(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat) {
        double x = coordinate("lon", lon);
        double y = coordinate("lat", lat);
        return Map.of("lon", x, "lat", y, "nearest", nearest.around(x, y));
    }

    /** Inspection points of the view, inspected or not, optionally of one campaign. */
    @GetMapping("/points")
    MapDetails.Points points(@RequestParam(required = false) String bbox, @RequestParam(required = false) String zoom,
                             @RequestParam(required = false) String campaign) {
        HazardMapFilter f = HazardMapFilter.parse(null, null, null, null, campaign, null, null);
        return details.inspectionPoints(MapViewport.parse(bbox, zoom), f.campaign(), CurrentUser.require().scope());
    }

    /** Rescue teams, shelters and warehouses of the view (all kinds unless {@code kind} names some). */
    @GetMapping("/resources")
    List<ResourcePlace> resources(@RequestParam(required = false) String bbox, @RequestParam(required = false) String zoom,
                                  @RequestParam(name = "kind", required = false) List<String> kinds) {
        MapViewport v = MapViewport.parse(bbox, zoom);
        Set<ResourceKind> wanted = EnumSet.noneOf(ResourceKind.class);
        if (kinds != null) {
            for (String k : kinds) {
                for (String s : k.split(",")) {
                    if (s.isBlank()) continue;
                    try {
                        wanted.add(ResourceKind.valueOf(s.strip()));
                    } catch (IllegalArgumentException e) {
                        throw new BadMapInput("kind", "onemap.error.kind", s);
                    }
                }
            }
        }
        if (wanted.isEmpty()) wanted = EnumSet.allOf(ResourceKind.class);
        return resources.within(v.west(), v.south(), v.east(), v.north(), wanted, MAX_RESOURCES);
    }

    /** The campaign figures, overall and per campaign, inside the caller's scope. */
    @GetMapping("/figures")
    Map<String, Object> figures() {
        var scope = CurrentUser.require().scope();
        return Map.of("overall", figures.overall(scope), "campaigns", figures.perCampaign(scope));
    }

    private static double coordinate(String name, String value) {
        double max = name.equals("lon") ? 180 : 90;
        try {
            double v = Double.parseDouble(value == null ? "" : value.strip());
            if (Double.isFinite(v) && v >= -max && v <= max) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadMapInput(name, "onemap.error.coordinate", value);
    }
}
