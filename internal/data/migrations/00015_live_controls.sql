-- +goose Up
-- What the presenter of a live session set (question shown, voting open,
-- locks, countdown, results on the screen and on the phones, Q&A, word
-- filter), as JSON the live package owns: a restarted session resumes it.
CREATE TABLE live_controls (
    survey_id  TEXT PRIMARY KEY REFERENCES surveys(id) ON DELETE CASCADE,
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Open answers the presenter hid from the screen and the phones; the
-- answers themselves stay in survey_respondents.
CREATE TABLE live_hidden_answers (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    question  INTEGER NOT NULL, -- the question's index in the survey
    position  INTEGER NOT NULL, -- the respondent
    PRIMARY KEY (survey_id, question, position)
) WITHOUT ROWID;

-- Questions the room asks in a live session's Q&A, and their upvotes.
CREATE TABLE live_qa (
    id         TEXT PRIMARY KEY,
    survey_id  TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL, -- who asked (the participant's token hash)
    text       TEXT NOT NULL,
    approved   INTEGER NOT NULL DEFAULT 0,
    answered   INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX live_qa_survey ON live_qa (survey_id, created_at);

CREATE TABLE live_qa_votes (
    qa_id      TEXT NOT NULL REFERENCES live_qa(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    PRIMARY KEY (qa_id, token_hash)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE live_qa_votes;
DROP TABLE live_qa;
DROP TABLE live_hidden_answers;
DROP TABLE live_controls;
