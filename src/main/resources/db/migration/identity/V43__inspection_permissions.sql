-- Permissions of inspection campaigns (排查任务). The town's leaders and departments issue campaigns;
-- everybody who works in the grids inspects the points of their own part of the town and sees the
-- campaigns' progress there.

INSERT INTO permission (code, module, sort_order) VALUES
  ('inspection:view',     'hazard', 80),
  ('inspection:campaign', 'hazard', 81),
  ('inspection:do',       'hazard', 82);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'inspection:view'), ('SYS_ADMIN', 'inspection:campaign'),
  ('TOWN_LEADER', 'inspection:view'), ('TOWN_LEADER', 'inspection:campaign'),
  ('COMMAND_OPERATOR', 'inspection:view'),
  ('DEPT_OFFICER', 'inspection:view'), ('DEPT_OFFICER', 'inspection:campaign'),
  ('VILLAGE_CADRE', 'inspection:view'), ('VILLAGE_CADRE', 'inspection:do'),
  ('GRID_WORKER', 'inspection:view'), ('GRID_WORKER', 'inspection:do'),
  ('MICRO_GRID_HEAD', 'inspection:view'), ('MICRO_GRID_HEAD', 'inspection:do'),
  ('MICRO_GRID_MEMBER', 'inspection:view'), ('MICRO_GRID_MEMBER', 'inspection:do')
) AS seed (r, p);
