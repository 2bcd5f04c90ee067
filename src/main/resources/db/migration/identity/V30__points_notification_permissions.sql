-- Permissions of the points and notification modules. Everybody who works in the grids may see
-- the points of their own part of the town; the town sets the rules; the system administrator
-- connects the messaging gateway. The inbox needs no permission: it holds only the user's own mail.

INSERT INTO permission (code, module, sort_order) VALUES
  ('points:view',               'points',       50),
  ('points:rules:edit',         'points',       51),
  ('notification:webhook:view', 'notification', 60),
  ('notification:webhook:edit', 'notification', 61);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'points:view'), ('SYS_ADMIN', 'points:rules:edit'),
  ('SYS_ADMIN', 'notification:webhook:view'), ('SYS_ADMIN', 'notification:webhook:edit'),
  ('TOWN_LEADER', 'points:view'), ('TOWN_LEADER', 'points:rules:edit'),
  ('COMMAND_OPERATOR', 'points:view'),
  ('DEPT_OFFICER', 'points:view'),
  ('VILLAGE_CADRE', 'points:view'),
  ('GRID_WORKER', 'points:view'),
  ('MICRO_GRID_HEAD', 'points:view'),
  ('MICRO_GRID_MEMBER', 'points:view')
) AS seed (r, p);
