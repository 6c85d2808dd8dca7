package data

import (
	"context"
	"fmt"
)

// Problem is one finding of Check.
type Problem struct {
	Kind   string // "integrity" or "foreign key"
	Detail string
}

// Check runs SQLite's integrity and foreign-key checks and returns what they found.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	var problems []Problem
	rows, err := s.rd.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, err
		}
		if msg != "ok" {
			problems = append(problems, Problem{Kind: "integrity", Detail: msg})
		}
	}
	rows.Close()
	fk, err := s.rd.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid, fkid any
		if err := fk.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		problems = append(problems, Problem{Kind: "foreign key", Detail: fmt.Sprintf("row %v of %s points to a missing %s", rowid, table, parent)})
	}
	return problems, fk.Err()
}
