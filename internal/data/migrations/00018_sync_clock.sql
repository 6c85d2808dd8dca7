-- +goose Up
-- Sync (internal/sync): two laptops share a network through a folder.
-- Every record with its own id gets a hybrid logical clock (updated_clock:
-- milliseconds since 1970 times 1000 plus a counter, so integer order is
-- time order even when the wall clock stalls or a laptop's clock is behind
-- one it merged) and the laptop that wrote it last (updated_by). The
-- triggers below keep both current on every insert and update the store
-- makes, so its own SQL stays as it was; while a sync applies another
-- laptop's changes (sync_laptop.applying = 1) they stand aside, so merged
-- rows keep the clock they were written with.
CREATE TABLE sync_laptop (
    only     INTEGER PRIMARY KEY CHECK (only = 1),
    id       TEXT NOT NULL, -- this database's laptop id (UUID); a copied file must get a new one
    name     TEXT NOT NULL DEFAULT '',
    clock    INTEGER NOT NULL DEFAULT 0,
    applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1))
);
INSERT INTO sync_laptop (only, id) VALUES (1, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))));

-- Per network: the last changeset this laptop wrote and when it last synced.
CREATE TABLE sync_networks (
    network_id TEXT PRIMARY KEY,
    folder     TEXT NOT NULL DEFAULT '', -- the last folder synced with (the app's settings may offer it)
    last_seq   INTEGER NOT NULL DEFAULT 0,
    last_sync  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- The changesets of other laptops applied here (a file is applied once).
CREATE TABLE sync_applied (
    network_id TEXT NOT NULL,
    laptop_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (network_id, laptop_id, seq)
) WITHOUT ROWID;

-- Every column value a laptop sent, with the version it replaced (base):
-- this table travels in the changesets too, so every laptop ends up with
-- the same versions and derives from them the same winner of each column
-- (the highest clock, then laptop id) and the same lost values (versions
-- that lost without any later version building on them).
CREATE TABLE sync_versions (
    network_id  TEXT NOT NULL,
    tbl         TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    col         TEXT NOT NULL,
    clock       INTEGER NOT NULL,
    laptop      TEXT NOT NULL,
    base_clock  INTEGER NOT NULL, -- 0 and '' when it replaced the value the record was created with
    base_laptop TEXT NOT NULL,
    value,
    PRIMARY KEY (tbl, row_id, col, clock, laptop)
) WITHOUT ROWID;
CREATE INDEX sync_versions_network ON sync_versions(network_id);
CREATE INDEX sync_versions_base ON sync_versions(tbl, row_id, col, base_clock, base_laptop);

-- The values that lost a merge, for review (keep / take the other / edit).
CREATE TABLE sync_conflicts (
    network_id  TEXT NOT NULL,
    tbl         TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    col         TEXT NOT NULL,
    lost_clock  INTEGER NOT NULL,
    lost_laptop TEXT NOT NULL,
    lost_value,
    kept_clock  INTEGER NOT NULL,
    kept_laptop TEXT NOT NULL,
    kept_value,
    found_at    TEXT NOT NULL,
    resolved    TEXT NOT NULL DEFAULT '' CHECK (resolved IN ('', 'keep', 'take', 'edit')),
    PRIMARY KEY (tbl, row_id, col, lost_clock, lost_laptop)
) WITHOUT ROWID;
CREATE INDEX sync_conflicts_network ON sync_conflicts(network_id, resolved);

ALTER TABLE networks ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE networks ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_networks_ai AFTER INSERT ON networks WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE networks SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_networks_au AFTER UPDATE ON networks WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE networks SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE partners ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partners ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_partners_ai AFTER INSERT ON partners WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE partners SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_partners_au AFTER UPDATE ON partners WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE partners SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE themes ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE themes ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_themes_ai AFTER INSERT ON themes WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE themes SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_themes_au AFTER UPDATE ON themes WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE themes SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE sub_themes ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sub_themes ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_sub_themes_ai AFTER INSERT ON sub_themes WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE sub_themes SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_sub_themes_au AFTER UPDATE ON sub_themes WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE sub_themes SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE good_practices ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE good_practices ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_good_practices_ai AFTER INSERT ON good_practices WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE good_practices SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_good_practices_au AFTER UPDATE ON good_practices WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE good_practices SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE matrix_cells ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE matrix_cells ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_matrix_cells_ai AFTER INSERT ON matrix_cells WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE matrix_cells SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_matrix_cells_au AFTER UPDATE ON matrix_cells WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE matrix_cells SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE meetings ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_meetings_ai AFTER INSERT ON meetings WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE meetings SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_meetings_au AFTER UPDATE ON meetings WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE meetings SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE learning_needs ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE learning_needs ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_learning_needs_ai AFTER INSERT ON learning_needs WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE learning_needs SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_learning_needs_au AFTER UPDATE ON learning_needs WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE learning_needs SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE learning_grids ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE learning_grids ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
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

ALTER TABLE grid_rows ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE grid_rows ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_grid_rows_ai AFTER INSERT ON grid_rows WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE grid_rows SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_grid_rows_au AFTER UPDATE ON grid_rows WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE grid_rows SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE plan_actions ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_actions ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_plan_actions_ai AFTER INSERT ON plan_actions WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE plan_actions SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_plan_actions_au AFTER UPDATE ON plan_actions WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE plan_actions SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE milestones ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE milestones ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_milestones_ai AFTER INSERT ON milestones WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE milestones SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_milestones_au AFTER UPDATE ON milestones WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE milestones SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE studies ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE studies ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_studies_ai AFTER INSERT ON studies WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE studies SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_studies_au AFTER UPDATE ON studies WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE studies SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE study_sections ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE study_sections ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_study_sections_ai AFTER INSERT ON study_sections WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE study_sections SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_study_sections_au AFTER UPDATE ON study_sections WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE study_sections SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE study_snapshots ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE study_snapshots ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_study_snapshots_ai AFTER INSERT ON study_snapshots WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE study_snapshots SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_study_snapshots_au AFTER UPDATE ON study_snapshots WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE study_snapshots SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE surveys ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE surveys ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_surveys_ai AFTER INSERT ON surveys WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE surveys SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_surveys_au AFTER UPDATE ON surveys WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE surveys SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE survey_questions ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE survey_questions ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_survey_questions_ai AFTER INSERT ON survey_questions WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE survey_questions SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_survey_questions_au AFTER UPDATE ON survey_questions WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE survey_questions SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

ALTER TABLE trash ADD COLUMN updated_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE trash ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
-- +goose StatementBegin
CREATE TRIGGER sync_trash_ai AFTER INSERT ON trash WHEN (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE trash SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER sync_trash_au AFTER UPDATE ON trash WHEN new.updated_clock IS old.updated_clock AND (SELECT applying FROM sync_laptop) = 0 BEGIN
    UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000);
    UPDATE trash SET updated_clock = (SELECT clock FROM sync_laptop), updated_by = (SELECT id FROM sync_laptop) WHERE id = new.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER sync_networks_ai;
DROP TRIGGER sync_networks_au;
ALTER TABLE networks DROP COLUMN updated_by;
ALTER TABLE networks DROP COLUMN updated_clock;
DROP TRIGGER sync_partners_ai;
DROP TRIGGER sync_partners_au;
ALTER TABLE partners DROP COLUMN updated_by;
ALTER TABLE partners DROP COLUMN updated_clock;
DROP TRIGGER sync_themes_ai;
DROP TRIGGER sync_themes_au;
ALTER TABLE themes DROP COLUMN updated_by;
ALTER TABLE themes DROP COLUMN updated_clock;
DROP TRIGGER sync_sub_themes_ai;
DROP TRIGGER sync_sub_themes_au;
ALTER TABLE sub_themes DROP COLUMN updated_by;
ALTER TABLE sub_themes DROP COLUMN updated_clock;
DROP TRIGGER sync_good_practices_ai;
DROP TRIGGER sync_good_practices_au;
ALTER TABLE good_practices DROP COLUMN updated_by;
ALTER TABLE good_practices DROP COLUMN updated_clock;
DROP TRIGGER sync_matrix_cells_ai;
DROP TRIGGER sync_matrix_cells_au;
ALTER TABLE matrix_cells DROP COLUMN updated_by;
ALTER TABLE matrix_cells DROP COLUMN updated_clock;
DROP TRIGGER sync_meetings_ai;
DROP TRIGGER sync_meetings_au;
ALTER TABLE meetings DROP COLUMN updated_by;
ALTER TABLE meetings DROP COLUMN updated_clock;
DROP TRIGGER sync_learning_needs_ai;
DROP TRIGGER sync_learning_needs_au;
ALTER TABLE learning_needs DROP COLUMN updated_by;
ALTER TABLE learning_needs DROP COLUMN updated_clock;
DROP TRIGGER sync_learning_grids_ai;
DROP TRIGGER sync_learning_grids_au;
ALTER TABLE learning_grids DROP COLUMN updated_by;
ALTER TABLE learning_grids DROP COLUMN updated_clock;
DROP TRIGGER sync_grid_rows_ai;
DROP TRIGGER sync_grid_rows_au;
ALTER TABLE grid_rows DROP COLUMN updated_by;
ALTER TABLE grid_rows DROP COLUMN updated_clock;
DROP TRIGGER sync_plan_actions_ai;
DROP TRIGGER sync_plan_actions_au;
ALTER TABLE plan_actions DROP COLUMN updated_by;
ALTER TABLE plan_actions DROP COLUMN updated_clock;
DROP TRIGGER sync_milestones_ai;
DROP TRIGGER sync_milestones_au;
ALTER TABLE milestones DROP COLUMN updated_by;
ALTER TABLE milestones DROP COLUMN updated_clock;
DROP TRIGGER sync_studies_ai;
DROP TRIGGER sync_studies_au;
ALTER TABLE studies DROP COLUMN updated_by;
ALTER TABLE studies DROP COLUMN updated_clock;
DROP TRIGGER sync_study_sections_ai;
DROP TRIGGER sync_study_sections_au;
ALTER TABLE study_sections DROP COLUMN updated_by;
ALTER TABLE study_sections DROP COLUMN updated_clock;
DROP TRIGGER sync_study_snapshots_ai;
DROP TRIGGER sync_study_snapshots_au;
ALTER TABLE study_snapshots DROP COLUMN updated_by;
ALTER TABLE study_snapshots DROP COLUMN updated_clock;
DROP TRIGGER sync_surveys_ai;
DROP TRIGGER sync_surveys_au;
ALTER TABLE surveys DROP COLUMN updated_by;
ALTER TABLE surveys DROP COLUMN updated_clock;
DROP TRIGGER sync_survey_questions_ai;
DROP TRIGGER sync_survey_questions_au;
ALTER TABLE survey_questions DROP COLUMN updated_by;
ALTER TABLE survey_questions DROP COLUMN updated_clock;
DROP TRIGGER sync_trash_ai;
DROP TRIGGER sync_trash_au;
ALTER TABLE trash DROP COLUMN updated_by;
ALTER TABLE trash DROP COLUMN updated_clock;
DROP TABLE sync_conflicts;
DROP TABLE sync_versions;
DROP TABLE sync_applied;
DROP TABLE sync_networks;
DROP TABLE sync_laptop;
