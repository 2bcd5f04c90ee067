-- The risk-hazard one map and the campaign figures: everyone who works with hazards sees them,
-- each inside their own data scope (the map and the figures filter by region code).

INSERT INTO permission (code, module, sort_order) VALUES
  ('hazard:map:view', 'hazard', 90);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, 'hazard:map:view' FROM (VALUES
  ('SYS_ADMIN'), ('TOWN_LEADER'), ('COMMAND_OPERATOR'), ('DEPT_OFFICER'), ('VILLAGE_CADRE'),
  ('GRID_WORKER'), ('MICRO_GRID_HEAD'), ('MICRO_GRID_MEMBER')
) AS seed (r);
