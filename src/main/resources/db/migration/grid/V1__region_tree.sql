-- The region tree: town -> village/community -> grid -> micro-grid / dedicated micro-grid.
-- The boundary is kept as the GeoJSON geometry it was imported as (the application parses it with
-- JTS); bbox and centroid are PostgreSQL's native geometric types so viewport and nearest queries
-- use GiST indexes without PostGIS.
CREATE TABLE grid_region_node (
  id              UUID PRIMARY KEY,
  parent_id       UUID REFERENCES grid_region_node (id) ON DELETE CASCADE,
  level           TEXT NOT NULL CHECK (level IN ('TOWN', 'VILLAGE', 'GRID', 'MICRO_GRID', 'DEDICATED_MICRO_GRID')),
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  village_kind    TEXT CHECK (village_kind IN ('COMMUNITY', 'VILLAGE')),
  dedicated_type  TEXT CHECK (dedicated_type IN ('ENTERPRISE', 'SCHOOL', 'MARKET', 'HOSPITAL', 'CONSTRUCTION_SITE', 'SCENIC_AREA')),
  boundary        JSONB NOT NULL,
  bbox            BOX NOT NULL,
  centroid        POINT NOT NULL,
  area_m2         DOUBLE PRECISION NOT NULL,
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((level = 'VILLAGE') = (village_kind IS NOT NULL)),
  CHECK ((level = 'DEDICATED_MICRO_GRID') = (dedicated_type IS NOT NULL)),
  CHECK ((level = 'TOWN') = (parent_id IS NULL))
);
CREATE INDEX grid_region_node_parent_idx ON grid_region_node (parent_id, code);
-- data scopes are code prefixes: LIKE '330109107201%' uses this index
CREATE INDEX grid_region_node_code_prefix_idx ON grid_region_node (code text_pattern_ops);
CREATE INDEX grid_region_node_level_idx ON grid_region_node (level);
CREATE INDEX grid_region_node_bbox_idx ON grid_region_node USING gist (bbox);
CREATE INDEX grid_region_node_centroid_idx ON grid_region_node USING gist (centroid);

-- One row: bumped in the same transaction as every change of the tree, so each application node
-- can tell cheaply whether its in-memory spatial index and map caches are stale.
CREATE TABLE grid_tree_state (
  id          INT PRIMARY KEY CHECK (id = 1),
  version     BIGINT NOT NULL,
  changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO grid_tree_state (id, version) VALUES (1, 0);
