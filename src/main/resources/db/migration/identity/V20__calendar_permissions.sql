-- The task module's business calendar (/task/calendar): everyone who sets or watches deadlines may
-- look at it; the system administrator and department officers keep it.
INSERT INTO permission (code, module, sort_order) VALUES
  ('task:calendar:view', 'task', 60),
  ('task:calendar:edit', 'task', 61);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'task:calendar:view'), ('SYS_ADMIN', 'task:calendar:edit'),
  ('DEPT_OFFICER', 'task:calendar:view'), ('DEPT_OFFICER', 'task:calendar:edit'),
  ('TOWN_LEADER', 'task:calendar:view'),
  ('COMMAND_OPERATOR', 'task:calendar:view'),
  ('VILLAGE_CADRE', 'task:calendar:view')
) AS seed (r, p);
