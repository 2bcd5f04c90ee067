package org.linyunzhi.grid.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The grid's JSON API: nodes, search, map layers, point routing, tree import/export, coverage,
 * rosters and staffing. Every read and write is bounded by the caller's data scope; a node outside
 * it answers 404 as if it did not exist.
 */
@RestController
@RequestMapping("/api/grid")
class GridApiController {

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");

    private final RegionNodes nodes;
    private final Staff staff;
    private final GridApi grid;
    private final MapFeatures mapFeatures;
    private final RegionTreeImport treeImport;
    private final RegionTreeExport treeExport;
    private final CoverageReport coverage;
    private final TreeEdits edits;
    private final Rosters rosters;
    private final StaffingCompleteness staffing;
    private final GridProperties properties;

    GridApiController(RegionNodes nodes, Staff staff, GridApi grid, MapFeatures mapFeatures,
                      RegionTreeImport treeImport, RegionTreeExport treeExport, CoverageReport coverage,
                      TreeEdits edits, Rosters rosters, StaffingCompleteness staffing, GridProperties properties) {
        this.nodes = nodes;
        this.staff = staff;
        this.grid = grid;
        this.mapFeatures = mapFeatures;
        this.treeImport = treeImport;
        this.treeExport = treeExport;
        this.coverage = coverage;
        this.edits = edits;
        this.rosters = rosters;
        this.staffing = staffing;
        this.properties = properties;
    }

    // ---- nodes ----

    record PathStep(String code, String name, RegionLevel level) {
    }

    record RosterSeat(StaffRole role, String name, String phone, String gender) {
    }

    record NodeView(String code, String name, RegionLevel level, Object villageKind, Object dedicatedType,
                    String parentCode, List<PathStep> path, double[] bbox, double[] centroid, double areaM2,
                    int childCount, int version, List<RosterSeat> roster) {
    }

/** One node with its parent chain, box, centroid, area and roster; 404 outside the scope. */
    @GetMapping("/nodes/{code}")
    @PreAuthorize("hasAuthority('grid:node:view')")
    NodeView node(@PathVariable String code) {
        CurrentUser user = CurrentUser.require();
        StoredNode n = nodes.find(code, user.scope()).orElseThrow(() -> new NodeNotFoundException(code));
        List<PathStep> path = nodes.path(code).stream().map(p -> new PathStep(p.code(), p.name(), p.level())).toList();
        // names and roles are on the grid's public board; phones only for those who may see staff
        boolean phones = user.can("grid:staff:view");
        List<RosterSeat> roster = staff.roster(code).stream()
                .map(l -> new RosterSeat(l.role(), l.name(), phones ? l.phone() : null, l.gender())).toList();
        return new NodeView(n.code(), n.name(), n.level(), n.villageKind(), n.dedicatedType(), n.parentCode(), path,
                n.bbox(), n.centroid(), Math.round(n.areaM2()), n.childCount(), n.version(), roster);
    }

    record Child(String code, String name, RegionLevel level, int childCount) {
    }

/** A page of a node's children for a lazily opened tree; 404 when the node is outside the scope. */
    @GetMapping("/nodes/{code}/children")
    @PreAuthorize("hasAuthority('grid:node:view')")
    List<Child> children(@PathVariable String code,
                         @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "0") int offset) {
        DataScope scope = CurrentUser.require().scope();
        nodes.find(code, scope).orElseThrow(() -> new NodeNotFoundException(code));
        return nodes.children(code, scope, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset)).stream()
                .map(c -> new Child(c.code(), c.name(), c.level(), c.childCount())).toList();
    }

    record Hit(String code, String name, RegionLevel level, double[] bbox, double[] centroid) {
    }

/** Up to 20 nodes whose name contains the text or whose code starts with it, shallow levels first. */
    @GetMapping("/search")
    @PreAuthorize("hasAuthority('grid:node:view')")
    List<Hit> search(@RequestParam String q) {
        if (q.isBlank()) {
            throw GridRuleException.badInput("q", "grid.search.error.empty");
        }
        return nodes.search(q.strip(), CurrentUser.require().scope(), 20).stream()
                .map(n -> new Hit(n.code(), n.name(), n.level(), n.bbox(), n.centroid())).toList();
    }

    record NameChange(String name, Integer version) {
    }

/** Renames a node; 409 when the version is not the stored one (someone changed it meanwhile). */
    @PostMapping("/nodes/{code}/name")
    @PreAuthorize("hasAuthority('grid:node:edit')")
    NodeView rename(@PathVariable String code, @RequestBody NameChange change) {
        edits.rename(code, change.name(), requireVersion(change.version()), CurrentUser.require().scope());
        return node(code);
    }

/** Replaces a node's polygon after the import's checks against parent, siblings and children. */
    @PutMapping(path = "/nodes/{code}/boundary")
    @PreAuthorize("hasAuthority('grid:node:edit')")
    NodeView reshape(@PathVariable String code, @RequestParam Integer version, @RequestBody String geoJson) {
        edits.reshape(code, geoJson, requireVersion(version), CurrentUser.require().scope(), LocaleContextHolder.getLocale());
        return node(code);
    }

    private static int requireVersion(Integer version) {
        if (version == null) {
            throw GridRuleException.badInput("version", "grid.node.error.version");
        }
        return version;
    }

    // ---- map and routing ----

/** One level of the tree as map features for a viewport, simplified for the zoom. */
    @GetMapping(path = "/map/features", produces = "application/geo+json")
    @PreAuthorize("hasAuthority('grid:node:view')")
    ResponseEntity<String> mapFeatures(@RequestParam String level, @RequestParam(defaultValue = "14") int zoom,
                                       @RequestParam(required = false) String bbox) {
        RegionLevel l = RegionLevel.parse(level)
                .orElseThrow(() -> GridRuleException.badInput("level", "grid.map.error.level", level));
        String body = mapFeatures.collection(l, zoom, viewport(bbox), CurrentUser.require().scope());
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    /** "minLon,minLat,maxLon,maxLat" as Leaflet's toBBoxString() writes it. */
    static Envelope viewport(String bbox) {
        // absent means the whole layer; anything else must be four numbers in range, west before east
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        try {
            if (parts.length != 4) throw new NumberFormatException();
            double minLon = Double.parseDouble(parts[0].strip());
            double minLat = Double.parseDouble(parts[1].strip());
            double maxLon = Double.parseDouble(parts[2].strip());
            double maxLat = Double.parseDouble(parts[3].strip());
            GridService.checkCoordinates(minLon, minLat);
            GridService.checkCoordinates(maxLon, maxLat);
            if (minLon > maxLon || minLat > maxLat) throw new NumberFormatException();
            return new Envelope(minLon, maxLon, minLat, maxLat);
        } catch (IllegalArgumentException e) {
            throw GridRuleException.badInput("bbox", "grid.map.error.bbox", bbox);
        }
    }

    record NodeRef(String code, String name, RegionLevel level, Object dedicatedType) {
        static NodeRef of(RegionNode n) {
            return n == null ? null : new NodeRef(n.code(), n.name(), n.level(), n.dedicatedType());
        }
    }

    record Responsible(StaffRole role, String name, String phone, String nodeCode) {
    }

    record Located(boolean found, NodeRef microGrid, NodeRef grid, NodeRef village, NodeRef town,
                   List<Responsible> responsible) {
    }

    /** 200 with found=false outside every micro-grid: "nobody's" is an answer, not an error. */
    @GetMapping("/locate")
    @PreAuthorize("hasAuthority('grid:locate')")
    Located locate(@RequestParam double lon, @RequestParam double lat) {
        Location at = grid.locate(lon, lat);
        boolean phones = CurrentUser.require().can("grid:staff:view");
        return new Located(at.found(), NodeRef.of(at.microGrid()), NodeRef.of(at.grid()), NodeRef.of(at.village()),
                NodeRef.of(at.town()), at.responsible().stream()
                .map(r -> new Responsible(r.role(), r.name(), phones ? r.phone() : null, r.nodeCode())).toList());
    }

    // ---- import, export, coverage ----

/** Imports an uploaded file (form field "file"); see {@link RegionTreeImport} for what it replaces. */
    @PostMapping(path = "/tree/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('grid:node:import')")
    ImportResult importFile(@RequestPart("file") MultipartFile file) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        return treeImport.importTree(treeImport.readBounded(file.getInputStream(), file.getSize(), locale),
                locale, CurrentUser.require().scope());
    }

/** Imports a FeatureCollection sent as the request body. */
    @PostMapping(path = "/tree/import")
    @PreAuthorize("hasAuthority('grid:node:import')")
    ImportResult importBody(HttpServletRequest request) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        return treeImport.importTree(treeImport.readBounded(request.getInputStream(), request.getContentLengthLong(), locale),
                locale, CurrentUser.require().scope());
    }

/** The subtree under root (or the caller's whole scope) in the import format. */
    @GetMapping(path = "/tree/export", produces = "application/geo+json")
    @PreAuthorize("hasAuthority('grid:node:view')")
    ResponseEntity<String> export(@RequestParam(required = false) String root) {
        String subtree = scopedRoot(root);
        return ResponseEntity.ok().contentType(GEO_JSON)
                .header("Content-Disposition", "attachment; filename=\"region-tree-" + (subtree == null ? "all" : subtree) + ".geojson\"")
                .body(treeExport.export(subtree));
    }

/** Holes and overlaps of every parent under root. */
    @GetMapping("/coverage")
    @PreAuthorize("hasAuthority('grid:node:view')")
    CoverageReport.Report coverage(@RequestParam String root) {
        if (root.isBlank()) {
            throw GridRuleException.badInput("root", "grid.coverage.error.root");
        }
        return coverage.of(scopedRoot(root));
    }

    /** The subtree a caller may read: the root asked for if in scope, else their own node. */
    private String scopedRoot(String root) {
        DataScope scope = CurrentUser.require().scope();
        if (root == null || root.isBlank()) {
            if (scope.kind() == DataScope.Kind.ALL) {
                return null;
            }
            if (scope.regionCode() == null) {
                throw new NodeNotFoundException("-");
            }
            return scope.regionCode();
        }
        return nodes.find(root.strip(), scope).map(StoredNode::code).orElseThrow(() -> new NodeNotFoundException(root));
    }

    // ---- rosters and staffing ----

    record RosterLineView(UUID id, StaffRole role, String name, String gender, String phone) {
    }

/** The people on a node with their roles and work phones. */
    @GetMapping("/nodes/{code}/roster")
    @PreAuthorize("hasAuthority('grid:staff:view')")
    List<RosterLineView> roster(@PathVariable String code) {
        return rosters.of(code, CurrentUser.require().scope()).stream()
                .map(l -> new RosterLineView(l.assignmentId(), l.role(), l.name(), l.gender(), l.phone())).toList();
    }

/** Adds a person in a role; 409 when the role is full (one head, two members), 400 for bad input. */
    @PostMapping("/nodes/{code}/roster")
    @PreAuthorize("hasAuthority('grid:staff:edit')")
    ResponseEntity<List<RosterLineView>> addToRoster(@PathVariable String code, @RequestBody Rosters.Newcomer who) {
        rosters.add(code, CurrentUser.require().scope(), who);
        return ResponseEntity.status(201).body(roster(code));
    }

/** Takes a person off a node (the person stays on file and on other nodes). */
    @DeleteMapping("/nodes/{code}/roster/{assignment}")
    @PreAuthorize("hasAuthority('grid:staff:edit')")
    ResponseEntity<Void> removeFromRoster(@PathVariable String code, @PathVariable UUID assignment) {
        rosters.remove(code, CurrentUser.require().scope(), assignment);
        return ResponseEntity.noContent().build();
    }

/** Short rosters grouped by village, filtered by subtree, level and missing role. */
    @GetMapping("/staffing")
    @PreAuthorize("hasAuthority('grid:staff:view')")
    StaffingCompleteness.Report staffing(@RequestParam(required = false) String under,
                                         @RequestParam(required = false) String level,
                                         @RequestParam(required = false) String role) {
        return staffing.report(CurrentUser.require().scope(), blank(under),
                level == null || level.isBlank() ? null : RegionLevel.parse(level)
                        .orElseThrow(() -> GridRuleException.badInput("level", "grid.map.error.level", level)),
                role == null || role.isBlank() ? null : RosterRules.role(role)
                        .orElseThrow(() -> GridRuleException.badInput("role", "grid.roster.error.role")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
