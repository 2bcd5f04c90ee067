-- Permissions of the emergency resources module. Everyone who works in the grids may look up
-- resources and the nearest of them to a place (a grid worker at a flooded lane needs the nearest
-- shelter). Keeping the ledgers (teams, shelters, warehouses and their stock) is for the town's
-- officers and village cadres in their own area; sending a resource out is for the command center
-- and the town's leaders, and for village cadres within their village.

INSERT INTO permission (code, module, sort_order) VALUES
  ('resource:view',     'resource', 70),
  ('resource:edit',     'resource', 71),
  ('resource:dispatch', 'resource', 72);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'resource:view'), ('SYS_ADMIN', 'resource:edit'), ('SYS_ADMIN', 'resource:dispatch'),
  ('TOWN_LEADER', 'resource:view'), ('TOWN_LEADER', 'resource:dispatch'),
  ('COMMAND_OPERATOR', 'resource:view'), ('COMMAND_OPERATOR', 'resource:edit'), ('COMMAND_OPERATOR', 'resource:dispatch'),
  ('DEPT_OFFICER', 'resource:view'), ('DEPT_OFFICER', 'resource:edit'),
  ('VILLAGE_CADRE', 'resource:view'), ('VILLAGE_CADRE', 'resource:edit'), ('VILLAGE_CADRE', 'resource:dispatch'),
  ('GRID_WORKER', 'resource:view'),
  ('MICRO_GRID_HEAD', 'resource:view'),
  ('MICRO_GRID_MEMBER', 'resource:view')
) AS seed (r, p);
