-- +goose Up
-- Surveys imported from files (or, later, run live). Answers are kept one
-- row per respondent; the counts that results show are kept up to date in
-- small aggregate tables as answers are stored, so results never scan answers.
CREATE TABLE surveys (
    id          TEXT PRIMARY KEY,
    network_id  TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    meeting_id  TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    title       TEXT NOT NULL CHECK (title <> ''),
    format      TEXT NOT NULL DEFAULT '',
    source_file TEXT NOT NULL DEFAULT '',
    source_hash TEXT NOT NULL DEFAULT '',
    respondents INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX surveys_network ON surveys(network_id, title);
CREATE INDEX surveys_hash ON surveys(network_id, source_hash);

CREATE TABLE survey_questions (
    id        TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('single_choice', 'multiple_choice', 'scales', 'word_cloud', 'open_ended',
                  'ranking', 'points', 'qa')),
    prompt    TEXT NOT NULL,
    scale_min INTEGER,
    scale_max INTEGER
);
CREATE INDEX survey_questions_survey ON survey_questions(survey_id, position);

-- Choices of a choice question, statements of a scales question, items of a ranking.
CREATE TABLE survey_options (
    question_id TEXT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    PRIMARY KEY (question_id, position)
) WITHOUT ROWID;

-- One row per respondent; answers holds the raw answer of each question in
-- question order (see internal/data/survey.go for the encoding).
CREATE TABLE survey_respondents (
    survey_id  TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    partner_id TEXT REFERENCES partners(id) ON DELETE SET NULL,
    session    TEXT NOT NULL DEFAULT '',
    submitted  TEXT NOT NULL DEFAULT '',
    answers    TEXT NOT NULL,
    PRIMARY KEY (survey_id, position)
) WITHOUT ROWID;

-- Aggregates per question, per partner ('' = everybody): how many answered,
-- how often each option (and, for scales, each value) was given, word counts.
CREATE TABLE survey_answered (
    question_id TEXT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    partner_key TEXT NOT NULL,
    answered    INTEGER NOT NULL,
    PRIMARY KEY (question_id, partner_key)
) WITHOUT ROWID;

CREATE TABLE survey_counts (
    question_id TEXT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    partner_key TEXT NOT NULL,
    option      INTEGER NOT NULL,
    value       INTEGER NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (question_id, partner_key, option, value)
) WITHOUT ROWID;

CREATE TABLE survey_words (
    question_id TEXT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    partner_key TEXT NOT NULL,
    word        TEXT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (question_id, partner_key, word)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE survey_words;
DROP TABLE survey_counts;
DROP TABLE survey_answered;
DROP TABLE survey_respondents;
DROP TABLE survey_options;
DROP TABLE survey_questions;
DROP TABLE surveys;
