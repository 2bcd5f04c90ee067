-- Dictionaries (code lists shown as labels and tags) and system parameters, edited on
-- /system/dicts and /system/params. See docs/decisions/dictionary-cache.md for the version rows.

CREATE TABLE web_dict_type (
    code        TEXT        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,63}$'),
    name_zh     TEXT        NOT NULL,
    name_en     TEXT,
    description TEXT,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT
);

CREATE TABLE web_dict_item (
    type_code   TEXT        NOT NULL REFERENCES web_dict_type (code),
    value       TEXT        NOT NULL CHECK (value ~ '^[A-Za-z0-9_.-]{1,64}$'),
    label_zh    TEXT        NOT NULL,
    label_en    TEXT,
    sort_order  INT         NOT NULL DEFAULT 0,
    tag_colour  TEXT,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    is_default  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT,
    PRIMARY KEY (type_code, value)
);
-- at most one default item per dictionary
CREATE UNIQUE INDEX web_dict_item_one_default ON web_dict_item (type_code) WHERE is_default;

CREATE TABLE web_parameter (
    key            TEXT        PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9.-]{1,99}$'),
    value          TEXT        NOT NULL,
    type           TEXT        NOT NULL CHECK (type IN ('STRING', 'INT', 'DECIMAL', 'BOOL', 'DURATION')),
    description_zh TEXT,
    description_en TEXT,
    editable       BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by     TEXT
);

-- Bumped in every transaction that changes dictionaries or parameters; each node compares it
-- with the version of its cached copy at most every few seconds.
CREATE TABLE web_config_version (
    name    TEXT   PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO web_config_version (name, version) VALUES ('dictionaries', 1), ('parameters', 1);

INSERT INTO web_dict_type (code, name_zh, name_en, description) VALUES
    ('gender', '性别', 'Gender', 'GB/T 2261.1-2003 codes'),
    ('grid_staff_role', '网格力量角色', 'Grid staff role', '"1+3+N" per grid, "一长两员" per micro-grid'),
    ('region_level', '区域层级', 'Region level', 'Levels of the region tree; see docs/conventions.md'),
    ('dedicated_micro_grid_type', '专属微网格类型', 'Dedicated micro-grid type',
     'The order is the type digit of a dedicated micro-grid code (1 enterprise ... 6 scenic area)'),
    ('village_kind', '村社类型', 'Village kind', 'Community codes 001-199, village codes 200-399');

INSERT INTO web_dict_item (type_code, value, label_zh, label_en, sort_order, tag_colour, is_default) VALUES
    ('gender', '1', '男', 'Male', 1, 'tag-blue', FALSE),
    ('gender', '2', '女', 'Female', 2, 'tag-purple', FALSE),
    ('gender', '0', '未知的性别', 'Unknown', 3, 'tag-grey', FALSE),
    ('gender', '9', '未说明的性别', 'Not stated', 4, 'tag-grey', FALSE),

    ('grid_staff_role', 'GRID_HEAD', '网格长', 'Grid head', 1, 'tag-red', FALSE),
    ('grid_staff_role', 'FULL_TIME_WORKER', '专职网格员', 'Full-time grid worker', 2, 'tag-blue', TRUE),
    ('grid_staff_role', 'PART_TIME_WORKER', '兼职网格员', 'Part-time grid worker', 3, 'tag-cyan', FALSE),
    ('grid_staff_role', 'GRID_GUIDE', '网格指导员/辅警', 'Grid guide / auxiliary police', 4, 'tag-purple', FALSE),
    ('grid_staff_role', 'VOLUNTEER', '志愿者', 'Volunteer', 5, 'tag-green', FALSE),
    ('grid_staff_role', 'PARTY_MEMBER', '党员', 'Party member', 6, 'tag-red', FALSE),
    ('grid_staff_role', 'MICRO_GRID_HEAD', '微网格长', 'Micro-grid head', 7, 'tag-orange', FALSE),
    ('grid_staff_role', 'MICRO_GRID_MEMBER', '微网格员', 'Micro-grid member', 8, 'tag-grey', FALSE),

    ('region_level', 'TOWN', '镇街', 'Town / street', 1, 'tag-red', FALSE),
    ('region_level', 'VILLAGE', '村社', 'Village / community', 2, 'tag-orange', FALSE),
    ('region_level', 'GRID', '网格', 'Grid', 3, 'tag-blue', FALSE),
    ('region_level', 'MICRO_GRID', '微网格', 'Micro-grid', 4, 'tag-green', FALSE),
    ('region_level', 'DEDICATED_MICRO_GRID', '专属微网格', 'Dedicated micro-grid', 5, 'tag-purple', FALSE),

    ('dedicated_micro_grid_type', 'ENTERPRISE', '企业', 'Enterprise', 1, 'tag-blue', FALSE),
    ('dedicated_micro_grid_type', 'SCHOOL', '学校', 'School', 2, 'tag-green', FALSE),
    ('dedicated_micro_grid_type', 'MARKET', '市场', 'Market', 3, 'tag-orange', FALSE),
    ('dedicated_micro_grid_type', 'HOSPITAL', '医院', 'Hospital', 4, 'tag-red', FALSE),
    ('dedicated_micro_grid_type', 'CONSTRUCTION_SITE', '工地', 'Construction site', 5, 'tag-grey', FALSE),
    ('dedicated_micro_grid_type', 'SCENIC_AREA', '景区', 'Scenic area', 6, 'tag-cyan', FALSE),

    ('village_kind', 'COMMUNITY', '社区', 'Community', 1, 'tag-blue', FALSE),
    ('village_kind', 'VILLAGE', '村', 'Village', 2, 'tag-green', FALSE);

INSERT INTO web_parameter (key, value, type, description_zh, description_en, editable) VALUES
    ('map.tile-url', '', 'STRING',
     '地图底图瓦片地址（含 {z}/{x}/{y}）；留空则使用离线演示底图',
     'Base map tile URL with {z}/{x}/{y}; empty uses the offline demo base layers', TRUE),
    ('map.tile-attribution', '', 'STRING',
     '底图版权说明，显示在地图右下角', 'Attribution shown in the corner of the map', TRUE),
    ('map.default-zoom', '14', 'INT', '地图默认缩放级别', 'Zoom level maps open at', TRUE),
    ('grid.overlap-tolerance-m2', '1', 'DECIMAL',
     '相邻网格允许的重叠面积（平方米），超过即判为重叠',
     'Overlap between neighbouring grids tolerated, in square metres', TRUE),
    ('grid.containment-tolerance-m', '0.5', 'DECIMAL',
     '子区域超出上级边界的容差（米）', 'How far a child may stick out of its parent, in metres', TRUE),
    ('event.duplicate-radius-m', '50', 'INT',
     '在此半径（米）内的同类上报提示为可能重复', 'Reports of the same kind within this radius (m) are flagged as possible duplicates', TRUE),
    ('task.reminder-before-deadline', 'PT4H', 'DURATION',
     '任务到期前多久提醒（如 PT4H、30m、2d）', 'How long before a task''s deadline its reminder goes out (e.g. PT4H, 30m, 2d)', TRUE),
    ('report.require-location', 'true', 'BOOL',
     '现场上报是否必须带定位', 'Whether a field report must carry a location', TRUE),
    ('ui.page-size', '20', 'INT', '列表每页条数', 'Rows per page in lists', TRUE),
    ('platform.time-zone', 'Asia/Shanghai', 'STRING',
     '时间显示所用时区（由部署决定，不可在此修改）', 'Time zone times are shown in (set by the deployment, not here)', FALSE);
