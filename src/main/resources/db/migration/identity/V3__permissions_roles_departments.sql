-- The permission catalogue, the twelve built-in roles with a least-privilege starting set, and the
-- town's departments. Role and permission names are shown from the message bundle (role.<CODE>,
-- perm.<code with dots>), so only codes live here.

INSERT INTO permission (code, module, sort_order) VALUES
  ('grid:node:view',       'grid',   10),
  ('grid:node:edit',       'grid',   11),
  ('grid:node:import',     'grid',   12),
  ('grid:staff:view',      'grid',   13),
  ('grid:staff:edit',      'grid',   14),
  ('grid:locate',          'grid',   15),
  ('system:user:view',     'system', 20),
  ('system:user:edit',     'system', 21),
  ('system:role:view',     'system', 22),
  ('system:role:edit',     'system', 23),
  ('system:dict:view',     'system', 24),
  ('system:dict:edit',     'system', 25),
  ('system:param:view',    'system', 26),
  ('system:param:edit',    'system', 27),
  ('system:loginlog:view', 'system', 28),
  ('system:online:view',   'system', 29),
  ('system:online:kick',   'system', 30),
  ('audit:log:view',       'audit',  40),
  ('audit:log:verify',     'audit',  41);

-- Three separated administrators (三员分立): the system admin runs the platform, the security admin
-- owns roles, sessions and the login log, the auditor reads the logs and changes nothing.
INSERT INTO role (code, scope_kind, admin, sort_order) VALUES
  ('SYS_ADMIN',         'ALL',        TRUE,  1),
  ('SECURITY_ADMIN',    'ALL',        TRUE,  2),
  ('AUDITOR',           'ALL',        TRUE,  3),
  ('TOWN_LEADER',       'ALL',        FALSE, 4),
  ('COMMAND_OPERATOR',  'ALL',        FALSE, 5),
  ('DEPT_OFFICER',      'DEPARTMENT', FALSE, 6),
  ('VILLAGE_CADRE',     'REGION',     FALSE, 7),
  ('GRID_WORKER',       'REGION',     FALSE, 8),
  ('MICRO_GRID_HEAD',   'REGION',     FALSE, 9),
  ('MICRO_GRID_MEMBER', 'REGION',     FALSE, 10),
  ('MEDIATOR',          'REGION',     FALSE, 11),
  ('RESIDENT',          'SELF',       FALSE, 12);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('SYS_ADMIN', 'system:user:view'), ('SYS_ADMIN', 'system:user:edit'), ('SYS_ADMIN', 'system:role:view'),
  ('SYS_ADMIN', 'system:dict:view'), ('SYS_ADMIN', 'system:dict:edit'),
  ('SYS_ADMIN', 'system:param:view'), ('SYS_ADMIN', 'system:param:edit'), ('SYS_ADMIN', 'system:online:view'),
  ('SYS_ADMIN', 'grid:node:view'), ('SYS_ADMIN', 'grid:node:edit'), ('SYS_ADMIN', 'grid:node:import'),
  ('SYS_ADMIN', 'grid:staff:view'), ('SYS_ADMIN', 'grid:staff:edit'), ('SYS_ADMIN', 'grid:locate'),

  ('SECURITY_ADMIN', 'system:user:view'), ('SECURITY_ADMIN', 'system:user:edit'),
  ('SECURITY_ADMIN', 'system:role:view'), ('SECURITY_ADMIN', 'system:role:edit'),
  ('SECURITY_ADMIN', 'system:param:view'), ('SECURITY_ADMIN', 'system:loginlog:view'),
  ('SECURITY_ADMIN', 'system:online:view'), ('SECURITY_ADMIN', 'system:online:kick'),

  ('AUDITOR', 'audit:log:view'), ('AUDITOR', 'audit:log:verify'), ('AUDITOR', 'system:loginlog:view'),
  ('AUDITOR', 'system:user:view'), ('AUDITOR', 'system:role:view'),

  ('TOWN_LEADER', 'grid:node:view'), ('TOWN_LEADER', 'grid:staff:view'), ('TOWN_LEADER', 'grid:locate'),

  ('COMMAND_OPERATOR', 'grid:node:view'), ('COMMAND_OPERATOR', 'grid:staff:view'), ('COMMAND_OPERATOR', 'grid:locate'),

  ('DEPT_OFFICER', 'grid:node:view'), ('DEPT_OFFICER', 'grid:staff:view'), ('DEPT_OFFICER', 'grid:locate'),

  -- a village cadre staffs the village: its grids and the accounts of the people who work in them
  ('VILLAGE_CADRE', 'grid:node:view'), ('VILLAGE_CADRE', 'grid:staff:view'), ('VILLAGE_CADRE', 'grid:staff:edit'),
  ('VILLAGE_CADRE', 'grid:locate'), ('VILLAGE_CADRE', 'system:user:view'), ('VILLAGE_CADRE', 'system:user:edit'),

  ('GRID_WORKER', 'grid:node:view'), ('GRID_WORKER', 'grid:staff:view'), ('GRID_WORKER', 'grid:locate'),

  ('MICRO_GRID_HEAD', 'grid:node:view'), ('MICRO_GRID_HEAD', 'grid:staff:view'), ('MICRO_GRID_HEAD', 'grid:locate'),

  ('MICRO_GRID_MEMBER', 'grid:node:view'), ('MICRO_GRID_MEMBER', 'grid:locate'),

  ('MEDIATOR', 'grid:node:view'), ('MEDIATOR', 'grid:locate'),

  ('RESIDENT', 'grid:locate')
) AS seed (r, p);

-- The town's departments (Linpu, 330109107). Real deployments edit this list; the names are data.
INSERT INTO department (id, code, name, name_en, region_code, sort_order) VALUES
  (gen_random_uuid(), 'DZB',  '党政办',       'Party and Government Office',          '330109107', 1),
  (gen_random_uuid(), 'ZZB',  '综治办',       'Comprehensive Governance Office',      '330109107', 2),
  (gen_random_uuid(), 'YJB',  '应急管理办',   'Emergency Management Office',          '330109107', 3),
  (gen_random_uuid(), 'CGZF', '城管执法中队', 'Urban Management Enforcement Squad',   '330109107', 4),
  (gen_random_uuid(), 'PCS',  '派出所',       'Police Station',                       '330109107', 5),
  (gen_random_uuid(), 'SFS',  '司法所',       'Judicial Office',                      '330109107', 6),
  (gen_random_uuid(), 'SCJG', '市场监管所',   'Market Supervision Office',            '330109107', 7),
  (gen_random_uuid(), 'NYNC', '农业农村办',   'Agriculture and Rural Affairs Office', '330109107', 8),
  (gen_random_uuid(), 'JSGL', '建设管理办',   'Construction Management Office',       '330109107', 9),
  (gen_random_uuid(), 'SHSW', '社会事务办',   'Social Affairs Office',                '330109107', 10),
  (gen_random_uuid(), 'STHJ', '生态环境办',   'Ecology and Environment Office',       '330109107', 11),
  (gen_random_uuid(), 'XFB',  '信访办',       'Petition Office',                      '330109107', 12);
