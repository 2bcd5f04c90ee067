-- Notifications: a per-user inbox filled by event listeners, and an outbound webhook whose
-- deliveries are rows retried with exponential backoff (docs/decisions/notification-module.md).

CREATE TABLE notification_inbox (
  id             UUID PRIMARY KEY,
  user_id        UUID        NOT NULL,
  kind           VARCHAR(32) NOT NULL,
  -- what it is about: TASK today; hazards, events and mediation cases later
  subject_type   VARCHAR(16) NOT NULL,
  subject_id     UUID        NOT NULL,
  subject_number VARCHAR(64),
  subject_name   TEXT,
  -- the words of a person: a return reason, an urge message
  detail         TEXT,
  link           TEXT,
  occurred_at    TIMESTAMPTZ NOT NULL,
  -- the clock at the insert, not at the transaction's start: the live poll of every node reads
  -- rows by this time, and the closer it is to the commit, the smaller the window it must re-read
  created_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  read_at        TIMESTAMPTZ,
  -- the event that caused it (type, subject, time): a redelivered event is recognised here
  source_key     TEXT        NOT NULL,
  CONSTRAINT notification_inbox_once UNIQUE (user_id, source_key)
);
CREATE INDEX notification_inbox_user_idx ON notification_inbox (user_id, created_at DESC);
CREATE INDEX notification_inbox_unread_idx ON notification_inbox (user_id) WHERE read_at IS NULL;
-- the live-update poll of every node reads the newest rows
CREATE INDEX notification_inbox_created_idx ON notification_inbox (created_at);

-- The outbound webhook (an SMS or messaging gateway); one row.
CREATE TABLE notification_webhook (
  id              INT         PRIMARY KEY CHECK (id = 1),
  enabled         BOOLEAN     NOT NULL DEFAULT FALSE,
  url             TEXT,
  -- HMAC-SHA256 key for the signature header; never shown again once saved
  secret          TEXT,
  max_attempts    INT         NOT NULL CHECK (max_attempts BETWEEN 1 AND 20),
  -- the first retry waits this long, each further one twice as long (capped at six hours)
  backoff_seconds INT         NOT NULL CHECK (backoff_seconds BETWEEN 1 AND 3600),
  version         INT         NOT NULL DEFAULT 0,
  updated_at      TIMESTAMPTZ,
  updated_by      VARCHAR(64),
  CHECK (NOT enabled OR url IS NOT NULL)
);
INSERT INTO notification_webhook (id, enabled, max_attempts, backoff_seconds) VALUES (1, FALSE, 8, 30);

CREATE TABLE notification_delivery (
  id              UUID PRIMARY KEY,
  inbox_id        UUID        NOT NULL REFERENCES notification_inbox (id) ON DELETE CASCADE,
  payload         TEXT        NOT NULL,
  status          VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        INT         NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ,
  last_attempt_at TIMESTAMPTZ,
  last_status     INT,
  last_error      TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  delivered_at    TIMESTAMPTZ,
  CONSTRAINT notification_delivery_once UNIQUE (inbox_id)
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_delivery_recent_idx ON notification_delivery (created_at DESC);

-- Every attempt, so the page can show what the gateway answered and when.
CREATE TABLE notification_delivery_attempt (
  delivery_id UUID        NOT NULL REFERENCES notification_delivery (id) ON DELETE CASCADE,
  attempt     INT         NOT NULL,
  at          TIMESTAMPTZ NOT NULL,
  url         TEXT        NOT NULL,
  status_code INT,
  error       TEXT,
  duration_ms INT         NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
