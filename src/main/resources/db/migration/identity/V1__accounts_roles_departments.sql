-- Identity: departments, permissions, roles, user accounts and the login log.
-- Users are never deleted, only disabled: their login history and the records they touched keep a
-- name to point to (accountability, 等保 2.0).

CREATE TABLE department (
  id          UUID PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL UNIQUE,
  name        VARCHAR(64)  NOT NULL,
  name_en     VARCHAR(128),
  -- the region node the department serves (normally the town)
  region_code VARCHAR(32)  NOT NULL,
  sort_order  INT          NOT NULL DEFAULT 0
);

-- Permissions are strings module:object:action; the module column groups the role checklist.
CREATE TABLE permission (
  code       VARCHAR(64) PRIMARY KEY,
  module     VARCHAR(32) NOT NULL,
  sort_order INT         NOT NULL
);

CREATE TABLE role (
  code       VARCHAR(32) PRIMARY KEY,
  -- the data scope a user of this role gets unless an administrator chooses another
  scope_kind VARCHAR(16) NOT NULL CHECK (scope_kind IN ('ALL', 'REGION', 'DEPARTMENT', 'SELF')),
  -- administrator roles: the ones a second factor can be required for
  admin      BOOLEAN     NOT NULL DEFAULT FALSE,
  sort_order INT         NOT NULL,
  version    INT         NOT NULL DEFAULT 0
);

CREATE TABLE role_permission (
  role_code       VARCHAR(32) NOT NULL REFERENCES role (code) ON DELETE CASCADE,
  permission_code VARCHAR(64) NOT NULL REFERENCES permission (code) ON DELETE CASCADE,
  PRIMARY KEY (role_code, permission_code)
);

CREATE TABLE user_account (
  id                   UUID PRIMARY KEY,
  username             VARCHAR(64)  NOT NULL,
  display_name         VARCHAR(64)  NOT NULL,
  password_hash        VARCHAR(255) NOT NULL,
  must_change_password BOOLEAN      NOT NULL,
  password_changed_at  TIMESTAMPTZ  NOT NULL,
  enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
  region_code          VARCHAR(32)  NOT NULL,
  department_id        UUID REFERENCES department (id),
  scope_kind           VARCHAR(16)  NOT NULL CHECK (scope_kind IN ('ALL', 'REGION', 'DEPARTMENT', 'SELF')),
  -- lockout lives here, not in memory, so it holds whichever node the next attempt reaches
  failed_attempts      INT          NOT NULL DEFAULT 0,
  locked_until         TIMESTAMPTZ,
  totp_secret          VARCHAR(64),
  totp_enabled         BOOLEAN      NOT NULL DEFAULT FALSE,
  -- the last 30-second step a code was accepted for: a code is good once
  totp_last_step       BIGINT,
  created_at           TIMESTAMPTZ  NOT NULL,
  updated_at           TIMESTAMPTZ  NOT NULL,
  version              INT          NOT NULL DEFAULT 0,
  CONSTRAINT department_scope_needs_department CHECK (scope_kind <> 'DEPARTMENT' OR department_id IS NOT NULL)
);
CREATE UNIQUE INDEX user_account_username_uk ON user_account (lower(username));
-- region_code LIKE 'prefix%' is how a data scope reads
CREATE INDEX user_account_region_idx ON user_account (region_code text_pattern_ops);

CREATE TABLE user_role (
  user_id   UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
  role_code VARCHAR(32) NOT NULL REFERENCES role (code),
  PRIMARY KEY (user_id, role_code)
);

-- Every login attempt, kept for the auditor. No foreign key: the row must outlive any change to the
-- account and also records names that match no account.
CREATE TABLE login_log (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          TIMESTAMPTZ  NOT NULL,
  username    VARCHAR(64)  NOT NULL,
  user_id     UUID,
  region_code VARCHAR(32),
  ip          VARCHAR(64),
  browser     VARCHAR(128),
  user_agent  VARCHAR(512),
  result      VARCHAR(16)  NOT NULL CHECK (result IN ('SUCCESS', 'BAD_PASSWORD', 'LOCKED', 'BAD_TOTP', 'DISABLED'))
);
CREATE INDEX login_log_at_idx ON login_log (at DESC);
CREATE INDEX login_log_username_idx ON login_log (lower(username));
