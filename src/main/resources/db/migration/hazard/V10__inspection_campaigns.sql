-- Inspection campaigns (排查任务): what to check (the checklist, each item owned by a department),
-- where (the points copied from the registry when the campaign is created, so that later edits of
-- the registry do not move a campaign's history), who (one task per micro-grid) and what was found
-- (visits with a result per item). A visit may cover several campaigns at one place (综合查一次).

CREATE TABLE hazard_campaign (
  id                 UUID PRIMARY KEY,
  code               VARCHAR(20)  NOT NULL UNIQUE,        -- PC2026-0001, shown to people and used as the tasks' reference
  name               VARCHAR(100) NOT NULL,
  type               VARCHAR(30)  NOT NULL,                -- CampaignType
  department         VARCHAR(60)  NOT NULL,                -- the issuing department's name
  starts_on          DATE         NOT NULL,
  ends_on            DATE         NOT NULL,
  status             VARCHAR(12)  NOT NULL CHECK (status IN ('ACTIVE', 'FINISHED')),
  target_description VARCHAR(500),                         -- how the points were chosen, in words
  created_by         UUID,
  created_at         TIMESTAMPTZ  NOT NULL,
  CONSTRAINT hazard_campaign_period CHECK (ends_on >= starts_on)
);
CREATE INDEX hazard_campaign_period_idx ON hazard_campaign (starts_on, ends_on);

CREATE TABLE hazard_checklist_item (
  id            UUID PRIMARY KEY,
  campaign_id   UUID         NOT NULL REFERENCES hazard_campaign (id),
  position      INT          NOT NULL,
  text          VARCHAR(200) NOT NULL,
  department    VARCHAR(60)  NOT NULL,                    -- who owns the finding (综合查一次 keeps them apart)
  category_code VARCHAR(20),                              -- the hazard category a failure suggests
  UNIQUE (campaign_id, position)
);

CREATE TABLE hazard_inspection_point (
  id              UUID PRIMARY KEY,
  campaign_id     UUID          NOT NULL REFERENCES hazard_campaign (id),
  place_id        UUID,                                   -- the registry's house or organisation
  name            VARCHAR(200)  NOT NULL,
  address         VARCHAR(300),
  lon             DOUBLE PRECISION NOT NULL,
  lat             DOUBLE PRECISION NOT NULL,
  position        POINT         NOT NULL,
  region_code     VARCHAR(19)   NOT NULL,                 -- the micro-grid holding it
  inspected_at    TIMESTAMPTZ,                            -- the latest visit
  result          VARCHAR(4)    CHECK (result IN ('PASS', 'FAIL')),
  visits          INT           NOT NULL DEFAULT 0
);
CREATE INDEX hazard_inspection_point_campaign_idx ON hazard_inspection_point (campaign_id, region_code);
CREATE INDEX hazard_inspection_point_region_idx ON hazard_inspection_point (region_code);
CREATE INDEX hazard_inspection_point_place_idx ON hazard_inspection_point (place_id);
CREATE INDEX hazard_inspection_point_position_idx ON hazard_inspection_point USING gist (position);

-- The tasks that carry a campaign to the grids: one per micro-grid holding points.
CREATE TABLE hazard_campaign_task (
  campaign_id UUID        NOT NULL REFERENCES hazard_campaign (id),
  region_code VARCHAR(19) NOT NULL,
  task_id     UUID        NOT NULL,
  task_number VARCHAR(30) NOT NULL,
  PRIMARY KEY (campaign_id, region_code)
);

-- One visit of an inspector to one place; it may answer the checklists of several campaigns there.
CREATE TABLE hazard_inspection (
  id             UUID PRIMARY KEY,
  inspected_at   TIMESTAMPTZ  NOT NULL,
  inspector_id   UUID,
  inspector_name VARCHAR(100) NOT NULL,
  lon            DOUBLE PRECISION,                        -- where the phone was, when it could tell
  lat            DOUBLE PRECISION,
  note           VARCHAR(1000)
);

CREATE TABLE hazard_inspection_visit_point (
  inspection_id UUID       NOT NULL REFERENCES hazard_inspection (id),
  point_id      UUID       NOT NULL REFERENCES hazard_inspection_point (id),
  result        VARCHAR(4) NOT NULL CHECK (result IN ('PASS', 'FAIL')),
  PRIMARY KEY (inspection_id, point_id)
);
CREATE INDEX hazard_inspection_visit_point_point_idx ON hazard_inspection_visit_point (point_id);

CREATE TABLE hazard_inspection_finding (
  id            UUID PRIMARY KEY,
  inspection_id UUID         NOT NULL REFERENCES hazard_inspection (id),
  point_id      UUID         NOT NULL REFERENCES hazard_inspection_point (id),
  campaign_id   UUID         NOT NULL REFERENCES hazard_campaign (id),
  item_id       UUID         NOT NULL REFERENCES hazard_checklist_item (id),
  department    VARCHAR(60)  NOT NULL,
  passed        BOOLEAN      NOT NULL,
  note          VARCHAR(500),
  hazard_id     UUID,                                     -- the hazard reported for a failed item
  UNIQUE (inspection_id, item_id)
);
CREATE INDEX hazard_inspection_finding_campaign_idx ON hazard_inspection_finding (campaign_id, department);
CREATE INDEX hazard_inspection_finding_point_idx ON hazard_inspection_finding (point_id);

CREATE TABLE hazard_inspection_photo (
  id            UUID PRIMARY KEY,
  inspection_id UUID         NOT NULL REFERENCES hazard_inspection (id),
  content_type  VARCHAR(40)  NOT NULL,
  bytes         BYTEA        NOT NULL,
  created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX hazard_inspection_photo_inspection_idx ON hazard_inspection_photo (inspection_id);
