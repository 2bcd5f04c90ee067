-- Grid tasks (网格任务), campaigns (专项行动), timelines, attachments and submissions.
-- People are kept by id and by the name they had at the time (the record must read the same after a
-- rename); region codes are hierarchical, so a data scope and a village or grid roll-up are prefixes.

CREATE TABLE task_campaign (
  id                     UUID PRIMARY KEY,
  name                   TEXT        NOT NULL,
  description            TEXT,
  type                   TEXT        NOT NULL,
  priority               TEXT        NOT NULL,
  deadline               TIMESTAMPTZ,
  -- the node whose subtree the campaign covers, and the level of the nodes that got a task
  scope_code             TEXT        NOT NULL,
  scope_level            TEXT        NOT NULL,
  -- true when every node of that level under scope_code got one; false for a hand-picked set
  whole_subtree          BOOLEAN     NOT NULL,
  issuer_user_id         UUID,
  issuer_name            TEXT        NOT NULL,
  issuer_department_id   UUID,
  issuer_department_name TEXT,
  task_count             INT         NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_campaign_scope_idx ON task_campaign (scope_code text_pattern_ops);
CREATE INDEX task_campaign_created_idx ON task_campaign (created_at DESC);

CREATE TABLE task (
  id                     UUID PRIMARY KEY,
  number                 TEXT        NOT NULL UNIQUE,
  name                   TEXT        NOT NULL,
  description            TEXT,
  type                   TEXT        NOT NULL,
  source                 TEXT        NOT NULL,
  -- the record that caused the task (an event, a hazard, a schedule), owned by another module
  source_ref             TEXT,
  campaign_id            UUID REFERENCES task_campaign (id),
  state                  TEXT        NOT NULL,
  priority               TEXT        NOT NULL,
  deadline               TIMESTAMPTZ,
  -- the node the task is for; narrowed when it is forwarded down the tree
  region_code            TEXT        NOT NULL,
  region_name            TEXT        NOT NULL,
  assignee_staff_id      UUID,
  assignee_name          TEXT,
  assignee_user_id       UUID,
  issuer_user_id         UUID,
  issuer_name            TEXT        NOT NULL,
  issuer_department_id   UUID,
  issuer_department_name TEXT,
  lon                    DOUBLE PRECISION,
  lat                    DOUBLE PRECISION,
  -- set by the overdue timer; supervision counts open tasks past their deadline whether or not it fired
  overdue                BOOLEAN     NOT NULL DEFAULT FALSE,
  urge_count             INT         NOT NULL DEFAULT 0,
  checked_in_at          TIMESTAMPTZ,
  check_in_lon           DOUBLE PRECISION,
  check_in_lat           DOUBLE PRECISION,
  -- the micro-grid the check-in position fell in, and whether it lay outside the task's node
  check_in_node          TEXT,
  check_in_outside       BOOLEAN,
  result                 TEXT,
  submitted_at           TIMESTAMPTZ,
  return_reason          TEXT,
  closed_at              TIMESTAMPTZ,
  created_at             TIMESTAMPTZ NOT NULL,
  updated_at             TIMESTAMPTZ NOT NULL,
  version                INT         NOT NULL DEFAULT 0,
  CONSTRAINT task_state_known CHECK (state IN ('DRAFT', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED',
                                               'RETURNED', 'APPROVED', 'CANCELLED'))
);
CREATE INDEX task_region_idx ON task (region_code text_pattern_ops);
CREATE INDEX task_assignee_user_idx ON task (assignee_user_id, state) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX task_assignee_staff_idx ON task (assignee_staff_id, state) WHERE assignee_staff_id IS NOT NULL;
CREATE INDEX task_campaign_idx ON task (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX task_updated_idx ON task (updated_at DESC);
CREATE INDEX task_open_deadline_idx ON task (deadline)
  WHERE state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED');

-- One row per day (Asia/Shanghai): readable numbers RW20261204-0001 are drawn from it with an atomic
-- upsert, so two app nodes never hand out the same number.
CREATE TABLE task_number_counter (
  day  DATE PRIMARY KEY,
  last INT  NOT NULL
);

-- Append-only: who did what, when, from which state to which.
CREATE TABLE task_timeline (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id       UUID        NOT NULL REFERENCES task (id),
  at            TIMESTAMPTZ NOT NULL,
  actor_user_id UUID,
  actor_name    TEXT        NOT NULL,
  action        TEXT        NOT NULL,
  from_state    TEXT,
  to_state      TEXT        NOT NULL,
  comment       TEXT,
  -- a remark the system adds: OUTSIDE_NODE, NO_POSITION, SYSTEM...
  flag          TEXT
);
CREATE INDEX task_timeline_task_idx ON task_timeline (task_id, id);

-- A result sent from a phone. The client's idempotency key makes a resend after a dropped network
-- answer with the first result instead of storing it twice.
CREATE TABLE task_submission (
  id              UUID PRIMARY KEY,
  task_id         UUID        NOT NULL REFERENCES task (id),
  idempotency_key UUID        NOT NULL UNIQUE,
  result          TEXT,
  submitted_by    UUID        NOT NULL,
  submitted_at    TIMESTAMPTZ NOT NULL,
  -- the task's version after this submission, answered again to a repeat
  task_version    INT         NOT NULL
);
CREATE INDEX task_submission_task_idx ON task_submission (task_id, submitted_at);

-- Photos, stored under the data folder; the position read from the photo's EXIF is kept beside it.
CREATE TABLE task_attachment (
  id             UUID PRIMARY KEY,
  task_id        UUID        NOT NULL REFERENCES task (id),
  submission_id  UUID REFERENCES task_submission (id),
  file_name      TEXT        NOT NULL,
  content_type   TEXT        NOT NULL,
  size_bytes     BIGINT      NOT NULL,
  sha256         TEXT        NOT NULL,
  storage_path   TEXT        NOT NULL,
  exif_lon       DOUBLE PRECISION,
  exif_lat       DOUBLE PRECISION,
  taken_at       TIMESTAMPTZ,
  uploaded_by    UUID        NOT NULL,
  uploaded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_attachment_task_idx ON task_attachment (task_id);
