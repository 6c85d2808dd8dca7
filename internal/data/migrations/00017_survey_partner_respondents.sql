-- +goose Up
-- How many respondents of each survey each partner accounts for ('' = no
-- partner), kept by triggers so that every way respondents are added,
-- removed or re-linked (imports, live votes, a partner's delete and its
-- restore) keeps it exact, and results read it without scanning answers.
CREATE TABLE survey_partner_respondents (
    survey_id   TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    partner_key TEXT NOT NULL,
    respondents INTEGER NOT NULL,
    PRIMARY KEY (survey_id, partner_key)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER survey_partner_respondents_ai AFTER INSERT ON survey_respondents BEGIN
    INSERT INTO survey_partner_respondents (survey_id, partner_key, respondents) VALUES (new.survey_id, COALESCE(new.partner_id, ''), 1)
    ON CONFLICT (survey_id, partner_key) DO UPDATE SET respondents = respondents + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER survey_partner_respondents_ad AFTER DELETE ON survey_respondents BEGIN
    UPDATE survey_partner_respondents SET respondents = respondents - 1
    WHERE survey_id = old.survey_id AND partner_key = COALESCE(old.partner_id, '');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER survey_partner_respondents_au AFTER UPDATE OF partner_id ON survey_respondents
WHEN COALESCE(old.partner_id, '') <> COALESCE(new.partner_id, '') BEGIN
    UPDATE survey_partner_respondents SET respondents = respondents - 1
    WHERE survey_id = old.survey_id AND partner_key = COALESCE(old.partner_id, '');
    INSERT INTO survey_partner_respondents (survey_id, partner_key, respondents) VALUES (new.survey_id, COALESCE(new.partner_id, ''), 1)
    ON CONFLICT (survey_id, partner_key) DO UPDATE SET respondents = respondents + 1;
END;
-- +goose StatementEnd

INSERT INTO survey_partner_respondents (survey_id, partner_key, respondents)
SELECT survey_id, COALESCE(partner_id, ''), COUNT(*) FROM survey_respondents GROUP BY survey_id, COALESCE(partner_id, '');

-- +goose Down
DROP TRIGGER survey_partner_respondents_au;
DROP TRIGGER survey_partner_respondents_ad;
DROP TRIGGER survey_partner_respondents_ai;
DROP TABLE survey_partner_respondents;
