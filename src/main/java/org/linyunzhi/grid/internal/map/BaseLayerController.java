package org.linyunzhi.grid.internal.map;

import org.locationtech.jts.geom.Envelope;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The offline base map: read by the map page, replaced by an import. */
@RestController
@RequestMapping("/api/grid/map/base-layers")
class BaseLayerController {

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");

    private final BaseLayers layers;
    private final BaseLayerImport importer;

    BaseLayerController(BaseLayers layers, BaseLayerImport importer) {
        this.layers = layers;
        this.importer = importer;
    }

    /** All base features, or those meeting {@code bbox=minLon,minLat,maxLon,maxLat}. */
    @GetMapping(produces = "application/geo+json")
    @PreAuthorize("hasAuthority('grid:node:view')")
    ResponseEntity<String> layers(@RequestParam(required = false) String bbox) {
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                // rivers and roads change once a year; let the browser keep them for a while
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePrivate())
                .body(layers.collection(viewport(bbox)));
    }

    /** Replaces the whole base map with the uploaded FeatureCollection. */
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    @PreAuthorize("hasAuthority('grid:node:import')")
    BaseLayerImport.Result importLayers(@RequestBody String featureCollection) {
        return importer.importLayers(featureCollection);
    }

    static Envelope viewport(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new BadViewportException(bbox);
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new BadViewportException(bbox);
        }
        boolean inRange = Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180 && Math.abs(v[1]) <= 90 && Math.abs(v[3]) <= 90;
        if (!inRange || v[0] > v[2] || v[1] > v[3]) {
            throw new BadViewportException(bbox);
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /** A bbox parameter that is not four numbers minLon,minLat,maxLon,maxLat in range. */
    static class BadViewportException extends RuntimeException {
        final String bbox;

        BadViewportException(String bbox) {
            super("bad bbox " + bbox);
            this.bbox = bbox;
        }
    }
}
