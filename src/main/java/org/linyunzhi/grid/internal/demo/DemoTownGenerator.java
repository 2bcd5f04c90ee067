package org.linyunzhi.grid.internal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linyunzhi.grid.internal.RosterEntry;

/**
 * The demo town (临浦镇, 330109107), built the same way byte for byte on every run from a fixed
 * seed: its region tree as a GeoJSON FeatureCollection in the import format, its roster, and an
 * offline base map. It reproduces the seed's numbers from its own data: 90 grids, 675 micro-grids,
 * 177 dedicated micro-grids and about 2,500 staff. Pure Java: no Spring, no database.
 */
public final class DemoTownGenerator {

    /** The date on the seed's task table (2022-10-26); any fixed number would do. */
    public static final long SEED = 20221026L;
    public static final String TOWN_CODE = DemoGeography.TOWN_CODE;

    private final List<DemoNode> nodes;
    private final List<DemoStaffing.Assignment> assignments;
    private final List<DemoBaseMap.Feature> baseMap;

    public DemoTownGenerator() {
        this(SEED);
    }

    public DemoTownGenerator(long seed) {
        // one random stream per concern, so that changing how people are drawn cannot move a boundary
        DemoGeography.Drawn drawn = DemoGeography.draw(new Random(seed));
        List<DemoNode> all = new ArrayList<>(drawn.nodes());
        all.addAll(DedicatedSites.place(drawn.nodes(), drawn.industrialVillages(), new Random(seed + 1)));
        this.nodes = List.copyOf(all);
        this.assignments = DemoStaffing.staff(nodes, new Random(seed + 2));
        this.baseMap = DemoBaseMap.draw(drawn.outline(), new Random(seed + 3));
    }

    /** The region tree in the import format, parents before children. */
    public String featureCollection() {
        StringBuilder sb = new StringBuilder(4 << 20);
        sb.append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < nodes.size(); i++) {
            DemoNode n = nodes.get(i);
            if (i > 0) {
                sb.append(",\n");
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", n.code());
            p.put("name", n.name());
            p.put("level", n.level());
            p.put("parentCode", n.parentCode());
            p.put("villageKind", n.villageKind());
            p.put("dedicatedType", n.dedicatedType());
            GeoJsonText.feature(sb, p, n.geometry());
        }
        return sb.append("]}").toString();
    }

    /** Rivers, water areas and main roads as a FeatureCollection with properties kind and name. */
    public String baseLayers() {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < baseMap.size(); i++) {
            DemoBaseMap.Feature f = baseMap.get(i);
            if (i > 0) {
                sb.append(",\n");
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", f.kind());
            p.put("name", f.name());
            if (f.detail() != null) {
                p.put("ROAD".equals(f.kind()) ? "roadClass" : "width",
                        "ROAD".equals(f.kind()) ? f.detail() : (Object) Double.parseDouble(f.detail()));
            }
            GeoJsonText.feature(sb, p, f.geometry());
        }
        return sb.append("]}").toString();
    }

    /** Who holds which role where: "1+3+N" per grid, "一长两员" per micro-grid, a few posts empty. */
    public List<RosterEntry> roster() {
        return assignments.stream()
                .map(a -> new RosterEntry(a.nodeCode(), a.role(), a.person().key(), a.person().name(),
                        a.person().gender(), a.person().phone()))
                .toList();
    }

    List<DemoNode> nodes() {
        return nodes;
    }

    List<DemoStaffing.Assignment> assignments() {
        return assignments;
    }
}
