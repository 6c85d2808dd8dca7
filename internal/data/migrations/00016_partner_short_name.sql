-- +goose Up
-- A partner's short name is what slides show in a narrow column when the
-- full name does not fit there (with a legend "short = full name").
ALTER TABLE partners ADD COLUMN short_name TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE partners DROP COLUMN short_name;
