-- The operation log: one row per write through the platform, hash-chained and append-only.
-- Why and how: docs/decisions/audit-hash-chain.md.
-- Text columns (not jsonb) hold the captured JSON, because the chain hashes exactly the text
-- stored and jsonb would re-order and re-space it.
CREATE TABLE audit_operation_log (
    seq          BIGINT      PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('OPERATION', 'CHECKPOINT')),
    occurred_at  TIMESTAMPTZ NOT NULL,
    user_id      UUID,
    username     TEXT,
    roles        TEXT,
    http_method  TEXT,
    action       TEXT        NOT NULL,
    title        TEXT,
    path         TEXT,
    record_ref   TEXT,
    params       TEXT,
    body         TEXT,
    files        TEXT,
    client_ip    TEXT,
    user_agent   TEXT,
    status       INT,
    success      BOOLEAN     NOT NULL,
    error        TEXT,
    duration_ms  INT,
    -- checkpoint rows only: the last purged row, so verification can start after a purge
    anchor_seq   BIGINT,
    anchor_hash  TEXT,
    prev_hash    TEXT        NOT NULL,
    hash         TEXT        NOT NULL
);

CREATE INDEX audit_operation_log_occurred_at ON audit_operation_log (occurred_at);
CREATE INDEX audit_operation_log_username ON audit_operation_log (lower(username), seq);
CREATE INDEX audit_operation_log_checkpoints ON audit_operation_log (seq) WHERE kind = 'CHECKPOINT';

-- The end of the chain. Appends lock this row (SELECT ... FOR UPDATE), which keeps the chain
-- linear with several application nodes; verification compares it with the last row, which
-- reveals rows deleted from the end of the chain.
CREATE TABLE audit_chain_head (
    id          INT         PRIMARY KEY CHECK (id = 1),
    last_seq    BIGINT      NOT NULL,
    last_hash   TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash, updated_at) VALUES (1, 0, repeat('0', 64), now());

-- Rows are never changed. The only delete allowed is the retention purge: it must announce
-- itself in its transaction (set_config('linyunzhi.audit_purge', 'on', true)) and may remove
-- only rows older than 184 days, the legal minimum, whatever the application is configured to.
CREATE FUNCTION audit_operation_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND coalesce(current_setting('linyunzhi.audit_purge', true), '') = 'on'
       AND OLD.occurred_at < now() - interval '184 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_operation_log is append-only: % of row % rejected', TG_OP, OLD.seq
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION audit_operation_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_operation_log is append-only: TRUNCATE rejected'
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_operation_log_immutable
    BEFORE UPDATE OR DELETE ON audit_operation_log
    FOR EACH ROW EXECUTE FUNCTION audit_operation_log_guard();

CREATE TRIGGER audit_operation_log_truncate
    BEFORE TRUNCATE ON audit_operation_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_operation_log_no_truncate();
