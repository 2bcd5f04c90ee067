-- Permissions of the registry (人房企). Everybody who works a part of the town sees its houses,
-- residents and organisations with numbers masked; the town's departments and the system
-- administrator load department files; only town leaders and department officers may reveal a
-- full ID-card or phone number, one at a time and audited (docs/decisions/registry-pii.md).
-- The system administrator runs the platform but is not given the people's numbers.

INSERT INTO permission (code, module, sort_order) VALUES
  ('registry:view',       'registry', 65),
  ('registry:import',     'registry', 66),
  ('registry:edit',       'registry', 67),
  ('registry:pii:reveal', 'registry', 68);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'registry:view'), ('SYS_ADMIN', 'registry:import'), ('SYS_ADMIN', 'registry:edit'),
  ('TOWN_LEADER', 'registry:view'), ('TOWN_LEADER', 'registry:pii:reveal'),
  ('COMMAND_OPERATOR', 'registry:view'),
  ('DEPT_OFFICER', 'registry:view'), ('DEPT_OFFICER', 'registry:import'), ('DEPT_OFFICER', 'registry:edit'),
  ('DEPT_OFFICER', 'registry:pii:reveal'),
  ('VILLAGE_CADRE', 'registry:view'),
  ('GRID_WORKER', 'registry:view'),
  ('MICRO_GRID_HEAD', 'registry:view')
) AS seed (r, p);
