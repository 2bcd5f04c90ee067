-- The one map's pre-counted cells: hazards per square of 1/256 degree (grain 8, about 380 m x 430 m
-- at the town's latitude) and of 1/64 degree (grain 6, for town-wide views), per class, level and
-- status, with the sums of their coordinates so a cluster's centre of mass is exact; and, for the
-- unfiltered map at village zoom, per square of 1/1024 degree (grain 10, about 100 m) and level only
-- (class and status '*'). A view of a million hazards adds up a few thousand of these rows instead
-- of aggregating the hazards (docs/benchmarks.md, "One map: viewport"; docs/decisions/onemap-viewport.md).
-- A trigger keeps them with every insert, move, re-level, status change and delete of a hazard,
-- in the same transaction, so the map never shows counts the table does not hold.

CREATE TABLE hazard_map_cell (
    grain      smallint         NOT NULL,   -- cells are 2^-grain degrees wide: 6, 8 or 10
    cx         integer          NOT NULL,   -- floor(lon * 2^grain)
    cy         integer          NOT NULL,   -- floor(lat * 2^grain)
    class_code varchar(40)      NOT NULL,
    level      smallint         NOT NULL,
    status     varchar(30)      NOT NULL,
    hazards    integer          NOT NULL,
    lon_sum    double precision NOT NULL,
    lat_sum    double precision NOT NULL,
    PRIMARY KEY (grain, cx, cy, class_code, level, status)
);

CREATE FUNCTION hazard_map_cell_add(p_lon double precision, p_lat double precision, p_class varchar,
                                    p_level smallint, p_status varchar, p_sign integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hazard_map_cell AS c (grain, cx, cy, class_code, level, status, hazards, lon_sum, lat_sum)
    SELECT g, floor(p_lon * (1 << g))::integer, floor(p_lat * (1 << g))::integer,
           CASE WHEN g = 10 THEN '*' ELSE coalesce(p_class, '') END, p_level,
           CASE WHEN g = 10 THEN '*' ELSE coalesce(p_status, '') END, p_sign, p_sign * p_lon, p_sign * p_lat
      FROM (VALUES (6), (8), (10)) AS grains (g)
    ON CONFLICT (grain, cx, cy, class_code, level, status) DO UPDATE
       SET hazards = c.hazards + EXCLUDED.hazards,
           lon_sum = c.lon_sum + EXCLUDED.lon_sum,
           lat_sum = c.lat_sum + EXCLUDED.lat_sum
$$;

CREATE FUNCTION hazard_map_cell_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM hazard_map_cell_add(OLD.lon, OLD.lat, OLD.class_code, OLD.level, OLD.status, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM hazard_map_cell_add(NEW.lon, NEW.lat, NEW.class_code, NEW.level, NEW.status, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER hazard_map_cell_on_insert_delete AFTER INSERT OR DELETE ON hazard_hazard
    FOR EACH ROW EXECUTE FUNCTION hazard_map_cell_track();

-- most updates of a hazard (deadline, version, overdue, text) leave its cell alone
CREATE TRIGGER hazard_map_cell_on_update AFTER UPDATE ON hazard_hazard
    FOR EACH ROW
    WHEN (OLD.lon IS DISTINCT FROM NEW.lon OR OLD.lat IS DISTINCT FROM NEW.lat
          OR OLD.class_code IS DISTINCT FROM NEW.class_code OR OLD.level IS DISTINCT FROM NEW.level
          OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION hazard_map_cell_track();

-- after a bulk load with the triggers disabled (the benchmark's million hazards): count afresh
CREATE FUNCTION hazard_map_cell_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM hazard_map_cell;
    INSERT INTO hazard_map_cell (grain, cx, cy, class_code, level, status, hazards, lon_sum, lat_sum)
    SELECT g, floor(lon * (1 << g))::integer, floor(lat * (1 << g))::integer,
           CASE WHEN g = 10 THEN '*' ELSE coalesce(class_code, '') END, level,
           CASE WHEN g = 10 THEN '*' ELSE coalesce(status, '') END, count(*), sum(lon), sum(lat)
      FROM hazard_hazard CROSS JOIN (VALUES (6), (8), (10)) AS grains (g)
     GROUP BY 1, 2, 3, 4, 5, 6;
$$;

SELECT hazard_map_cell_rebuild();

-- the map's category filter over a wide view: without it a category holding 0.4 % of the hazards
-- would be found by walking every hazard in the box
CREATE INDEX hazard_hazard_category_found ON hazard_hazard (category_code, found_at);
