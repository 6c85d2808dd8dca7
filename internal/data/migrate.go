package data

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations is the set of schema migrations; tests swap in a longer one.
var migrations = mustSub(migrationFiles, "migrations")

func migrationFS() fs.FS { return migrations }

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return sub
}

// LatestSchemaVersion is the newest schema this binary knows.
func LatestSchemaVersion() int64 {
	entries, err := fs.ReadDir(migrationFS(), ".")
	if err != nil {
		panic(err)
	}
	var latest int64
	for _, e := range entries {
		var v int64
		if _, err := fmt.Sscanf(e.Name(), "%d_", &v); err == nil && v > latest {
			latest = v
		}
	}
	return latest
}

func (s *Store) migrate(ctx context.Context) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, migrationFS(),
		goose.WithTableName(versionTable), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// takeUpgradeNotes reads and removes the notes migrations leave in
// settings under upgrade_note.* (what they changed in the data).
func (s *Store) takeUpgradeNotes(ctx context.Context) ([]string, error) {
	notes, err := queryList(ctx, s.db, func(r interface{ Scan(...any) error }) (string, error) {
		var v string
		return v, r.Scan(&v)
	}, `SELECT value FROM settings WHERE key LIKE 'upgrade\_note.%' ESCAPE '\' ORDER BY key`)
	if err != nil || len(notes) == 0 {
		return nil, err
	}
	_, err = s.db.ExecContext(ctx, `DELETE FROM settings WHERE key LIKE 'upgrade\_note.%' ESCAPE '\'`)
	return notes, err
}

// SchemaVersion reports the applied schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.rd.QueryRowContext(ctx, `SELECT COALESCE(MAX(version_id), 0) FROM `+versionTable+` WHERE is_applied`).Scan(&v)
	return v, err
}

// backupBeforeMigration writes a consistent copy of the file beside it,
// named after the schema version it holds, before the schema changes.
func (s *Store) backupBeforeMigration(ctx context.Context, version int64) (string, error) {
	stamp := time.Now().UTC().Format(backupStamp)
	out := fmt.Sprintf("%s%d-%s%s", migrationBackupPrefix(s.path), version, stamp, migrationBackupSuffix)
	if err := s.Backup(ctx, out); err != nil {
		return "", &OpenError{Path: s.path, Problem: "needs a schema upgrade, but the copy made before upgrading could not be written", Hint: "free some disk space or check the folder's permissions; the file was not changed", Err: err}
	}
	return out, nil
}

// The copies made before an upgrade are named PATH-without-.db, ".schema",
// the old version, "-", a UTC time stamp and ".bak".
const (
	backupStamp           = "20060102-150405"
	migrationBackupSuffix = ".bak"
)

func migrationBackupPrefix(dbPath string) string {
	return strings.TrimSuffix(dbPath, ".db") + ".schema"
}

// newestMigrationBackup is the latest copy made before an upgrade of the
// file at dbPath, by its time stamp; "" when there is none.
func newestMigrationBackup(dbPath string) string {
	prefix := filepath.Base(migrationBackupPrefix(dbPath))
	entries, err := os.ReadDir(filepath.Dir(dbPath))
	if err != nil {
		return ""
	}
	newest, newestStamp := "", ""
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		rest, bak := strings.CutSuffix(rest, migrationBackupSuffix)
		if !ok || !bak || e.IsDir() || len(rest) < len(backupStamp) {
			continue
		}
		stamp := rest[len(rest)-len(backupStamp):]
		if _, err := time.Parse(backupStamp, stamp); err == nil && stamp > newestStamp {
			newest, newestStamp = filepath.Join(filepath.Dir(dbPath), name), stamp
		}
	}
	return newest
}
