-- Task module: the supervision board's counters (docs/decisions/task-board-counters.md).
--
-- The board used to count every task of the chosen subtree on each request (about 950,000 rows for
-- the town at a million tasks). It now sums these counters instead: per node the task is filed
-- under, issuing department (department scopes see only their own tasks) and day the task was
-- created (the board's period filter is by creation date, in Asia/Shanghai), and the same per
-- month, so a board without a period, or with whole months, reads about a thousand rows per month.
--
-- Triggers on task keep them, in the transaction of the insert or update that changes a task, so
-- no write path (lifecycle, campaign, demo history, a bulk load) can forget them. Drafts and
-- cancelled tasks count nowhere, as on the board.
--
-- "Open overdue" on the board means open and past the deadline at the moment of reading. The
-- counters hold open tasks the overdue timer has marked; the board adds the open tasks past their
-- deadline the timer has not marked yet (a few seconds' worth) and takes away marked ones whose
-- deadline lies ahead, both found through task_open_unmarked_idx and task_open_marked_idx.

CREATE TABLE task_board_day (
    -- C collation: "LIKE '<code>%'" can use the key's index
    region_code    TEXT COLLATE "C" NOT NULL,
    department_id  UUID,
    day            DATE NOT NULL,
    open           INT  NOT NULL,
    -- open and marked overdue by the timer
    open_overdue   INT  NOT NULL,
    -- approved
    closed         INT  NOT NULL,
    -- approved by the deadline, or without one
    closed_on_time INT  NOT NULL,
    CONSTRAINT task_board_day_key UNIQUE NULLS NOT DISTINCT (region_code, department_id, day)
);
CREATE INDEX task_board_day_day_idx ON task_board_day (day);

CREATE TABLE task_board_month (
    region_code    TEXT COLLATE "C" NOT NULL,
    department_id  UUID,
    -- the first day of the month
    month          DATE NOT NULL,
    open           INT  NOT NULL,
    open_overdue   INT  NOT NULL,
    closed         INT  NOT NULL,
    closed_on_time INT  NOT NULL,
    CONSTRAINT task_board_month_key UNIQUE NULLS NOT DISTINCT (region_code, department_id, month)
);

-- Open tasks the timer has not marked and those it has, by deadline: the board looks for the few whose
-- mark disagrees with the clock (unmarked and past, marked and not past) and reads nothing else.
CREATE INDEX task_open_unmarked_idx ON task (deadline)
    WHERE state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED') AND NOT overdue;
CREATE INDEX task_open_marked_idx ON task (deadline)
    WHERE state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED') AND overdue;

-- What one task adds to its node's counters (sign -1 takes it away); nothing for a draft or a cancelled task.
CREATE FUNCTION task_board_delta(t task, sign INT)
    RETURNS TABLE (region_code TEXT, department_id UUID, day DATE, open INT, open_overdue INT, closed INT,
                   closed_on_time INT)
    LANGUAGE sql STABLE AS $$
    SELECT t.region_code, t.issuer_department_id, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date,
           sign * (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'))::int,
           sign * (t.state IN ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED') AND t.overdue)::int,
           sign * (t.state = 'APPROVED')::int,
           -- an approval without a closing time (never written by the lifecycle) is not on time, as in a count
           sign * coalesce(t.state = 'APPROVED' AND (t.deadline IS NULL OR t.closed_at <= t.deadline), FALSE)::int
     WHERE t.id IS NOT NULL AND t.state NOT IN ('DRAFT', 'CANCELLED')
$$;

-- Adds signed counts to the day and month rows. Rows are locked in key order, days before months,
-- so two transactions touching the same counters wait for each other instead of deadlocking.
CREATE FUNCTION task_board_apply(codes TEXT[], departments UUID[], days DATE[], opens INT[], overdues INT[],
                                 closeds INT[], on_times INT[])
    RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO task_board_day AS b (region_code, department_id, day, open, open_overdue, closed, closed_on_time)
    SELECT d.code, d.department, d.day, sum(d.open), sum(d.overdue), sum(d.closed), sum(d.on_time)
      FROM unnest(codes, departments, days, opens, overdues, closeds, on_times)
           AS d (code, department, day, open, overdue, closed, on_time)
     GROUP BY d.code, d.department, d.day
    HAVING sum(d.open) <> 0 OR sum(d.overdue) <> 0 OR sum(d.closed) <> 0 OR sum(d.on_time) <> 0
     ORDER BY d.code, d.department, d.day
        ON CONFLICT (region_code, department_id, day) DO UPDATE
       SET open = b.open + excluded.open, open_overdue = b.open_overdue + excluded.open_overdue,
           closed = b.closed + excluded.closed, closed_on_time = b.closed_on_time + excluded.closed_on_time;
    INSERT INTO task_board_month AS b (region_code, department_id, month, open, open_overdue, closed, closed_on_time)
    SELECT d.code, d.department, date_trunc('month', d.day)::date, sum(d.open), sum(d.overdue), sum(d.closed),
           sum(d.on_time)
      FROM unnest(codes, departments, days, opens, overdues, closeds, on_times)
           AS d (code, department, day, open, overdue, closed, on_time)
     GROUP BY d.code, d.department, date_trunc('month', d.day)::date
    HAVING sum(d.open) <> 0 OR sum(d.overdue) <> 0 OR sum(d.closed) <> 0 OR sum(d.on_time) <> 0
     ORDER BY d.code, d.department, date_trunc('month', d.day)::date
        ON CONFLICT (region_code, department_id, month) DO UPDATE
       SET open = b.open + excluded.open, open_overdue = b.open_overdue + excluded.open_overdue,
           closed = b.closed + excluded.closed, closed_on_time = b.closed_on_time + excluded.closed_on_time;
$$;

-- Inserts are counted per statement: a campaign's single INSERT of 852 tasks is one pass.
CREATE FUNCTION task_board_count_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_board_apply(array_agg(d.region_code), array_agg(d.department_id), array_agg(d.day),
                             array_agg(d.open), array_agg(d.open_overdue), array_agg(d.closed),
                             array_agg(d.closed_on_time))
       FROM inserted_tasks t, task_board_delta(t, 1) d;
    RETURN NULL;
END $$;

-- An update or delete takes the old row's counts away and adds the new row's (none for a delete):
-- a transition, an overdue mark, a forward to another node all come down to this.
CREATE FUNCTION task_board_count_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_board_apply(array_agg(d.region_code), array_agg(d.department_id), array_agg(d.day),
                             array_agg(d.open), array_agg(d.open_overdue), array_agg(d.closed),
                             array_agg(d.closed_on_time))
       FROM (SELECT * FROM task_board_delta(OLD, -1)
             UNION ALL
             SELECT * FROM task_board_delta(NEW, 1)) d;
    RETURN NULL;
END $$;

CREATE FUNCTION task_board_clear() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM task_board_day;
    DELETE FROM task_board_month;
    RETURN NULL;
END $$;

CREATE TRIGGER task_board_on_insert AFTER INSERT ON task
    REFERENCING NEW TABLE AS inserted_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION task_board_count_inserted();

-- only when a column the counters depend on changed: an urge or a check-in costs nothing
CREATE TRIGGER task_board_on_update AFTER UPDATE ON task
    FOR EACH ROW
    WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.overdue IS DISTINCT FROM NEW.overdue
          OR OLD.region_code IS DISTINCT FROM NEW.region_code
          OR OLD.issuer_department_id IS DISTINCT FROM NEW.issuer_department_id
          OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.deadline IS DISTINCT FROM NEW.deadline
          OR OLD.closed_at IS DISTINCT FROM NEW.closed_at)
    EXECUTE FUNCTION task_board_count_changed();

CREATE TRIGGER task_board_on_delete AFTER DELETE ON task
    FOR EACH ROW EXECUTE FUNCTION task_board_count_changed();

CREATE TRIGGER task_board_on_truncate AFTER TRUNCATE ON task
    FOR EACH STATEMENT EXECUTE FUNCTION task_board_clear();

-- The tasks already stored.
SELECT task_board_apply(array_agg(d.region_code), array_agg(d.department_id), array_agg(d.day),
                        array_agg(d.open), array_agg(d.open_overdue), array_agg(d.closed),
                        array_agg(d.closed_on_time))
  FROM task t, task_board_delta(t, 1) d;
