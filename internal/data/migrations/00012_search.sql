-- +goose Up
-- Search (Ctrl+K): every record a Lead Expert looks for, in one full-text
-- index that folds case and accents (unicode61 remove_diacritics 2:
-- "gdansk" finds Gdańsk, "iasi" Iași). The store keeps it current: the
-- triggers below copy each covered table's words into search_docs on
-- insert, update and delete, so edits, imports, deletes and trash restores
-- (which insert the rows back) all reach it. search_fts is an FTS5 index
-- over search_docs (external content); search_docs' own triggers keep the
-- two in step. See internal/data/search.go.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL, -- partner, practice, sub_theme, meeting, need, grid_row, action, section
    ref_id     TEXT NOT NULL, -- the record's id in its own table
    network_id TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content = 'search_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

-- +goose StatementBegin
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- +goose StatementEnd

-- The text answers of surveys (open-ended, word-cloud and Q&A questions),
-- one row per respondent and question. A survey may have 100,000
-- respondents: the store indexes them in bulk as it stores them (the
-- answers are encoded, so no trigger could pick the text questions out);
-- a respondent's delete takes its rows with it (trigger below). Surveys
-- in the trash are soft deleted and filtered out when searching.
CREATE TABLE search_answers (
    id        INTEGER PRIMARY KEY,
    survey_id TEXT NOT NULL,
    position  INTEGER NOT NULL, -- the respondent
    question  INTEGER NOT NULL, -- the question's position
    text      TEXT NOT NULL
);
CREATE INDEX search_answers_respondent ON search_answers(survey_id, position);
CREATE VIRTUAL TABLE search_answers_fts USING fts5(text, content = 'search_answers', content_rowid = 'id', detail = column, columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2');

-- +goose StatementBegin
CREATE TRIGGER search_answers_ai AFTER INSERT ON search_answers BEGIN
    INSERT INTO search_answers_fts (rowid, text) VALUES (new.id, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_answers_ad AFTER DELETE ON search_answers BEGIN
    INSERT INTO search_answers_fts (search_answers_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_respondents_ad AFTER DELETE ON survey_respondents BEGIN
    DELETE FROM search_answers WHERE survey_id = old.survey_id AND position = old.position;
END;
-- +goose StatementEnd

-- The answers already stored: split at the question separator (0x1E),
-- values of one answer (0x1F) joined by spaces.
INSERT INTO search_answers (survey_id, position, question, text)
WITH RECURSIVE split(survey_id, position, q, part, rest) AS (
    SELECT survey_id, position, -1, '', answers || char(30) FROM survey_respondents
    UNION ALL
    SELECT survey_id, position, q + 1, substr(rest, 1, instr(rest, char(30)) - 1), substr(rest, instr(rest, char(30)) + 1)
    FROM split WHERE rest <> ''
)
SELECT s.survey_id, s.position, s.q, replace(s.part, char(31), ' ')
FROM split s JOIN survey_questions sq ON sq.survey_id = s.survey_id AND sq.position = s.q
WHERE s.q >= 0 AND sq.kind IN ('open_ended', 'word_cloud', 'qa') AND trim(s.part) <> ''
ORDER BY s.survey_id, s.position, s.q;

-- +goose StatementBegin
CREATE TRIGGER search_partners_ai AFTER INSERT ON partners BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('partner', new.id, COALESCE(new.network_id, ''), new.name, new.country || ' ' || new.region || ' ' || new.ulg_coordinator || ' ' || new.demographic_profile || ' ' || new.economy_profile || ' ' || new.functional_urban_area || ' ' || new.participation_context || ' ' || new.participation_in_practice || ' ' || new.next_steps || ' ' || new.iap_focus || ' ' || new.testing_action);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_partners_au AFTER UPDATE OF name, country, region, ulg_coordinator, demographic_profile, economy_profile, functional_urban_area, participation_context, participation_in_practice, next_steps, iap_focus, testing_action ON partners BEGIN
    UPDATE search_docs SET title = new.name, body = new.country || ' ' || new.region || ' ' || new.ulg_coordinator || ' ' || new.demographic_profile || ' ' || new.economy_profile || ' ' || new.functional_urban_area || ' ' || new.participation_context || ' ' || new.participation_in_practice || ' ' || new.next_steps || ' ' || new.iap_focus || ' ' || new.testing_action WHERE kind = 'partner' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_partners_ad AFTER DELETE ON partners BEGIN
    DELETE FROM search_docs WHERE kind = 'partner' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'partner', x.id, COALESCE(x.network_id, ''), x.name, x.country || ' ' || x.region || ' ' || x.ulg_coordinator || ' ' || x.demographic_profile || ' ' || x.economy_profile || ' ' || x.functional_urban_area || ' ' || x.participation_context || ' ' || x.participation_in_practice || ' ' || x.next_steps || ' ' || x.iap_focus || ' ' || x.testing_action FROM partners x;

-- +goose StatementBegin
CREATE TRIGGER search_good_practices_ai AFTER INSERT ON good_practices BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('practice', new.id, COALESCE(new.network_id, ''), new.title, new.outside_city || ' ' || new.outside_country || ' ' || new.description);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_good_practices_au AFTER UPDATE OF title, outside_city, outside_country, description ON good_practices BEGIN
    UPDATE search_docs SET title = new.title, body = new.outside_city || ' ' || new.outside_country || ' ' || new.description WHERE kind = 'practice' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_good_practices_ad AFTER DELETE ON good_practices BEGIN
    DELETE FROM search_docs WHERE kind = 'practice' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'practice', x.id, COALESCE(x.network_id, ''), x.title, x.outside_city || ' ' || x.outside_country || ' ' || x.description FROM good_practices x;

-- +goose StatementBegin
CREATE TRIGGER search_sub_themes_ai AFTER INSERT ON sub_themes BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('sub_theme', new.id, COALESCE((SELECT network_id FROM themes WHERE id = new.theme_id), ''), trim(new.number || ' ' || new.title), '');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_sub_themes_au AFTER UPDATE OF number, title ON sub_themes BEGIN
    UPDATE search_docs SET title = trim(new.number || ' ' || new.title), body = '' WHERE kind = 'sub_theme' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_sub_themes_ad AFTER DELETE ON sub_themes BEGIN
    DELETE FROM search_docs WHERE kind = 'sub_theme' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'sub_theme', x.id, COALESCE((SELECT network_id FROM themes WHERE id = x.theme_id), ''), trim(x.number || ' ' || x.title), '' FROM sub_themes x;

-- +goose StatementBegin
CREATE TRIGGER search_meetings_ai AFTER INSERT ON meetings BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('meeting', new.id, COALESCE(new.network_id, ''), new.title, new.place || ' ' || new.description);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meetings_au AFTER UPDATE OF title, place, description ON meetings BEGIN
    UPDATE search_docs SET title = new.title, body = new.place || ' ' || new.description WHERE kind = 'meeting' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_meetings_ad AFTER DELETE ON meetings BEGIN
    DELETE FROM search_docs WHERE kind = 'meeting' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'meeting', x.id, COALESCE(x.network_id, ''), x.title, x.place || ' ' || x.description FROM meetings x;

-- +goose StatementBegin
CREATE TRIGGER search_learning_needs_ai AFTER INSERT ON learning_needs BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('need', new.id, COALESCE(new.network_id, ''), new.text, '');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_learning_needs_au AFTER UPDATE OF text ON learning_needs BEGIN
    UPDATE search_docs SET title = new.text, body = '' WHERE kind = 'need' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_learning_needs_ad AFTER DELETE ON learning_needs BEGIN
    DELETE FROM search_docs WHERE kind = 'need' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'need', x.id, COALESCE(x.network_id, ''), x.text, '' FROM learning_needs x;

-- +goose StatementBegin
CREATE TRIGGER search_grid_rows_ai AFTER INSERT ON grid_rows BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('grid_row', new.id, COALESCE((SELECT m.network_id FROM learning_grids g JOIN meetings m ON m.id = g.meeting_id WHERE g.id = new.grid_id), ''), new.learning, new.relevance_note || ' ' || new.action || ' ' || new.action_who || ' ' || new.review_comment);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_grid_rows_au AFTER UPDATE OF learning, relevance_note, action, action_who, review_comment ON grid_rows BEGIN
    UPDATE search_docs SET title = new.learning, body = new.relevance_note || ' ' || new.action || ' ' || new.action_who || ' ' || new.review_comment WHERE kind = 'grid_row' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_grid_rows_ad AFTER DELETE ON grid_rows BEGIN
    DELETE FROM search_docs WHERE kind = 'grid_row' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'grid_row', x.id, COALESCE((SELECT m.network_id FROM learning_grids g JOIN meetings m ON m.id = g.meeting_id WHERE g.id = x.grid_id), ''), x.learning, x.relevance_note || ' ' || x.action || ' ' || x.action_who || ' ' || x.review_comment FROM grid_rows x;

-- +goose StatementBegin
CREATE TRIGGER search_plan_actions_ai AFTER INSERT ON plan_actions BEGIN
    INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    VALUES ('action', new.id, COALESCE((SELECT network_id FROM partners WHERE id = new.partner_id), ''), new.title, new.description || ' ' || new.timing || ' ' || new.responsibility || ' ' || new.funding || ' ' || new.indicators || ' ' || new.risks);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_plan_actions_au AFTER UPDATE OF title, description, timing, responsibility, funding, indicators, risks ON plan_actions BEGIN
    UPDATE search_docs SET title = new.title, body = new.description || ' ' || new.timing || ' ' || new.responsibility || ' ' || new.funding || ' ' || new.indicators || ' ' || new.risks WHERE kind = 'action' AND ref_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER search_plan_actions_ad AFTER DELETE ON plan_actions BEGIN
    DELETE FROM search_docs WHERE kind = 'action' AND ref_id = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'action', x.id, COALESCE((SELECT network_id FROM partners WHERE id = x.partner_id), ''), x.title, x.description || ' ' || x.timing || ' ' || x.responsibility || ' ' || x.funding || ' ' || x.indicators || ' ' || x.risks FROM plan_actions x;

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

INSERT INTO search_docs (kind, ref_id, network_id, title, body)
    SELECT 'section', x.id, COALESCE((SELECT network_id FROM studies WHERE id = x.study_id), ''), x.title, x.body FROM study_sections x;

-- +goose Down
DROP TRIGGER search_partners_ai;
DROP TRIGGER search_partners_au;
DROP TRIGGER search_partners_ad;
DROP TRIGGER search_good_practices_ai;
DROP TRIGGER search_good_practices_au;
DROP TRIGGER search_good_practices_ad;
DROP TRIGGER search_sub_themes_ai;
DROP TRIGGER search_sub_themes_au;
DROP TRIGGER search_sub_themes_ad;
DROP TRIGGER search_meetings_ai;
DROP TRIGGER search_meetings_au;
DROP TRIGGER search_meetings_ad;
DROP TRIGGER search_learning_needs_ai;
DROP TRIGGER search_learning_needs_au;
DROP TRIGGER search_learning_needs_ad;
DROP TRIGGER search_grid_rows_ai;
DROP TRIGGER search_grid_rows_au;
DROP TRIGGER search_grid_rows_ad;
DROP TRIGGER search_plan_actions_ai;
DROP TRIGGER search_plan_actions_au;
DROP TRIGGER search_plan_actions_ad;
DROP TRIGGER search_study_sections_ai;
DROP TRIGGER search_study_sections_au;
DROP TRIGGER search_study_sections_ad;
DROP TRIGGER search_respondents_ad;
DROP TABLE search_answers_fts;
DROP TABLE search_answers;
DROP TABLE search_fts;
DROP TABLE search_docs;
