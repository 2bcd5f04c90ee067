-- Grid staff ("1+3+N" per grid, "一长两员" per micro-grid). The phone is the person's work phone,
-- printed on the grid's public board, so it is stored plainly (see docs/region-codes.md, Staffing).
CREATE TABLE grid_staff_member (
  id          UUID PRIMARY KEY,
  person_key  TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  gender      TEXT CHECK (gender IN ('MALE', 'FEMALE')),
  phone       TEXT,
  user_id     UUID,
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX grid_staff_member_phone_idx ON grid_staff_member (phone);

CREATE TABLE grid_staff_assignment (
  id          UUID PRIMARY KEY,
  node_id     UUID NOT NULL REFERENCES grid_region_node (id) ON DELETE CASCADE,
  staff_id    UUID NOT NULL REFERENCES grid_staff_member (id) ON DELETE CASCADE,
  role        TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (node_id, staff_id, role)
);
CREATE INDEX grid_staff_assignment_staff_idx ON grid_staff_assignment (staff_id);
-- roles held by one person per node; the application checks first and this is the last guard
CREATE UNIQUE INDEX grid_staff_assignment_single_role_idx ON grid_staff_assignment (node_id, role)
  WHERE role IN ('GRID_HEAD', 'FULL_TIME_WORKER', 'PART_TIME_WORKER', 'GRID_GUIDE', 'MICRO_GRID_HEAD');
