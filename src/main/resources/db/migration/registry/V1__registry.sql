-- The registry (人房企): houses, residents, organisations, and the department imports that feed
-- them. Every record carries region_code (the micro-grid GridApi.locate routed it to) so a data
-- scope is one LIKE prefix; sources lists the departments that supplied the record.
-- Residents' ID-card and phone numbers are stored only as AES-GCM ciphertext, an HMAC-SHA256 for
-- exact search and the masked form shown on screen (docs/decisions/registry-pii.md).

CREATE TABLE registry_house (
  id                     UUID PRIMARY KEY,
  address                TEXT NOT NULL,
  -- the normalised address houses merge on (half-width, no blanks, one spelling of 号/弄)
  address_key            TEXT NOT NULL UNIQUE,
  house_use              TEXT NOT NULL CHECK (house_use IN ('RESIDENTIAL', 'SHOP', 'WAREHOUSE', 'WORKSHOP', 'MIXED')),
  rented                 BOOLEAN NOT NULL DEFAULT FALSE,
  lon                    DOUBLE PRECISION NOT NULL,
  lat                    DOUBLE PRECISION NOT NULL,
  position               POINT NOT NULL,
  region_code            TEXT NOT NULL,
  dedicated_region_code  TEXT,
  sources                TEXT[] NOT NULL,
  version                INT NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_house_region_idx ON registry_house (region_code text_pattern_ops, address);
CREATE INDEX registry_house_position_idx ON registry_house USING gist (position);

CREATE TABLE registry_organisation (
  id                     UUID PRIMARY KEY,
  name                   TEXT NOT NULL,
  -- the unified social credit code (GB 32100): public, so stored in clear
  credit_code            CHAR(18) NOT NULL UNIQUE,
  org_type               TEXT NOT NULL CHECK (org_type IN ('ACCOMMODATION', 'RESTAURANT', 'FACTORY', 'SCHOOL',
                                                           'MARKET', 'SHOP', 'HOSPITAL', 'CONSTRUCTION', 'OTHER')),
  address                TEXT NOT NULL,
  lon                    DOUBLE PRECISION NOT NULL,
  lat                    DOUBLE PRECISION NOT NULL,
  position               POINT NOT NULL,
  region_code            TEXT NOT NULL,
  dedicated_region_code  TEXT,
  sources                TEXT[] NOT NULL,
  version                INT NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_organisation_region_idx ON registry_organisation (region_code text_pattern_ops, name);
CREATE INDEX registry_organisation_type_idx ON registry_organisation (org_type);
CREATE INDEX registry_organisation_position_idx ON registry_organisation USING gist (position);

CREATE TABLE registry_resident (
  id                     UUID PRIMARY KEY,
  name                   TEXT NOT NULL,
  id_cipher              BYTEA NOT NULL,
  -- HMAC-SHA256 of the normalised number under the PII key: exact search and merge without the clear
  id_hash                BYTEA NOT NULL UNIQUE,
  id_masked              TEXT NOT NULL,
  phone_cipher           BYTEA,
  phone_hash             BYTEA,
  phone_masked           TEXT,
  gender                 TEXT CHECK (gender IN ('M', 'F')),
  house_id               UUID NOT NULL REFERENCES registry_house (id),
  household              TEXT,
  tags                   TEXT[] NOT NULL DEFAULT '{}',
  region_code            TEXT NOT NULL,
  sources                TEXT[] NOT NULL,
  version                INT NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_resident_region_idx ON registry_resident (region_code text_pattern_ops, name);
CREATE INDEX registry_resident_phone_idx ON registry_resident (phone_hash);
CREATE INDEX registry_resident_house_idx ON registry_resident (house_id);
CREATE INDEX registry_resident_tags_idx ON registry_resident USING gin (tags);

-- One department file on its way in: parsed in the background (the page polls processed_rows),
-- previewed, then committed all at once. The upload is kept encrypted, like the numbers in it,
-- and dropped once the import is committed or abandoned.
CREATE TABLE registry_import (
  id                UUID PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('HOUSE', 'RESIDENT', 'ORGANISATION')),
  department        TEXT NOT NULL,
  file_name         TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('PARSING', 'READY', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED', 'CANCELLED')),
  total_rows        INT NOT NULL DEFAULT 0,
  processed_rows    INT NOT NULL DEFAULT 0,
  file_cipher       BYTEA,
  preview           JSONB,
  failure           TEXT,
  created_by        UUID NOT NULL,
  created_by_name   TEXT NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at       TIMESTAMPTZ
);
CREATE INDEX registry_import_created_idx ON registry_import (created_at DESC);
