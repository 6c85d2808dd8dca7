-- +goose Up
-- The trash: what a delete took, kept 30 days so that it can be restored.
-- payload holds the rows the delete removed (the record and every row its
-- foreign keys' ON DELETE CASCADE took) and the former values of the rows
-- an ON DELETE SET NULL (or the delete itself) changed, as JSON; see
-- internal/data/trash.go. A survey is not copied: it is soft deleted
-- (surveys.deleted_at) and its entry points at it through survey_id.
CREATE TABLE trash (
    id         TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    label      TEXT NOT NULL,
    deleted_at TEXT NOT NULL, -- UTC, fixed width, so that text order is time order
    counts     TEXT NOT NULL, -- JSON object: table -> rows taken
    payload    TEXT NOT NULL,
    survey_id  TEXT REFERENCES surveys(id) ON DELETE CASCADE
);
CREATE INDEX trash_network ON trash(network_id, deleted_at);
CREATE INDEX trash_deleted ON trash(deleted_at);
CREATE INDEX trash_survey ON trash(survey_id);

ALTER TABLE surveys ADD COLUMN deleted_at TEXT;

-- +goose Down
DELETE FROM surveys WHERE deleted_at IS NOT NULL;
ALTER TABLE surveys DROP COLUMN deleted_at;
DROP TABLE trash;
