-- +goose Up
-- Two study sections may share a place: two laptops of one network can
-- each add a section at the same place, and the sync keeps both. The
-- order is (position, id) everywhere sections are read — the editor, the
-- export, snapshots — so every laptop shows the same order; the store
-- renumbers a study's sections 0, 1, 2… in that order before it moves,
-- adds or deletes one. The UNIQUE (study_id, position) of 00008 goes:
-- SQLite cannot drop a table's own constraint, so the table is rebuilt
-- with the same columns in the same order (the sync's changesets name
-- columns by their place), and its triggers are made again.
CREATE TABLE study_sections_new (
    id            TEXT PRIMARY KEY,
    study_id      TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL, -- 0, 1, 2… in (position, id) order; two may tie after a sync
    kind          TEXT NOT NULL CHECK (kind IN ('text', 'partner_profiles', 'matrix', 'focus_table', 'roadmap', 'index')),
    title         TEXT NOT NULL CHECK (trim(title) <> ''),
    level         INTEGER NOT NULL CHECK (level IN (1, 2)),
    body          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'final')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_clock INTEGER NOT NULL DEFAULT 0,
    updated_by    TEXT NOT NULL DEFAULT ''
);
INSERT INTO study_sections_new SELECT id, study_id, position, kind, title, level, body, status, created_at, updated_at, updated_clock, updated_by FROM study_sections;
DROP TABLE study_sections;
ALTER TABLE study_sections_new RENAME TO study_sections;
CREATE INDEX study_sections_place ON study_sections(study_id, position, id);

-- +goose StatementBegin
CREATE TRIGGER search_study_sections_ai AFTER INSERT ON study_sections BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('section', new.id, COALESCE((SELECT network_id FROM studies WHERE id = new.study_id), ''), new.title, new.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_study_sections_au AFTER UPDATE OF title, body ON study_sections BEGIN
    UPDATE search_docs SET title = new.title, body = new.body WHERE kind = 'section' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_study_sections_ad AFTER DELETE ON study_sections BEGIN
    DELETE FROM search_docs WHERE kind = 'section' AND ref_id = old.id;
END;
-- +goose StatementEnd
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

-- +goose Down
-- Back to one section per place: a study's sections are renumbered 0, 1,
-- 2… in (position, id) order first.
DROP INDEX study_sections_place;
CREATE TEMP TABLE section_places AS
    SELECT id, ROW_NUMBER() OVER (PARTITION BY study_id ORDER BY position, id) - 1 AS place FROM study_sections;
UPDATE study_sections SET position = (SELECT place FROM section_places p WHERE p.id = study_sections.id);
DROP TABLE section_places;
CREATE UNIQUE INDEX study_sections_one_place ON study_sections(study_id, position);
