-- +goose Up
-- The first schema: the network and what the foundation, matrix and meetings need.
-- Ids are UUID v7 text; times are RFC 3339 UTC text.
CREATE TABLE networks (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    acronym     TEXT NOT NULL DEFAULT '',
    programme   TEXT NOT NULL DEFAULT '',
    lead_expert TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL DEFAULT '',
    end_date    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE partners (
    id                        TEXT PRIMARY KEY,
    network_id                TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    name                      TEXT NOT NULL CHECK (name <> ''),
    name_key                  TEXT NOT NULL, -- the name folded for matching (case, accents, spaces)
    country                   TEXT NOT NULL DEFAULT '',
    region                    TEXT NOT NULL DEFAULT '',
    role                      TEXT NOT NULL DEFAULT 'partner' CHECK (role IN ('lead_partner', 'partner')),
    position                  INTEGER NOT NULL DEFAULT 0, -- column order in the matrix
    population                INTEGER CHECK (population >= 0),
    demographic_profile       TEXT NOT NULL DEFAULT '',
    unemployment_rate         REAL CHECK (unemployment_rate BETWEEN 0 AND 100),
    youth_unemployment_rate   REAL CHECK (youth_unemployment_rate BETWEEN 0 AND 100),
    economy_profile           TEXT NOT NULL DEFAULT '',
    functional_urban_area     TEXT NOT NULL DEFAULT '',
    civil_servants            INTEGER CHECK (civil_servants >= 0),
    ulg_coordinator           TEXT NOT NULL DEFAULT '',
    contact_email             TEXT NOT NULL DEFAULT '',
    participation_context     TEXT NOT NULL DEFAULT '',
    participation_in_practice TEXT NOT NULL DEFAULT '',
    next_steps                TEXT NOT NULL DEFAULT '',
    iap_focus                 TEXT NOT NULL DEFAULT '',
    testing_action            TEXT NOT NULL DEFAULT '',
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL
);
CREATE UNIQUE INDEX partners_name ON partners(network_id, name_key);
-- At most one lead partner per network; the store keeps it at exactly one.
CREATE UNIQUE INDEX partners_one_lead ON partners(network_id) WHERE role = 'lead_partner';

CREATE TABLE themes (
    id         TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    number     TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL CHECK (title <> ''),
    horizontal INTEGER NOT NULL DEFAULT 0 CHECK (horizontal IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX themes_network ON themes(network_id, position);

CREATE TABLE sub_themes (
    id         TEXT PRIMARY KEY,
    theme_id   TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    number     TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL CHECK (title <> ''),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sub_themes_theme ON sub_themes(theme_id, position);

-- A good practice belongs to a partner, or to a city outside the network.
CREATE TABLE good_practices (
    id               TEXT PRIMARY KEY,
    network_id       TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    title            TEXT NOT NULL CHECK (title <> ''),
    owner_partner_id TEXT REFERENCES partners(id) ON DELETE CASCADE,
    outside_city     TEXT NOT NULL DEFAULT '',
    outside_country  TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    source_link      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (owner_partner_id IS NOT NULL OR outside_city <> '')
);
CREATE INDEX good_practices_network ON good_practices(network_id);
CREATE INDEX good_practices_owner ON good_practices(owner_partner_id);

CREATE TABLE good_practice_sub_themes (
    good_practice_id TEXT NOT NULL REFERENCES good_practices(id) ON DELETE CASCADE,
    sub_theme_id     TEXT NOT NULL REFERENCES sub_themes(id) ON DELETE CASCADE,
    PRIMARY KEY (good_practice_id, sub_theme_id)
) WITHOUT ROWID;
CREATE INDEX good_practice_sub_themes_sub_theme ON good_practice_sub_themes(sub_theme_id);

-- Table 1 of a baseline study: partner x sub-theme.
CREATE TABLE matrix_cells (
    id           TEXT PRIMARY KEY,
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    sub_theme_id TEXT NOT NULL REFERENCES sub_themes(id) ON DELETE CASCADE,
    state        TEXT NOT NULL CHECK (state IN ('gp', 'gp_kn', 'kn')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (partner_id, sub_theme_id)
);
CREATE INDEX matrix_cells_sub_theme ON matrix_cells(sub_theme_id);

CREATE TABLE matrix_cell_practices (
    cell_id          TEXT NOT NULL REFERENCES matrix_cells(id) ON DELETE CASCADE,
    good_practice_id TEXT NOT NULL REFERENCES good_practices(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    PRIMARY KEY (cell_id, good_practice_id)
) WITHOUT ROWID;
CREATE INDEX matrix_cell_practices_practice ON matrix_cell_practices(good_practice_id);

CREATE TABLE meetings (
    id          TEXT PRIMARY KEY,
    network_id  TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('core_network_meeting', 'online_academy', 'ulg_meeting',
                    'masterclass', 'thematic_working_group', 'peer_review', 'partner_meeting', 'other')),
    number      INTEGER,
    title       TEXT NOT NULL CHECK (title <> ''),
    start_date  TEXT NOT NULL DEFAULT '',
    end_date    TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    online      INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX meetings_network ON meetings(network_id, start_date);

CREATE TABLE meeting_hosts (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX meeting_hosts_partner ON meeting_hosts(partner_id);

CREATE TABLE meeting_themes (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    theme_id   TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX meeting_themes_theme ON meeting_themes(theme_id);

-- Small per-database settings of the app (last network, window size).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- +goose Down
DROP TABLE settings;
DROP TABLE meeting_themes;
DROP TABLE meeting_hosts;
DROP TABLE meetings;
DROP TABLE matrix_cell_practices;
DROP TABLE matrix_cells;
DROP TABLE good_practice_sub_themes;
DROP TABLE good_practices;
DROP TABLE sub_themes;
DROP TABLE themes;
DROP TABLE partners;
DROP TABLE networks;
