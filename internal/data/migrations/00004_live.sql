-- +goose Up
-- Participants of a live session: the hash of the token in their cookie and
-- the respondent row their votes go to, so that a restarted session still
-- knows them and one person stays one respondent.
CREATE TABLE live_participants (
    survey_id  TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, token_hash)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE live_participants;
