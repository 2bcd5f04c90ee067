-- Hazard permissions and who holds them: everybody who works in the grids sees the hazards of their
-- part of the town and grid staff report what they find; departments and village cadres issue
-- rectification orders and re-inspect; grid staff and cadres record the responsible party's
-- rectification and evidence; the command center files hazards from events; only the system
-- administrator edits the catalogue. The town leader watches.
INSERT INTO permission (code, module, sort_order) VALUES
  ('hazard:view',           'hazard', 70),
  ('hazard:report',         'hazard', 71),
  ('hazard:order',          'hazard', 72),
  ('hazard:rectify',        'hazard', 73),
  ('hazard:verify',         'hazard', 74),
  ('hazard:intake',         'hazard', 75),
  ('hazard:catalogue:edit', 'hazard', 76);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'hazard:view'), ('SYS_ADMIN', 'hazard:report'), ('SYS_ADMIN', 'hazard:order'),
  ('SYS_ADMIN', 'hazard:rectify'), ('SYS_ADMIN', 'hazard:verify'), ('SYS_ADMIN', 'hazard:intake'),
  ('SYS_ADMIN', 'hazard:catalogue:edit'),
  ('TOWN_LEADER', 'hazard:view'),
  ('COMMAND_OPERATOR', 'hazard:view'), ('COMMAND_OPERATOR', 'hazard:report'), ('COMMAND_OPERATOR', 'hazard:intake'),
  ('DEPT_OFFICER', 'hazard:view'), ('DEPT_OFFICER', 'hazard:report'), ('DEPT_OFFICER', 'hazard:order'),
  ('DEPT_OFFICER', 'hazard:verify'),
  ('VILLAGE_CADRE', 'hazard:view'), ('VILLAGE_CADRE', 'hazard:report'), ('VILLAGE_CADRE', 'hazard:order'),
  ('VILLAGE_CADRE', 'hazard:rectify'), ('VILLAGE_CADRE', 'hazard:verify'),
  ('GRID_WORKER', 'hazard:view'), ('GRID_WORKER', 'hazard:report'), ('GRID_WORKER', 'hazard:rectify'),
  ('MICRO_GRID_HEAD', 'hazard:view'), ('MICRO_GRID_HEAD', 'hazard:report'), ('MICRO_GRID_HEAD', 'hazard:rectify'),
  ('MICRO_GRID_MEMBER', 'hazard:view'), ('MICRO_GRID_MEMBER', 'hazard:report')
) AS seed (r, p);
