-- Emergency resources (应急资源): rescue teams, shelters, warehouses with their stock, and dispatch
-- records. Every place keeps its WGS-84 position twice: lon/lat for people and JSON, and a native
-- PostgreSQL point (x = lon, y = lat) with a GiST index, which answers "the k nearest" with the KNN
-- operator <-> and map viewports with <@ box, without PostGIS. Each kind has its own table so a
-- nearest-k of one kind walks one index and never filters out the other kinds on the way.

CREATE TABLE resource_team (
  id           UUID PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  -- COMPREHENSIVE 综合应急, FLOOD 防汛抢险, FIRE 消防志愿, MEDICAL 医疗救护, POWER 电力抢修
  team_type    VARCHAR(32)  NOT NULL CHECK (team_type IN ('COMPREHENSIVE', 'FLOOD', 'FIRE', 'MEDICAL', 'POWER')),
  -- DEPLOYED is set and cleared only by a dispatch of the team
  status       VARCHAR(16)  NOT NULL CHECK (status IN ('ON_DUTY', 'STANDBY', 'DEPLOYED', 'OFF')),
  address      VARCHAR(200) NOT NULL,
  lon          DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat          DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  position     POINT        NOT NULL,
  region_code  VARCHAR(32)  NOT NULL,
  version      INT          NOT NULL DEFAULT 0,
  updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX resource_team_position_idx ON resource_team USING gist (position);
CREATE INDEX resource_team_region_idx ON resource_team (region_code text_pattern_ops);

CREATE TABLE resource_team_member (
  team_id  UUID        NOT NULL REFERENCES resource_team (id) ON DELETE CASCADE,
  seq      INT         NOT NULL,
  name     VARCHAR(50) NOT NULL,
  -- a work phone, as on the grid roster
  phone    VARCHAR(20),
  -- LEADER 队长, DEPUTY 副队长, MEMBER 队员
  role     VARCHAR(16) NOT NULL CHECK (role IN ('LEADER', 'DEPUTY', 'MEMBER')),
  PRIMARY KEY (team_id, seq)
);

CREATE TABLE resource_team_equipment (
  team_id   UUID        NOT NULL REFERENCES resource_team (id) ON DELETE CASCADE,
  item      VARCHAR(50) NOT NULL,
  unit      VARCHAR(10) NOT NULL,
  quantity  INT         NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (team_id, item)
);

-- Shelters (应急避难场所, GB/T 44013-2024): the level is the government level that runs it.
CREATE TABLE resource_shelter (
  id              UUID PRIMARY KEY,
  name            VARCHAR(100) NOT NULL,
  level           VARCHAR(16)  NOT NULL CHECK (level IN ('COUNTY', 'TOWN', 'VILLAGE')),
  -- people it holds by day (standing room, halls) and by night (beds, floor space to sleep)
  capacity_day    INT          NOT NULL CHECK (capacity_day >= 0),
  capacity_night  INT          NOT NULL CHECK (capacity_night >= 0),
  occupancy       INT          NOT NULL DEFAULT 0 CHECK (occupancy >= 0),
  open            BOOLEAN      NOT NULL DEFAULT FALSE,
  address         VARCHAR(200) NOT NULL,
  lon             DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat             DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  position        POINT        NOT NULL,
  region_code     VARCHAR(32)  NOT NULL,
  version         INT          NOT NULL DEFAULT 0,
  updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX resource_shelter_position_idx ON resource_shelter USING gist (position);
CREATE INDEX resource_shelter_region_idx ON resource_shelter (region_code text_pattern_ops);

CREATE TABLE resource_warehouse (
  id           UUID PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  keeper       VARCHAR(50),
  address      VARCHAR(200) NOT NULL,
  lon          DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat          DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  position     POINT        NOT NULL,
  region_code  VARCHAR(32)  NOT NULL,
  -- DISPATCHED while its materials are out on a dispatch
  status       VARCHAR(16)  NOT NULL DEFAULT 'READY' CHECK (status IN ('READY', 'DISPATCHED')),
  version      INT          NOT NULL DEFAULT 0,
  updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX resource_warehouse_position_idx ON resource_warehouse USING gist (position);
CREATE INDEX resource_warehouse_region_idx ON resource_warehouse (region_code text_pattern_ops);

-- One row per item a warehouse keeps; the quantity can never go below zero (the movement that
-- would take it there is refused before it is written, and this check is the last guard).
CREATE TABLE resource_stock (
  id            UUID PRIMARY KEY,
  warehouse_id  UUID        NOT NULL REFERENCES resource_warehouse (id) ON DELETE CASCADE,
  item          VARCHAR(50) NOT NULL,
  unit          VARCHAR(10) NOT NULL,
  quantity      INT         NOT NULL CHECK (quantity >= 0),
  minimum       INT         NOT NULL CHECK (minimum >= 0),
  version       INT         NOT NULL DEFAULT 0,
  UNIQUE (warehouse_id, item)
);
-- the alerts page reads exactly these rows
CREATE INDEX resource_stock_low_idx ON resource_stock (warehouse_id) WHERE quantity < minimum;

-- Movements are the stock's history: appended, never changed.
CREATE TABLE resource_stock_movement (
  id             UUID PRIMARY KEY,
  seq            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  stock_id       UUID        NOT NULL REFERENCES resource_stock (id) ON DELETE CASCADE,
  direction      VARCHAR(3)  NOT NULL CHECK (direction IN ('IN', 'OUT')),
  quantity       INT         NOT NULL CHECK (quantity > 0),
  balance_after  INT         NOT NULL CHECK (balance_after >= 0),
  reason         VARCHAR(200) NOT NULL,
  by_user        UUID,
  by_name        VARCHAR(100),
  moved_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX resource_stock_movement_stock_idx ON resource_stock_movement (stock_id, seq DESC);

-- A resource sent to a hazard or an event. The resource's name and region are copied so the record
-- reads the same after the resource changes.
CREATE TABLE resource_dispatch (
  id             UUID PRIMARY KEY,
  resource_id    UUID        NOT NULL,
  resource_kind  VARCHAR(16) NOT NULL CHECK (resource_kind IN ('RESCUE_TEAM', 'SHELTER', 'WAREHOUSE')),
  resource_name  VARCHAR(100) NOT NULL,
  region_code    VARCHAR(32) NOT NULL,
  target_kind    VARCHAR(16) NOT NULL CHECK (target_kind IN ('HAZARD', 'EVENT')),
  target_id      UUID        NOT NULL,
  note           VARCHAR(500),
  status         VARCHAR(16) NOT NULL CHECK (status IN ('DISPATCHED', 'ARRIVED', 'RETURNED', 'CANCELLED')),
  dispatched_at  TIMESTAMPTZ NOT NULL,
  dispatched_by  UUID,
  closed_at      TIMESTAMPTZ,
  version        INT         NOT NULL DEFAULT 0
);
CREATE INDEX resource_dispatch_resource_idx ON resource_dispatch (resource_id, dispatched_at DESC);
CREATE INDEX resource_dispatch_target_idx ON resource_dispatch (target_kind, target_id);
-- a resource is out on at most one dispatch at a time
CREATE UNIQUE INDEX resource_dispatch_one_open ON resource_dispatch (resource_id)
  WHERE status IN ('DISPATCHED', 'ARRIVED');

CREATE TABLE resource_dispatch_step (
  dispatch_id  UUID        NOT NULL REFERENCES resource_dispatch (id) ON DELETE CASCADE,
  seq          INT         NOT NULL,
  from_status  VARCHAR(16),
  to_status    VARCHAR(16) NOT NULL,
  by_user      UUID,
  by_name      VARCHAR(100),
  at           TIMESTAMPTZ NOT NULL,
  comment      VARCHAR(500),
  PRIMARY KEY (dispatch_id, seq)
);
