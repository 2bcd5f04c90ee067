-- Points (微积分): an append-only ledger fed only by the points module's event listeners, and the
-- rules that turn events into entries. Rules are edited on /points/rules and apply to events that
-- arrive after the edit; entries already written never change.

CREATE TABLE points_entry (
  id                UUID PRIMARY KEY,
  -- a stable order for history pages: entries of one second keep the order they were written in
  seq               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- the holder is the grid roster member; the login account is kept when the person has one
  staff_id          UUID,
  user_id           UUID,
  holder            UUID GENERATED ALWAYS AS (COALESCE(staff_id, user_id)) STORED,
  -- where the points were earned: a village is the code's first 12 digits, a grid its first 15
  region_code       VARCHAR(32) NOT NULL CHECK (region_code ~ '^[0-9]{9,19}$'),
  points            INT         NOT NULL CHECK (points <> 0),
  rule_code         VARCHAR(64) NOT NULL,
  reason            TEXT        NOT NULL,
  -- what earned them: the event type, the record it is about and its readable number
  source_event      VARCHAR(64) NOT NULL,
  source_id         UUID        NOT NULL,
  source_number     VARCHAR(64),
  -- tells apart two real occurrences of one event type for one record (an overdue task whose
  -- deadline was moved and missed again); a redelivered event repeats it and is ignored
  source_occurrence VARCHAR(64) NOT NULL DEFAULT '',
  earned_at         TIMESTAMPTZ NOT NULL,
  recorded_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (staff_id IS NOT NULL OR user_id IS NOT NULL),
  CONSTRAINT points_entry_once UNIQUE (source_event, source_id, source_occurrence, rule_code)
);
CREATE INDEX points_entry_holder_idx ON points_entry (holder, seq DESC);
CREATE INDEX points_entry_user_idx ON points_entry (user_id, seq DESC) WHERE user_id IS NOT NULL;
CREATE INDEX points_entry_region_idx ON points_entry (region_code text_pattern_ops, earned_at);

-- The ledger is evidence of who was rewarded for what: corrections are new entries, never edits.
CREATE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points_entry is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER points_entry_no_change BEFORE UPDATE OR DELETE ON points_entry
  FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();

-- Points for an approved task, by type and priority (the table on /points/rules).
CREATE TABLE points_approval_rule (
  task_type VARCHAR(32) NOT NULL,
  priority  VARCHAR(16) NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  points    INT         NOT NULL CHECK (points BETWEEN 0 AND 1000),
  PRIMARY KEY (task_type, priority)
);

-- The bonus for early completion and the deduction for overdue; one row.
CREATE TABLE points_policy (
  id                 INT         PRIMARY KEY CHECK (id = 1),
  early_bonus_points INT         NOT NULL CHECK (early_bonus_points BETWEEN 0 AND 1000),
  -- submitted at least this many hours before the deadline (null: this test is off)
  early_min_hours    INT         CHECK (early_min_hours BETWEEN 1 AND 8760),
  -- or at least this share of the time between dispatch and deadline left over (null: off)
  early_min_percent  INT         CHECK (early_min_percent BETWEEN 1 AND 99),
  overdue_deduction  INT         NOT NULL CHECK (overdue_deduction BETWEEN 0 AND 1000),
  version            INT         NOT NULL DEFAULT 0,
  updated_at         TIMESTAMPTZ,
  updated_by         VARCHAR(64)
);

-- When each task was first dispatched: the start of the window the early-bonus share is taken of.
CREATE TABLE points_task_clock (
  task_id       UUID        PRIMARY KEY,
  dispatched_at TIMESTAMPTZ NOT NULL
);

-- Defaults: a normal task earns its type's base, low one less, high half as much again, urgent
-- double (patrol normal 2, rectification urgent 10).
INSERT INTO points_approval_rule (task_type, priority, points)
SELECT t, p, CASE p WHEN 'LOW' THEN GREATEST(base - 1, 1)
                    WHEN 'NORMAL' THEN base
                    WHEN 'HIGH' THEN (base * 3 + 1) / 2
                    ELSE base * 2 END
FROM (VALUES ('PATROL', 2), ('VERIFICATION', 2), ('PUBLICITY', 1), ('RESIDENT_SERVICE', 3),
             ('PARTY_BUILDING', 2), ('COORDINATION', 3), ('RECTIFICATION', 5), ('INCIDENT_HANDLING', 4))
       AS types (t, base)
CROSS JOIN (VALUES ('LOW'), ('NORMAL'), ('HIGH'), ('URGENT')) AS priorities (p);

INSERT INTO points_policy (id, early_bonus_points, early_min_hours, early_min_percent, overdue_deduction)
VALUES (1, 1, 24, 25, 2);
