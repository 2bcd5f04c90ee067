-- Hazard module: the catalogue (classes, categories, published versions) and the hazards tracked to
-- rectification. Contract with the inspection and one-map work: docs in /work/wt/CONTRACTS-4.md and
-- docs/decisions/hazard-lifecycle.md. Levels 1..5 are set by the body that handles the hazard.

CREATE TABLE hazard_class (
    code       VARCHAR(32)  PRIMARY KEY,
    name_zh    VARCHAR(64)  NOT NULL,
    name_en    VARCHAR(128) NOT NULL,
    -- the two-letter prefix of its categories' codes, e.g. PS for PUBLIC_SAFETY
    prefix     VARCHAR(4)   NOT NULL UNIQUE,
    sort_order INT          NOT NULL
);

INSERT INTO hazard_class (code, name_zh, name_en, prefix, sort_order) VALUES
  ('SOCIAL_CONTROL',   '社会面管控风险', 'Social control risks',   'SC', 1),
  ('SOCIAL_STABILITY', '社会稳定风险',   'Social stability risks', 'SS', 2),
  ('PUBLIC_SAFETY',    '公共安全风险',   'Public safety risks',    'PS', 3),
  ('CYBER_SECURITY',   '网络安全风险',   'Cyber security risks',   'CS', 4),
  ('PUBLIC_OPINION',   '网络舆情风险',   'Online public opinion risks', 'PO', 5);

-- One row per published catalogue version; version 1 is the product's default catalogue.
CREATE TABLE hazard_catalogue_version (
    version           INT          PRIMARY KEY,
    published_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_by      UUID,
    published_by_name VARCHAR(64),
    -- SEED (the default catalogue), EDIT (a page edit), IMPORT (an .xlsx file)
    source            VARCHAR(16)  NOT NULL,
    note              VARCHAR(500),
    added             INT          NOT NULL DEFAULT 0,
    changed           INT          NOT NULL DEFAULT 0,
    deactivated       INT          NOT NULL DEFAULT 0
);

-- The current catalogue: one row per category, as of its latest version.
CREATE TABLE hazard_category (
    code              VARCHAR(16)  PRIMARY KEY,
    class_code        VARCHAR(32)  NOT NULL REFERENCES hazard_class (code),
    name              VARCHAR(100) NOT NULL,
    default_level     SMALLINT     NOT NULL CHECK (default_level BETWEEN 1 AND 5),
    -- the responsible town department's name, as in identity's department list (e.g. 应急管理办)
    department        VARCHAR(64)  NOT NULL,
    time_limit_days   INT          NOT NULL CHECK (time_limit_days BETWEEN 1 AND 365),
    description       VARCHAR(1000),
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    -- the catalogue version in which this row last changed
    catalogue_version INT          NOT NULL,
    sort_order        INT          NOT NULL DEFAULT 0
);
CREATE INDEX hazard_category_class ON hazard_category (class_code, sort_order, code);

-- Every state a category has had, one row per version in which it changed: the category as of
-- version V is its row with the greatest catalogue_version <= V. What changed in a version is read
-- from here against the previous row.
CREATE TABLE hazard_category_revision (
    code              VARCHAR(16)  NOT NULL,
    catalogue_version INT          NOT NULL REFERENCES hazard_catalogue_version (version),
    -- ADDED, CHANGED, DEACTIVATED, REACTIVATED
    change_kind       VARCHAR(16)  NOT NULL,
    class_code        VARCHAR(32)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    default_level     SMALLINT     NOT NULL,
    department        VARCHAR(64)  NOT NULL,
    time_limit_days   INT          NOT NULL,
    description       VARCHAR(1000),
    active            BOOLEAN      NOT NULL,
    PRIMARY KEY (code, catalogue_version)
);
CREATE INDEX hazard_category_revision_version ON hazard_category_revision (catalogue_version);

-- One row per found day (Asia/Shanghai): readable numbers YH20261204-0001 are drawn with an atomic upsert.
CREATE TABLE hazard_number_counter (
    day  DATE PRIMARY KEY,
    last INT  NOT NULL
);

CREATE TABLE hazard_hazard (
    id                UUID          PRIMARY KEY,
    -- YH + found date (Asia/Shanghai) + daily serial, e.g. YH20261204-0001
    number            VARCHAR(24)   NOT NULL UNIQUE,
    title             VARCHAR(200)  NOT NULL,
    description       VARCHAR(2000),
    category_code     VARCHAR(16)   NOT NULL,
    -- the catalogue version the hazard was filed under: its category, level default and time limit
    catalogue_version INT           NOT NULL,
    class_code        VARCHAR(32)   NOT NULL,
    level             SMALLINT      NOT NULL CHECK (level BETWEEN 1 AND 5),
    -- FOUND, ORDERED, RECTIFYING, EVIDENCE_SUBMITTED, REJECTED, CLOSED
    status            VARCHAR(24)   NOT NULL,
    -- INSPECTION, GRID_REPORT, EVENT
    source            VARCHAR(16)   NOT NULL,
    source_ref        VARCHAR(128),
    campaign_id       UUID,
    inspection_id     UUID,
    place_id          UUID,
    responsible_party VARCHAR(200),
    department        VARCHAR(64)   NOT NULL,
    lon               DOUBLE PRECISION NOT NULL,
    lat               DOUBLE PRECISION NOT NULL,
    position          POINT         NOT NULL,
    -- the micro-grid the point fell in (or the nearest node known); the data scope reads it
    region_code       VARCHAR(32)   NOT NULL,
    region_name       VARCHAR(100),
    found_at          TIMESTAMPTZ   NOT NULL,
    found_by          UUID,
    found_by_name     VARCHAR(64),
    ordered_at        TIMESTAMPTZ,
    deadline          TIMESTAMPTZ,
    evidence_note     VARCHAR(2000),
    evidence_at       TIMESTAMPTZ,
    reject_reason     VARCHAR(500),
    closed_at         TIMESTAMPTZ,
    overdue           BOOLEAN       NOT NULL DEFAULT FALSE,
    overdue_at        TIMESTAMPTZ,
    -- the handling body the overdue hazard was escalated to (a level), null while not escalated
    escalated_to      SMALLINT,
    escalated_at      TIMESTAMPTZ,
    upstream_flag     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version           INT           NOT NULL DEFAULT 0
);
CREATE INDEX hazard_hazard_position ON hazard_hazard USING gist (position);
CREATE INDEX hazard_hazard_region ON hazard_hazard (region_code text_pattern_ops);
CREATE INDEX hazard_hazard_found ON hazard_hazard (found_at DESC);
CREATE INDEX hazard_hazard_campaign ON hazard_hazard (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX hazard_hazard_open_deadline ON hazard_hazard (deadline) WHERE status <> 'CLOSED' AND NOT overdue;
-- an event's external id is answered, not stored twice
CREATE UNIQUE INDEX hazard_hazard_event_ref ON hazard_hazard (source_ref) WHERE source = 'EVENT';

-- Who did what and when: one row per transition, overdue marking and escalation.
CREATE TABLE hazard_timeline (
    id          BIGSERIAL    PRIMARY KEY,
    hazard_id   UUID         NOT NULL REFERENCES hazard_hazard (id),
    at          TIMESTAMPTZ  NOT NULL,
    actor_id    UUID,
    actor_name  VARCHAR(64)  NOT NULL,
    action      VARCHAR(24)  NOT NULL,
    from_status VARCHAR(24),
    to_status   VARCHAR(24)  NOT NULL,
    comment     VARCHAR(2000)
);
CREATE INDEX hazard_timeline_hazard ON hazard_timeline (hazard_id, id);

-- Photos of the finding and of the rectification, kept in the database so every node serves them.
CREATE TABLE hazard_photo (
    id           UUID         PRIMARY KEY,
    -- null until the report or the evidence that carries it is saved
    hazard_id    UUID         REFERENCES hazard_hazard (id),
    -- FOUND or EVIDENCE
    stage        VARCHAR(16)  NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    size_bytes   INT          NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  UUID,
    uploaded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX hazard_photo_hazard ON hazard_photo (hazard_id, uploaded_at);

-- db-scheduler's table (its PostgreSQL schema), the hazard module's own: the periodic overdue sweep.
CREATE TABLE hazard_scheduled_tasks (
    task_name            TEXT COLLATE "C" NOT NULL,
    task_instance        TEXT COLLATE "C" NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX hazard_scheduled_tasks_execution_time ON hazard_scheduled_tasks (execution_time);
CREATE INDEX hazard_scheduled_tasks_last_heartbeat ON hazard_scheduled_tasks (last_heartbeat);
CREATE INDEX hazard_scheduled_tasks_priority ON hazard_scheduled_tasks (priority DESC, execution_time ASC);
