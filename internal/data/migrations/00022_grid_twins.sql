-- +goose NO TRANSACTION
-- +goose Up
-- One learning grid (a meeting, a partner, a theme) may be made on two
-- laptops of one network before they sync: both grids stay, and the store
-- reads them as one — the rows of both, in (position, id) order, saved
-- into the grid made first (the smaller id). The UNIQUE (meeting_id,
-- partner_id, theme_key) of 00005 goes. SQLite cannot drop a table's own
-- constraint, so the table is rebuilt with the same columns in the same
-- order (the sync's changesets name columns by their place). Its rows are
-- the parents of grid_rows (ON DELETE CASCADE): the rebuild runs with
-- foreign keys off, in a transaction of its own, or dropping the old
-- table would take every grid's rows with it; and the rename runs as
-- SQLite's legacy one, which leaves alone the triggers of grid_rows that
-- name learning_grids (the new one would check them while the table is
-- gone, and stop).
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
BEGIN;
CREATE TABLE learning_grids_new (
    id            TEXT PRIMARY KEY,
    meeting_id    TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    partner_id    TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    theme_key     TEXT NOT NULL DEFAULT '', -- a horizontal theme's id for its own grid, '' for the meeting's grid
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_clock INTEGER NOT NULL DEFAULT 0,
    updated_by    TEXT NOT NULL DEFAULT ''
);
INSERT INTO learning_grids_new SELECT id, meeting_id, partner_id, theme_key, created_at, updated_at, updated_clock, updated_by FROM learning_grids;
DROP TABLE learning_grids;
ALTER TABLE learning_grids_new RENAME TO learning_grids;
CREATE INDEX learning_grids_partner ON learning_grids(partner_id);
CREATE INDEX learning_grids_key ON learning_grids(meeting_id, partner_id, theme_key, id);
-- +goose StatementBegin
CREATE TRIGGER sync_learning_grids_ai AFTER INSERT ON learning_grids WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE learning_grids SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_learning_grids_au AFTER UPDATE ON learning_grids WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE learning_grids SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
COMMIT;
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_keys = ON;

-- +goose Down
-- Back to one grid per meeting, partner and theme: the rows of a grid's
-- twins go into the one made first, and the twins go.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
BEGIN;
UPDATE grid_rows SET grid_id = (SELECT min(t.id) FROM learning_grids g, learning_grids t
    WHERE g.id = grid_rows.grid_id AND t.meeting_id = g.meeting_id AND t.partner_id = g.partner_id AND t.theme_key = g.theme_key);
DELETE FROM learning_grids WHERE id <> (SELECT min(t.id) FROM learning_grids t
    WHERE t.meeting_id = learning_grids.meeting_id AND t.partner_id = learning_grids.partner_id AND t.theme_key = learning_grids.theme_key);
DROP INDEX learning_grids_key;
CREATE TABLE learning_grids_old (
    id            TEXT PRIMARY KEY,
    meeting_id    TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    partner_id    TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    theme_key     TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_clock INTEGER NOT NULL DEFAULT 0,
    updated_by    TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, partner_id, theme_key)
);
INSERT INTO learning_grids_old SELECT * FROM learning_grids;
DROP TABLE learning_grids;
ALTER TABLE learning_grids_old RENAME TO learning_grids;
CREATE INDEX learning_grids_partner ON learning_grids(partner_id);
-- +goose StatementBegin
CREATE TRIGGER sync_learning_grids_ai AFTER INSERT ON learning_grids WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE learning_grids SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_learning_grids_au AFTER UPDATE ON learning_grids WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE learning_grids SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
COMMIT;
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_keys = ON;
