package org.linyunzhi.resource.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shelters (应急避难场所): capacity by day and by night, how many people are there now, open or
 * closed. Nobody is sheltered in a closed shelter, and no more people than it holds by day or by
 * night, whichever is larger.
 */
@Component
class Shelters {

    static final int MAX_CAPACITY = 1_000_000;

    private final JdbcClient jdbc;
    private final Siting siting;

    Shelters(JdbcClient jdbc, Siting siting) {
        this.jdbc = jdbc;
        this.siting = siting;
    }

    record NewShelter(String name, String level, Integer capacityDay, Integer capacityNight, String address,
                      Double lon, Double lat) {
    }

    record Shelter(UUID id, String name, ShelterLevel level, int capacityDay, int capacityNight, int occupancy,
                   boolean open, String address, double lon, double lat, String regionCode, int version) {

        public int holds() {
            return Math.max(capacityDay, capacityNight);
        }
    }

    /** A shelter's fields after every check, and the micro-grid its position files it under. */
    private record Checked(String name, ShelterLevel level, int day, int night, String address, double lon, double lat,
                           String region) {
    }

    /** The checks a new shelter and an edited one share. */
    private Checked check(NewShelter s, DataScope scope) {
        String name = Fields.required("name", s.name(), 100);
        ShelterLevel level = Fields.oneOf("level", ShelterLevel.class, s.level());
        int day = Fields.count("capacityDay", s.capacityDay(), MAX_CAPACITY);
        int night = Fields.count("capacityNight", s.capacityNight(), MAX_CAPACITY);
        String address = Fields.required("address", s.address(), 200);
        String region = siting.regionOf(s.lon(), s.lat(), scope);
        return new Checked(name, level, day, night, address, s.lon(), s.lat(), region);
    }

    /** Files a shelter, closed and empty, under the micro-grid at its position. */
    @Transactional
    UUID create(NewShelter s, DataScope scope) {
        Checked c = check(s, scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO resource_shelter (id, name, level, capacity_day, capacity_night, address, lon, lat,
                            position, region_code)
                        VALUES (:id, :name, :level, :day, :night, :address, :lon, :lat, point(:lon, :lat), :region)""")
                .param("id", id).param("name", c.name()).param("level", c.level().name()).param("day", c.day())
                .param("night", c.night()).param("address", c.address()).param("lon", c.lon()).param("lat", c.lat())
                .param("region", c.region()).update();
        return id;
    }

    /** Rewrites a shelter as the form has it, opening and occupancy included, guarded by the version read. */
    @Transactional
    Shelter edit(UUID id, NewShelter s, boolean open, Integer occupancy, Integer expectedVersion, DataScope scope) {
        Shelter now = find(id, scope).orElseThrow(ResourceRefused::notFound);
        Checked c = check(s, scope);
        int people = occupancy == null ? 0 : Fields.count("occupancy", occupancy, MAX_CAPACITY);
        checkOccupancy(open, people, Math.max(c.day(), c.night()));
        int version = expectedVersion == null ? now.version() : expectedVersion;
        int changed = jdbc.sql("""
                        UPDATE resource_shelter SET name = :name, level = :level, capacity_day = :day,
                            capacity_night = :night, address = :address, lon = :lon, lat = :lat,
                            position = point(:lon, :lat), region_code = :region, open = :open, occupancy = :people,
                            version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("name", c.name()).param("level", c.level().name()).param("day", c.day())
                .param("night", c.night()).param("address", c.address()).param("lon", c.lon()).param("lat", c.lat())
                .param("region", c.region()).param("open", open).param("people", people).param("id", id)
                .param("version", version).update();
        if (changed == 0) {
            throw ResourceRefused.conflict("resource.error.changedMeanwhile");
        }
        return find(id, scope).orElseThrow();
    }

    /** Nobody in a closed shelter, and no more people than it holds. */
    private static void checkOccupancy(boolean open, int people, int holds) {
        if (people > holds) {
            throw ResourceRefused.badInput("occupancy", "resource.error.overCapacity", holds);
        }
        if (!open && people > 0) {
            throw ResourceRefused.badInput("occupancy", "resource.error.closedWithPeople", people);
        }
    }

    /** Shelters in scope, the open ones first; {@code open} null lists both. */
    List<Shelter> list(DataScope scope, Boolean open) {
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql("SELECT t.* FROM resource_shelter t WHERE (CAST(:open AS boolean) IS NULL OR t.open = :open) AND "
                        + inScope.sql() + " ORDER BY t.open DESC, t.level, t.name")
                .params(inScope.params()).param("open", open).query(Shelters::shelter).list();
    }

    /** A shelter, or empty when missing or outside the scope. */
    Optional<Shelter> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate inScope = scope.predicate("t.region_code");
        return jdbc.sql("SELECT t.* FROM resource_shelter t WHERE t.id = :id AND " + inScope.sql())
                .params(inScope.params()).param("id", id).query(Shelters::shelter).optional();
    }

    /** Opens or closes a shelter and records how many people are in it, guarded by the version read. */
    @Transactional
    Shelter update(UUID id, Boolean open, Integer occupancy, Integer expectedVersion, DataScope scope) {
        Shelter s = find(id, scope).orElseThrow(ResourceRefused::notFound);
        boolean nowOpen = open == null ? s.open() : open;
        int people = occupancy == null ? s.occupancy() : Fields.count("occupancy", occupancy, MAX_CAPACITY);
        checkOccupancy(nowOpen, people, s.holds());
        int version = expectedVersion == null ? s.version() : expectedVersion;
        int changed = jdbc.sql("""
                        UPDATE resource_shelter SET open = :open, occupancy = :people, version = version + 1,
                            updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("open", nowOpen).param("people", people).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw ResourceRefused.conflict("resource.error.changedMeanwhile");
        }
        return find(id, scope).orElseThrow();
    }

    private static Shelter shelter(ResultSet rs, int i) throws SQLException {
        return new Shelter(rs.getObject("id", UUID.class), rs.getString("name"), ShelterLevel.valueOf(rs.getString("level")),
                rs.getInt("capacity_day"), rs.getInt("capacity_night"), rs.getInt("occupancy"), rs.getBoolean("open"),
                rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("region_code"),
                rs.getInt("version"));
    }
}
