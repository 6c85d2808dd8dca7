package data

import (
	"errors"
	"fmt"
)

// OpenError says why a database file cannot be used, and what to do.
type OpenError struct {
	Path    string
	Problem string // what is wrong, completing "The file PATH ..."
	Hint    string // what the user can do
	Err     error  // the underlying error, if any
}

func (e *OpenError) Error() string {
	msg := fmt.Sprintf("the database file %s %s", e.Path, e.Problem)
	if e.Err != nil && !errors.Is(e.Err, errNoDetail) {
		msg += " (" + e.Err.Error() + ")"
	}
	if e.Hint != "" {
		msg += ": " + e.Hint
	}
	return msg
}

func (e *OpenError) Unwrap() error { return e.Err }

// errNoDetail marks an OpenError whose cause adds nothing for the user.
var errNoDetail = errors.New("no detail")

// ErrLocked is wrapped by the OpenError returned when another AoCE Desktop
// process holds the file's writer lock.
var ErrLocked = errors.New("database in use by another AoCE Desktop")

// ErrNewerSchema is wrapped when the file was written by a newer version.
var ErrNewerSchema = errors.New("database schema is newer than this program")

// ErrNotDatabase is wrapped when the file is not an SQLite database, is
// corrupt, or is some other program's database.
var ErrNotDatabase = errors.New("not an AoCE Desktop database")

// ErrNotFound is returned when a record asked for by id or name does not exist.
var ErrNotFound = errors.New("not found")

// ErrConstraint wraps a change that would break a rule of the data
// (a duplicate name, a missing lead partner…); its message says which.
type ConstraintError struct{ Msg string }

func (e *ConstraintError) Error() string { return e.Msg }

func restoreHint(backup string) string {
	if backup == "" {
		return "the file was left as it was"
	}
	return "a copy from before the upgrade is at " + backup
}

// damagedHint tells the user of a corrupt file what to do: the file was
// not written to, and a backup copy is the way back.
func damagedHint(path string) string {
	hint := "AoCE Desktop did not change it. Put a backup copy in its place (keep the damaged file until the copy works): "
	if bak := newestMigrationBackup(path); bak != "" {
		return hint + "the newest copy the app made, before an upgrade, is " + bak + "; a newer copy of your own (made with 'aoce-desktop backup' or by your backup software) keeps more of your work"
	}
	return hint + "one made with 'aoce-desktop backup' or by your backup software"
}
