-- Giving accounts their working roles is the system administrator's job (三员分立: the system
-- administrator runs accounts, the security administrator shapes roles and permissions, the auditor
-- reads the log). Until now a role could only be given by someone holding all of its permissions,
-- so every new module's permissions had to be handed to SYS_ADMIN too, or it could no longer create
-- a grid worker. This permission lets its holder give any role except the three administrator roles,
-- without holding the role's permissions.
INSERT INTO permission (code, module, sort_order) VALUES ('system:user:grant', 'system', 22);

INSERT INTO role_permission (role_code, permission_code) VALUES ('SYS_ADMIN', 'system:user:grant');
