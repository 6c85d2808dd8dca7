-- +goose Up
-- A participant becomes a respondent with the first vote, not on joining:
-- joining twice, or joining without voting, adds no empty answers.
CREATE TABLE live_participants_new (
    survey_id  TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    position   INTEGER, -- the respondent, once the participant has voted
    partner_id TEXT REFERENCES partners(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, token_hash)
) WITHOUT ROWID;
INSERT INTO live_participants_new (survey_id, token_hash, position, created_at)
    SELECT survey_id, token_hash, position, created_at FROM live_participants;
DROP TABLE live_participants;
ALTER TABLE live_participants_new RENAME TO live_participants;

-- +goose Down
CREATE TABLE live_participants_old (
    survey_id  TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, token_hash)
) WITHOUT ROWID;
INSERT INTO live_participants_old SELECT survey_id, token_hash, position, created_at FROM live_participants WHERE position IS NOT NULL;
DROP TABLE live_participants;
ALTER TABLE live_participants_old RENAME TO live_participants;
