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

// Check runs SQLite's integrity and foreign-key checks and returns what they
// found. A check that could not run to its end is an error, never "no
// problems" (a foreign-key check stopped by damage the integrity check
// found is reported as a problem beside that damage).
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	integrity, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (string, error) {
		var msg string
		err := r.Scan(&msg)
		return msg, err
	}, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	var problems []Problem
	for _, msg := range integrity {
		if msg != "ok" {
			problems = append(problems, Problem{Kind: "integrity", Detail: msg})
		}
	}
	fks, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Problem, error) {
		var table, parent string
		var rowid, fkid any
		err := r.Scan(&table, &rowid, &parent, &fkid)
		return Problem{Kind: "foreign key", Detail: fmt.Sprintf("row %v of %s points to a missing %s", rowid, table, parent)}, err
	}, `PRAGMA foreign_key_check`)
	if err != nil && len(problems) > 0 {
		// a file damaged enough to stop the second check: report the first's findings
		return append(problems, Problem{Kind: "foreign key", Detail: "could not be checked in the damaged file: " + err.Error()}), nil
	}
	if err != nil {
		return nil, fmt.Errorf("foreign-key check: %w", err)
	}
	return append(problems, fks...), nil
}
