-- +goose Up
-- A deleted network goes to the trash whole: like a survey it is soft
-- deleted (networks.deleted_at set, hidden from every network query) and
-- its trash entry (kind 'network') points at it through network_id, so
-- that restoring it brings back everything it holds and purging the entry
-- deletes the network's rows for good.
ALTER TABLE networks ADD COLUMN deleted_at TEXT;

-- +goose Down
DELETE FROM networks WHERE deleted_at IS NOT NULL;
ALTER TABLE networks DROP COLUMN deleted_at;
