package org.linyunzhi.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The residents table. Searching by number goes through the keyed hash: the clear number never
 * appears in SQL, in logs or in an index.
 */
@Repository
class Residents {

    private static final String COLUMNS = "r.id, r.name, r.id_cipher, r.id_hash, r.id_masked, r.phone_cipher, "
            + "r.phone_hash, r.phone_masked, r.gender, r.house_id, r.household, r.tags, r.region_code, r.sources, r.version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Residents(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Collection<Resident> residents) {
        batch.batchUpdate("INSERT INTO registry_resident (id, name, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, "
                        + "phone_masked, gender, house_id, household, tags, region_code, sources) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                residents.stream().map(r -> new Object[] {r.id(), r.name(), r.idCipher(), r.idHash(), r.idMasked(),
                        r.phoneCipher(), r.phoneHash(), r.phoneMasked(), r.gender(), r.houseId(), r.household(),
                        Rows.array(r.tags()), r.regionCode(), Rows.array(r.sources())}).toList());
    }

    void update(Collection<Resident> residents) {
        batch.batchUpdate("UPDATE registry_resident SET name = ?, phone_cipher = ?, phone_hash = ?, phone_masked = ?, "
                        + "house_id = ?, household = ?, tags = ?, region_code = ?, sources = ?, version = version + 1, "
                        + "updated_at = now() WHERE id = ?",
                residents.stream().map(r -> new Object[] {r.name(), r.phoneCipher(), r.phoneHash(), r.phoneMasked(),
                        r.houseId(), r.household(), Rows.array(r.tags()), r.regionCode(), Rows.array(r.sources()), r.id()})
                        .toList());
    }

    /** Stored residents by the hex of their ID hash (whatever their scope: merging must see them). */
    Map<String, Resident> byIdHashes(Collection<byte[]> hashes) {
        Map<String, Resident> found = new HashMap<>();
        if (!hashes.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM registry_resident r WHERE r.id_hash = ANY(:hashes)")
                    .param("hashes", hashes.toArray(byte[][]::new)).query(Residents::resident).list()
                    .forEach(r -> found.put(Rows.hex(r.idHash()), r));
        }
        return found;
    }

    Optional<Resident> find(UUID id, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("r.region_code");
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_resident r WHERE r.id = :id AND " + in.sql())
                .param("id", id).params(in.params()).query(Residents::resident).optional();
    }

    List<Resident> ofHouse(UUID houseId, DataScope scope) {
        DataScope.SqlPredicate in = scope.predicate("r.region_code");
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_resident r WHERE r.house_id = :house AND " + in.sql()
                        + " ORDER BY r.household NULLS LAST, r.name, r.id")
                .param("house", houseId).params(in.params()).query(Residents::resident).list();
    }

    List<Resident> search(ResidentSearch search, DataScope scope, int offset, int limit) {
        Houses.Where w = where(search, scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_resident r" + w.sql
                        + " ORDER BY r.region_code, r.name, r.id OFFSET " + offset + " LIMIT " + limit)
                .params(w.params).query(Residents::resident).list();
    }

    int count(ResidentSearch search, DataScope scope) {
        Houses.Where w = where(search, scope);
        return jdbc.sql("SELECT count(*) FROM registry_resident r" + w.sql).params(w.params).query(Integer.class).single();
    }

    private static Houses.Where where(ResidentSearch s, DataScope scope) {
        Houses.Where w = new Houses.Where(scope.predicate("r.region_code"));
        if (s.name() != null) {
            w.and("r.name ILIKE :name", "name", Rows.contains(s.name()));
        }
        if (s.idHash() != null) {
            w.and("r.id_hash = :idHash", "idHash", s.idHash());
        }
        if (s.phoneHash() != null) {
            w.and("r.phone_hash = :phoneHash", "phoneHash", s.phoneHash());
        }
        if (s.tag() != null) {
            w.and("r.tags @> ARRAY[CAST(:tag AS TEXT)]", "tag", s.tag().name());
        }
        if (s.region() != null) {
            w.and("r.region_code LIKE :region", "region", s.region() + "%");
        }
        return w;
    }

    static Resident resident(ResultSet rs, int row) throws SQLException {
        return new Resident(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBytes("id_cipher"),
                rs.getBytes("id_hash"), rs.getString("id_masked"), rs.getBytes("phone_cipher"), rs.getBytes("phone_hash"),
                rs.getString("phone_masked"), rs.getString("gender"), rs.getObject("house_id", UUID.class),
                rs.getString("household"), Rows.texts(rs, "tags"), rs.getString("region_code"),
                Rows.texts(rs, "sources"), rs.getInt("version"));
    }

    /** What the resident list filters on; numbers arrive already hashed. */
    record ResidentSearch(String name, byte[] idHash, byte[] phoneHash, ResidentTag tag, String region) {
    }
}
