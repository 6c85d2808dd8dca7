-- +goose Up
-- Survey answers are indexed for search after the import, in batches of
-- their own (Store.IndexSurveyAnswers): 0 while a survey's stored
-- respondents wait for it, 1 once the last batch is in (set in that
-- batch's transaction). Surveys stored before this were indexed in the
-- import's transaction or by the search migration.
ALTER TABLE surveys ADD COLUMN answers_indexed INTEGER NOT NULL DEFAULT 1;

-- +goose Down
ALTER TABLE surveys DROP COLUMN answers_indexed;
