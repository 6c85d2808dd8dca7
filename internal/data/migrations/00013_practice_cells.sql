-- +goose Up
-- One truth for good practices and the matrix. A practice a partner owns
-- is in that partner's cell of every sub-theme it serves: the cells'
-- practices are the practices' sub-themes (good_practice_sub_themes), and
-- matrix_cell_practices goes. A cell keeps what it says without the
-- catalogue in `noted` ('' nothing, 'kn', 'gp' — a good practice not in the
-- catalogue, as Table 1 of a study may show — or 'gp_kn'); its state is
-- `noted` with a good practice added while a practice of its partner
-- serves the sub-theme (internal/data/matrix.go, deriveCells). Practices of
-- cities outside the network have no partner cell: their sub-themes are the
-- matrix's Outside column, as before.
--
-- Where the two disagreed:
--   - a cell that named a practice makes the practice serve its sub-theme;
--   - a practice of a partner that serves a sub-theme makes that cell GP
--     (nothing → GP, KN → GP+KN);
--   - a GP or GP+KN cell with no practice of its partner stays as it is
--     (its practice is not in the catalogue yet): nothing is invented.
-- What changed is counted and left in settings under upgrade_note.* for
-- the app (and the command line) to say once.
ALTER TABLE matrix_cells ADD COLUMN noted TEXT NOT NULL DEFAULT '' CHECK (noted IN ('', 'gp', 'gp_kn', 'kn'));

CREATE TABLE upgrade_counts (what TEXT PRIMARY KEY, n INTEGER NOT NULL);

INSERT INTO upgrade_counts SELECT 'linked', COUNT(*) FROM (SELECT DISTINCT l.good_practice_id, c.sub_theme_id
    FROM matrix_cell_practices l JOIN matrix_cells c ON c.id = l.cell_id
    WHERE NOT EXISTS (SELECT 1 FROM good_practice_sub_themes g WHERE g.good_practice_id = l.good_practice_id AND g.sub_theme_id = c.sub_theme_id));
INSERT OR IGNORE INTO good_practice_sub_themes (good_practice_id, sub_theme_id)
    SELECT l.good_practice_id, c.sub_theme_id FROM matrix_cell_practices l JOIN matrix_cells c ON c.id = l.cell_id;
-- A cell that named a practice of another owner: the practice now shows in
-- its owner's cell (or the Outside column); this cell keeps its state.
INSERT INTO upgrade_counts SELECT 'moved', COUNT(*) FROM matrix_cell_practices l
    JOIN matrix_cells c ON c.id = l.cell_id JOIN good_practices g ON g.id = l.good_practice_id
    WHERE g.owner_partner_id IS NOT c.partner_id;

CREATE TEMP VIEW cell_has_practice AS SELECT c.id AS cell_id, EXISTS (SELECT 1 FROM good_practice_sub_themes l
    JOIN good_practices g ON g.id = l.good_practice_id
    WHERE g.owner_partner_id = c.partner_id AND l.sub_theme_id = c.sub_theme_id) AS has FROM matrix_cells c;

INSERT INTO upgrade_counts SELECT 'upgraded', COUNT(*) FROM matrix_cells c JOIN cell_has_practice h ON h.cell_id = c.id
    WHERE h.has AND c.state = 'kn';
INSERT INTO upgrade_counts SELECT 'kept', COUNT(*) FROM matrix_cells c JOIN cell_has_practice h ON h.cell_id = c.id
    WHERE NOT h.has AND c.state IN ('gp', 'gp_kn');

UPDATE matrix_cells SET noted = CASE WHEN (SELECT has FROM cell_has_practice WHERE cell_id = matrix_cells.id)
    THEN (CASE state WHEN 'gp' THEN '' WHEN 'gp_kn' THEN 'kn' ELSE state END) ELSE state END;
UPDATE matrix_cells SET state = 'gp_kn' WHERE state = 'kn' AND (SELECT has FROM cell_has_practice WHERE cell_id = matrix_cells.id);
DROP VIEW cell_has_practice;

CREATE TEMP TABLE missing_cells AS SELECT DISTINCT g.owner_partner_id AS partner_id, l.sub_theme_id
    FROM good_practice_sub_themes l JOIN good_practices g ON g.id = l.good_practice_id
    WHERE g.owner_partner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM matrix_cells c
        WHERE c.partner_id = g.owner_partner_id AND c.sub_theme_id = l.sub_theme_id);
INSERT INTO upgrade_counts SELECT 'created', COUNT(*) FROM missing_cells;
-- A random (version 4) UUID: the app's own ids are version 7.
INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, noted, created_at, updated_at)
    SELECT lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2),
            substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
        partner_id, sub_theme_id, 'gp', '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM missing_cells;
DROP TABLE missing_cells;

DROP TABLE matrix_cell_practices;

INSERT INTO settings (key, value)
SELECT 'upgrade_note.practices_matrix', 'Good practices and the matrix now agree: ' || group_concat(text, '; ') || '.'
FROM (SELECT CASE what
        WHEN 'linked' THEN printf('%d practice sub-theme(s) added from matrix cells that named the practice', n)
        WHEN 'moved' THEN printf('%d practice(s) named in another partner''s cell now show in their owner''s cell', n)
        WHEN 'created' THEN printf('%d empty cell(s) became GP', n)
        WHEN 'upgraded' THEN printf('%d KN cell(s) became GP+KN', n)
        WHEN 'kept' THEN printf('%d GP cell(s) name no practice in the catalogue and stay GP', n)
    END AS text
    FROM upgrade_counts WHERE n > 0
    ORDER BY CASE what WHEN 'linked' THEN 1 WHEN 'moved' THEN 2 WHEN 'created' THEN 3 WHEN 'upgraded' THEN 4 ELSE 5 END)
HAVING COUNT(*) > 0;
DROP TABLE upgrade_counts;

-- +goose Down
CREATE TABLE matrix_cell_practices (
    cell_id          TEXT NOT NULL REFERENCES matrix_cells(id) ON DELETE CASCADE,
    good_practice_id TEXT NOT NULL REFERENCES good_practices(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    PRIMARY KEY (cell_id, good_practice_id)
) WITHOUT ROWID;
CREATE INDEX matrix_cell_practices_practice ON matrix_cell_practices(good_practice_id);
INSERT INTO matrix_cell_practices (cell_id, good_practice_id, position)
    SELECT c.id, g.id, ROW_NUMBER() OVER (PARTITION BY c.id ORDER BY g.created_at, g.id) - 1
    FROM matrix_cells c JOIN good_practices g ON g.owner_partner_id = c.partner_id
    JOIN good_practice_sub_themes l ON l.good_practice_id = g.id AND l.sub_theme_id = c.sub_theme_id;
ALTER TABLE matrix_cells DROP COLUMN noted;
DELETE FROM settings WHERE key LIKE 'upgrade\_note.%' ESCAPE '\';
