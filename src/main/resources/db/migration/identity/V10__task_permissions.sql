-- Grid task permissions and who holds them: departments issue, dispatch, review and run campaigns;
-- village cadres (grid heads) forward, review and supervise their village; grid staff do the work
-- and forward within their node; the town leader and the command center supervise.
INSERT INTO permission (code, module, sort_order) VALUES
  ('task:view',      'task', 50),
  ('task:create',    'task', 51),
  ('task:dispatch',  'task', 52),
  ('task:do',        'task', 53),
  ('task:review',    'task', 54),
  ('task:campaign',  'task', 55),
  ('task:supervise', 'task', 56),
  ('task:export',    'task', 57),
  ('task:urge',      'task', 58);

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  -- the system administrator creates the accounts of grid staff and cadres, and identity lets a
  -- role be granted only by someone holding all its permissions: so the administrator holds them too
  ('SYS_ADMIN', 'task:view'), ('SYS_ADMIN', 'task:create'), ('SYS_ADMIN', 'task:dispatch'), ('SYS_ADMIN', 'task:do'),
  ('SYS_ADMIN', 'task:review'), ('SYS_ADMIN', 'task:campaign'), ('SYS_ADMIN', 'task:supervise'),
  ('SYS_ADMIN', 'task:export'), ('SYS_ADMIN', 'task:urge'),

  ('TOWN_LEADER', 'task:view'), ('TOWN_LEADER', 'task:supervise'), ('TOWN_LEADER', 'task:export'),
  ('TOWN_LEADER', 'task:urge'),

  ('COMMAND_OPERATOR', 'task:view'), ('COMMAND_OPERATOR', 'task:create'), ('COMMAND_OPERATOR', 'task:dispatch'),
  ('COMMAND_OPERATOR', 'task:supervise'), ('COMMAND_OPERATOR', 'task:urge'),

  ('DEPT_OFFICER', 'task:view'), ('DEPT_OFFICER', 'task:create'), ('DEPT_OFFICER', 'task:dispatch'),
  ('DEPT_OFFICER', 'task:review'), ('DEPT_OFFICER', 'task:campaign'), ('DEPT_OFFICER', 'task:supervise'),
  ('DEPT_OFFICER', 'task:export'), ('DEPT_OFFICER', 'task:urge'),

  -- village leaders head the grids: they forward down, review, supervise and also take tasks themselves
  ('VILLAGE_CADRE', 'task:view'), ('VILLAGE_CADRE', 'task:create'), ('VILLAGE_CADRE', 'task:dispatch'),
  ('VILLAGE_CADRE', 'task:do'), ('VILLAGE_CADRE', 'task:review'), ('VILLAGE_CADRE', 'task:supervise'),
  ('VILLAGE_CADRE', 'task:export'), ('VILLAGE_CADRE', 'task:urge'),

  -- grid staff report what they find (self-reported tasks), do the work and pass it on within their node
  ('GRID_WORKER', 'task:view'), ('GRID_WORKER', 'task:create'), ('GRID_WORKER', 'task:dispatch'),
  ('GRID_WORKER', 'task:do'),
  ('MICRO_GRID_HEAD', 'task:view'), ('MICRO_GRID_HEAD', 'task:create'), ('MICRO_GRID_HEAD', 'task:dispatch'),
  ('MICRO_GRID_HEAD', 'task:do'),
  ('MICRO_GRID_MEMBER', 'task:view'), ('MICRO_GRID_MEMBER', 'task:create'), ('MICRO_GRID_MEMBER', 'task:do')
) AS seed (r, p);
