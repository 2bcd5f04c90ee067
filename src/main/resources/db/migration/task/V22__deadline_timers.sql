-- Task module: the persistent, cluster-safe deadline timers (docs/decisions/task-deadline-timers.md).

-- db-scheduler's table (its PostgreSQL schema for version 16), created here rather than by the library so
-- that Flyway owns it. One row per waiting timer; a node locks due rows with FOR UPDATE SKIP LOCKED,
-- marks them picked and fires them. The deadline timers' task_instance is '<task id>@<deadline>';
-- the C collation lets "all timers of a task" (task_instance LIKE '<task id>@%') use the primary key.
CREATE TABLE scheduled_tasks (
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
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- That a timer fired, written in the same transaction as the listeners' work: a timer fired a second
-- time (its node died before removing it, or the same deadline was scheduled again) finds its row and
-- tells nobody. Rows older than linyunzhi.task.supervision.firings-kept are deleted nightly.
CREATE TABLE task_deadline_firing (
    kind     VARCHAR(16) NOT NULL,
    task_id  UUID        NOT NULL,
    deadline TIMESTAMPTZ NOT NULL,
    fired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    fired_by TEXT        NOT NULL,
    PRIMARY KEY (kind, task_id, deadline)
);
CREATE INDEX task_deadline_firing_fired_at ON task_deadline_firing (fired_at);
