-- +goose Up
-- A survey imported from a Mentimeter workbook without its Voters sheet
-- holds the Session sheets' counts per question only: no respondent's
-- answers, so nothing links two answers of one person and no partner.
-- 1 says so, for the results, exports and screens to tell it.
ALTER TABLE surveys ADD COLUMN counts_only INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE surveys DROP COLUMN counts_only;
