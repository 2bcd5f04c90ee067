-- The offline base map drawn under the grids: rivers, water areas and roads. The map works with
-- no tile service at all; the demo profile loads the demo town's own layers and a real deployment
-- imports its own (POST /api/grid/map/base-layers), replacing the whole set at once.
CREATE TABLE grid_base_layer (
  id          UUID PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('RIVER', 'ROAD', 'WATER')),
  name        TEXT,
  -- styling hints kept as given (width in metres, roadClass), merged into the feature's properties
  properties  JSONB NOT NULL DEFAULT '{}'::jsonb,
  geometry    JSONB NOT NULL,
  bbox        BOX NOT NULL,
  -- draw order: water areas under rivers under roads, then the order of the import
  sort_order  INT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX grid_base_layer_bbox_idx ON grid_base_layer USING gist (bbox);
