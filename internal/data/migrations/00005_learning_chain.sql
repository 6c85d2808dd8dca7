-- +goose Up
-- The learning chain: a learning need is answered at a meeting, each
-- partner notes what it learned in a learning grid with an action until
-- the next meeting; the next meeting reviews those actions; useful ones
-- become testing actions and actions of the Integrated Action Plan.
ALTER TABLE learning_needs ADD COLUMN meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL;

CREATE TABLE learning_grids (
    id          TEXT PRIMARY KEY,
    meeting_id  TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    theme_key   TEXT NOT NULL DEFAULT '', -- a horizontal theme's id for its own grid, '' for the meeting's grid
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (meeting_id, partner_id, theme_key)
);
CREATE INDEX learning_grids_partner ON learning_grids(partner_id);

CREATE TABLE grid_rows (
    id               TEXT PRIMARY KEY,
    grid_id          TEXT NOT NULL REFERENCES learning_grids(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    learning         TEXT NOT NULL DEFAULT '',
    relevance        INTEGER CHECK (relevance BETWEEN 1 AND 5),
    relevance_note   TEXT NOT NULL DEFAULT '',
    action           TEXT NOT NULL DEFAULT '',
    action_who       TEXT NOT NULL DEFAULT '',
    action_by        TEXT NOT NULL DEFAULT '',
    need_id          TEXT REFERENCES learning_needs(id) ON DELETE SET NULL,
    review_status    TEXT NOT NULL DEFAULT '' CHECK (review_status IN ('', 'done', 'in_progress', 'dropped')),
    review_comment   TEXT NOT NULL DEFAULT '',
    reviewed_meeting TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX grid_rows_grid ON grid_rows(grid_id, position);
CREATE INDEX grid_rows_need ON grid_rows(need_id);

-- Actions of a city's action table (its learning log, which becomes the
-- Integrated Action Plan): testing actions and plan actions.
CREATE TABLE plan_actions (
    id             TEXT PRIMARY KEY,
    partner_id     TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL DEFAULT 'plan' CHECK (kind IN ('testing', 'plan')),
    title          TEXT NOT NULL CHECK (title <> ''),
    description    TEXT NOT NULL DEFAULT '',
    timing         TEXT NOT NULL DEFAULT '',
    responsibility TEXT NOT NULL DEFAULT '',
    cost_eur       REAL,
    funding        TEXT NOT NULL DEFAULT '',
    indicators     TEXT NOT NULL DEFAULT '',
    risks          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'planned', 'in_progress', 'done', 'dropped')),
    grid_row_id    TEXT REFERENCES grid_rows(id) ON DELETE SET NULL,
    parent_id      TEXT REFERENCES plan_actions(id) ON DELETE SET NULL, -- the testing action a plan action grew from
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX plan_actions_partner ON plan_actions(partner_id, kind);
CREATE INDEX plan_actions_row ON plan_actions(grid_row_id);
CREATE INDEX plan_actions_parent ON plan_actions(parent_id);
CREATE INDEX learning_needs_meeting ON learning_needs(meeting_id);

-- +goose Down
DROP TABLE plan_actions;
DROP TABLE grid_rows;
DROP TABLE learning_grids;
ALTER TABLE learning_needs DROP COLUMN meeting_id;
