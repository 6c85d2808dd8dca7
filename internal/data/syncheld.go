package data

import (
	"context"
	"errors"
)

// HoldWriter runs fn while holding the store's one writer connection, idle,
// so that no write of the store can start until fn returns. fn may then
// write the file through a connection of its own — the sync engine does,
// because SQLite's session extension lives on a connection the store's
// driver does not expose — and stays the file's only writer meanwhile.
// Reads go on as usual. A store opened read-only refuses.
func (s *Store) HoldWriter(ctx context.Context, fn func(path string) error) error {
	if s.lock == nil {
		return errors.New("the database is open read-only: syncing needs it open for writing")
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(s.path)
}
