-- +goose Up
-- What a partner wants to learn, typed in or taken from survey answers; the
-- learning chain (meetings, grids, action tables) builds on it.
CREATE TABLE learning_needs (
    id           TEXT PRIMARY KEY,
    network_id   TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    sub_theme_id TEXT REFERENCES sub_themes(id) ON DELETE SET NULL,
    text         TEXT NOT NULL CHECK (text <> ''),
    priority     INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
    source       TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'survey')),
    survey_id    TEXT REFERENCES surveys(id) ON DELETE SET NULL,
    question_id  TEXT REFERENCES survey_questions(id) ON DELETE SET NULL,
    respondents  TEXT NOT NULL DEFAULT '', -- the answers it came from: respondent numbers, "3,17"
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX learning_needs_partner ON learning_needs(partner_id, priority);
CREATE INDEX learning_needs_network ON learning_needs(network_id, sub_theme_id);
CREATE INDEX learning_needs_survey ON learning_needs(survey_id);
CREATE INDEX learning_needs_question ON learning_needs(question_id);

-- +goose Down
DROP TABLE learning_needs;
