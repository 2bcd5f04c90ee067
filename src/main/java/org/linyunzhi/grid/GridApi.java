package org.linyunzhi.grid;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;

/**
 * What other modules (tasks, hazards, events) use of the region tree: route a point to its
 * micro-grid and walk the tree. Answers are not filtered by the caller's data scope; the caller
 * applies its own rules to what it routes.
 */
public interface GridApi {

    /**
     * The micro-grid holding a WGS-84 point and the people responsible there, answered from an
     * in-memory spatial index.
     *
     * @throws IllegalArgumentException when lon is outside −180..180 or lat outside −90..90
     */
    Location locate(double lon, double lat);

    /**
     * Like {@link #locate} but without the responsible people: only the in-memory index is asked, no
     * roster query. For bulk work (imports, demo data, intake of many records) that needs only where
     * a point lies; the registry's demo survey made thousands of roster queries before this existed.
     */
    Location placeOf(double lon, double lat);

    Optional<RegionNode> node(String code);

    /** Direct children in code order (west→east, north→south); the towns when code is null. */
    List<RegionNode> children(String code);

    /** The nodes of one level under a node (the node itself included when of that level), in code order. */
    List<RegionNode> descendants(String code, RegionLevel level);

    /** The people holding roles on these nodes, each role a row, with their linked login accounts. */
    List<StaffMember> rosters(Collection<String> nodeCodes);

    /** The staff members a login account is linked to (a person may be on file once, rarely twice). */
    List<UUID> staffLinkedTo(UUID userId);

    /**
     * Links a staff member to a login account, so that the tasks of that person reach the account;
     * false when no such staff member exists.
     */
    boolean linkUser(UUID staffId, UUID userId);

    /** Counts of nodes, people and roster gaps within a data scope, for dashboards. */
    GridOverview overview(DataScope scope);

    /**
     * The names of roster members by id, for modules that keep only the id (points, tasks); ids
     * that are not on file are missing from the answer.
     */
    Map<UUID, String> staffNames(Collection<UUID> staffIds);

    /** The rivers and water areas of the base map (empty before one is loaded), in the map's order. */
    List<Waterway> waterways();
}
