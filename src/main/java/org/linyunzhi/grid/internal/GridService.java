package org.linyunzhi.grid.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.GridOverview;
import org.linyunzhi.grid.Location;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.grid.Waterway;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid module's public face: routes points through the live index and answers node lookups
 * for other modules.
 */
@Service
class GridService implements GridApi {

    /** Who answers for a point: the micro-grid's "一长两员", then the grid's "1+3". */
    private static final List<StaffRole> RESPONSIBLE = List.of(StaffRole.MICRO_GRID_HEAD, StaffRole.MICRO_GRID_MEMBER,
            StaffRole.GRID_HEAD, StaffRole.FULL_TIME_WORKER, StaffRole.PART_TIME_WORKER, StaffRole.GRID_GUIDE);

    private final LiveRegionIndex index;
    private final RegionNodes nodes;
    private final Staff staff;
    private final GridOverviewQuery overview;
    private final Waterways waterways;

    GridService(LiveRegionIndex index, RegionNodes nodes, Staff staff, GridOverviewQuery overview, Waterways waterways) {
        this.index = index;
        this.nodes = nodes;
        this.staff = staff;
        this.overview = overview;
        this.waterways = waterways;
    }

    @Override
    public Location locate(double lon, double lat) {
        return locate(lon, lat, true);
    }

    @Override
    public Location placeOf(double lon, double lat) {
        return locate(lon, lat, false);
    }

    private Location locate(double lon, double lat, boolean withResponsible) {
        checkCoordinates(lon, lat);
        RegionIndex current = index.current();
        RegionNode microGrid = current.microGridAt(lon, lat);
        if (microGrid == null) {
            return Location.notFound();
        }
        // the chain above comes from the same index snapshot, so it is consistent with the answer
        RegionNode grid = current.node(microGrid.parentCode());
        RegionNode village = grid == null ? null : current.node(grid.parentCode());
        RegionNode town = village == null ? null : current.node(village.parentCode());
        List<Location.Responsible> responsible = new ArrayList<>();
        if (!withResponsible) {
            return new Location(true, microGrid, grid, village, town, responsible);
        }
        List<String> codes = grid == null ? List.of(microGrid.code()) : List.of(microGrid.code(), grid.code());
        for (Staff.RosterLine line : staff.rosters(codes)) {
            if (RESPONSIBLE.contains(line.role())) {
                responsible.add(new Location.Responsible(line.role(), line.name(), line.phone(), line.nodeCode()));
            }
        }
        responsible.sort(java.util.Comparator.comparingInt(r -> RESPONSIBLE.indexOf(r.role())));
        return new Location(true, microGrid, grid, village, town, responsible);
    }

    static void checkCoordinates(double lon, double lat) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be between -180 and 180, was " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be between -90 and 90, was " + lat);
        }
    }

    @Override
    public Optional<RegionNode> node(String code) {
        return nodes.find(code, DataScope.all()).map(StoredNode::toRegionNode);
    }

    @Override
    public List<RegionNode> children(String code) {
        return nodes.childrenOrTowns(code).stream().map(StoredNode::toRegionNode).toList();
    }

    @Override
    public GridOverview overview(DataScope scope) {
        return overview.overview(scope);
    }

    @Override
    public List<RegionNode> descendants(String code, RegionLevel level) {
        return nodes.ofLevel(level, DataScope.region(code), Integer.MAX_VALUE).stream()
                .map(StoredNode::toRegionNode).toList();
    }

    @Override
    public List<StaffMember> rosters(Collection<String> nodeCodes) {
        return staff.members(nodeCodes);
    }

    @Override
    public List<UUID> staffLinkedTo(UUID userId) {
        return staff.linkedTo(userId);
    }

    @Override
    @Transactional
    public boolean linkUser(UUID staffId, UUID userId) {
        return staff.link(staffId, userId);
    }

    @Override
    public Map<UUID, String> staffNames(Collection<UUID> staffIds) {
        return staff.names(staffIds);
    }

    @Override
    public List<Waterway> waterways() {
        return waterways.all();
    }
}
