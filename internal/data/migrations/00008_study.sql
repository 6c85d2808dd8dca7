-- +goose Up
-- The Baseline Study: ordered sections of Markdown text and of generated
-- blocks (partner profiles, the matrix, the focus table, the roadmap, the
-- index), each with an editing status; and named snapshots of the whole
-- study, kept as JSON so that a snapshot is never changed by later edits.
CREATE TABLE studies (
    id         TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (trim(title) <> ''),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX studies_network ON studies(network_id);

CREATE TABLE study_sections (
    id         TEXT PRIMARY KEY,
    study_id   TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL, -- 0, 1, 2… without gaps; briefly negative while the store renumbers
    kind       TEXT NOT NULL CHECK (kind IN ('text', 'partner_profiles', 'matrix', 'focus_table', 'roadmap', 'index')),
    title      TEXT NOT NULL CHECK (trim(title) <> ''),
    level      INTEGER NOT NULL CHECK (level IN (1, 2)), -- 1 a chapter, 2 a section within it
    body       TEXT NOT NULL DEFAULT '', -- Markdown; for a generated block, the text before it
    status     TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'final')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (study_id, position)
);

CREATE TABLE study_snapshots (
    id         TEXT PRIMARY KEY,
    study_id   TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    created_at TEXT NOT NULL,
    sections   TEXT NOT NULL CHECK (json_valid(sections) AND json_type(sections) = 'array')
);
CREATE INDEX study_snapshots_study ON study_snapshots(study_id);

-- +goose Down
DROP TABLE study_snapshots;
DROP TABLE study_sections;
DROP TABLE studies;
