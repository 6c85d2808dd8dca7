package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// A hand-over file (.aoce) is an AoCE database of the same schema holding
// the rows of one network only — with its trash — plus the handoverTable
// naming what it is. Being a database, it is checked, upgraded and read
// with the store's own machinery; no second format to keep in step.
const (
	handoverTable = "aoce_handover"
	// HandoverFormat is the version of the hand-over layout (the header
	// table and what is left out); the schema has its own version.
	HandoverFormat = 1
)

// PrepareHandoverCopy, when set (by the sync engine, internal/sync), gives
// the copy at copyPath of the database at livePath — the file being
// exported — what a merge as a sync would needs of the network: the
// versions of the edits not synced yet. It writes only the copy.
var PrepareHandoverCopy func(ctx context.Context, livePath, copyPath, networkID string) error

// HandoverInfo is the header of a hand-over file.
type HandoverInfo struct {
	Format        int
	SchemaVersion int64
	NetworkID     string
	NetworkName   string
	ExportedAt    time.Time
	Laptop        string // the host name of the computer that wrote it
	AppVersion    string
	Counts        []KindCount // rows of each kind in the file, in a fixed order
}

// KindCount is how many rows of one table a hand-over file holds.
type KindCount struct {
	Table string
	N     int
}

// notHandedOver are tables a hand-over leaves out: the schema's own
// records, the laptop's settings, upgrade notes, and what the importing
// database's triggers rebuild from the rows (the search index, the
// respondents counted per partner).
var notHandedOver = map[string]bool{
	versionTable: true, handoverTable: true, "settings": true, "upgrade_counts": true, "search_docs": true,
	"survey_partner_respondents": true,
}

// handedOver tells whether rows of table travel in a hand-over file.
func handedOver(table string) bool {
	if notHandedOver[table] {
		return false
	}
	// Full-text tables and their shadows; the sync's state, which is this
	// laptop's (its id, what it applied, the versions it keeps).
	for _, p := range []string{"sqlite_", "search_fts", "search_answers_fts", "sync_"} {
		if strings.HasPrefix(table, p) {
			return false
		}
	}
	return true
}

// laptopLabel names this laptop in a hand-over's header: the name its user
// gave it for sync ("Anna's ThinkPad"), else the computer's host name.
func (s *Store) laptopLabel(ctx context.Context) (string, error) {
	var name string
	err := s.rd.QueryRowContext(ctx, `SELECT name FROM sync_laptop`).Scan(&name)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if name = strings.TrimSpace(name); name != "" {
		return name, nil
	}
	host, _ := os.Hostname() // only a label: an unnamed host stays unnamed
	return host, nil
}

// ExportNetwork writes the network networkID (with everything it holds and
// its trash) to out as a hand-over file. The copy is made from one
// snapshot (VACUUM INTO through the read pool) and the other networks'
// rows are deleted in the copy, never in the store; out is replaced only by
// a complete file.
func (s *Store) ExportNetwork(ctx context.Context, networkID, out, appVersion string) (HandoverInfo, error) {
	var info HandoverInfo
	if err := s.refuseLiveFile(out); err != nil {
		return info, err
	}
	n, err := s.Network(ctx, networkID)
	if err != nil {
		return info, err
	}
	host, err := s.laptopLabel(ctx)
	if err != nil {
		return info, err
	}
	err = atomicfile.WriteByName(out, func(tmp string) error {
		full := tmp + ".full"
		defer os.Remove(full)
		if _, err := s.rd.ExecContext(ctx, `VACUUM INTO ?`, full); err != nil {
			return fmt.Errorf("copying the database: %w", err)
		}
		db, err := sql.Open("sqlite", "file:"+full+"?_pragma=foreign_keys(1)")
		if err != nil {
			return err
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		steps := []string{
			`DELETE FROM networks WHERE id <> ?1`, // the other networks go, with all they hold (ON DELETE CASCADE)
			`DELETE FROM search_answers WHERE survey_id NOT IN (SELECT id FROM surveys)`,
			`DELETE FROM settings`,
			// The sync's records of the other networks (their values too);
			// this network's versions stay, for a merge as a sync would.
			`DELETE FROM sync_versions WHERE network_id <> ?1`,
			`DELETE FROM sync_conflicts WHERE network_id <> ?1`,
			`DELETE FROM sync_applied WHERE network_id <> ?1`,
			`DELETE FROM sync_networks WHERE network_id <> ?1`,
			`CREATE TABLE ` + handoverTable + ` (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		}
		for _, q := range steps {
			var args []any
			if strings.Contains(q, "?1") {
				args = []any{networkID}
			}
			if _, err := db.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("leaving only %s in the copy: %w", n.Name, err)
			}
		}
		if PrepareHandoverCopy != nil {
			if err := PrepareHandoverCopy(ctx, s.path, full, networkID); err != nil {
				return fmt.Errorf("recording this laptop's unsynced edits in the copy: %w", err)
			}
		}
		version, err := schemaVersionOf(ctx, db)
		if err != nil {
			return err
		}
		info = HandoverInfo{Format: HandoverFormat, SchemaVersion: version, NetworkID: n.ID, NetworkName: n.Name,
			ExportedAt: time.Now().UTC().Truncate(time.Second), Laptop: host, AppVersion: appVersion}
		for k, v := range info.header() {
			if _, err := db.ExecContext(ctx, `INSERT INTO `+handoverTable+` (key, value) VALUES (?, ?)`, k, v); err != nil {
				return err
			}
		}
		if info.Counts, err = countRows(ctx, db); err != nil {
			return err
		}
		// A second VACUUM INTO writes the file compact, without the pages
		// (and deleted text) of the other networks.
		_, err = db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
		return err
	})
	return info, err
}

func (h HandoverInfo) header() map[string]string {
	return map[string]string{
		"format": strconv.Itoa(h.Format), "schema_version": strconv.FormatInt(h.SchemaVersion, 10),
		"network_id": h.NetworkID, "network_name": h.NetworkName, "exported_at": h.ExportedAt.Format(time.RFC3339),
		"laptop": h.Laptop, "app_version": h.AppVersion,
	}
}

func schemaVersionOf(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int64, error) {
	var v int64
	err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version_id), 0) FROM `+versionTable+` WHERE is_applied`).Scan(&v)
	return v, err
}

// countRows counts the rows of every handed-over table that has any.
func countRows(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) ([]KindCount, error) {
	tables, err := queryStrings(ctx, db, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var out []KindCount
	for _, t := range tables {
		if !handedOver(t) {
			continue
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+quoteID(t)).Scan(&n); err != nil {
			return nil, fmt.Errorf("counting %s: %w", t, err)
		}
		if n > 0 {
			out = append(out, KindCount{t, n})
		}
	}
	return out, nil
}

func queryStrings(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, q string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// ErrNotHandover marks a file that is not a hand-over file.
var ErrNotHandover = errors.New("not an AoCE hand-over file")

// ReadHandover checks a hand-over file without changing it — every page
// and index, an AoCE database of a schema this version reads, the header
// and exactly one network — and returns its header and counts.
func ReadHandover(ctx context.Context, path string) (HandoverInfo, error) {
	var info HandoverInfo
	if err := CheckBackup(ctx, path); err != nil {
		return info, handoverRefused(path, err)
	}
	db, err := sql.Open("sqlite", probeDSN(path))
	if err != nil {
		return info, err
	}
	defer db.Close()
	hdr := map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT key, value FROM `+handoverTable)
	if err != nil {
		return info, &OpenError{Path: path, Problem: "is an AoCE database but not a hand-over file", Hint: "a whole database or backup is opened with File → Open database… or Restore from backup…", Err: ErrNotHandover}
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return info, err
		}
		hdr[k] = v
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return info, err
	}
	info.Format, _ = strconv.Atoi(hdr["format"])
	if info.Format < 1 || info.Format > HandoverFormat {
		return info, &OpenError{Path: path, Problem: fmt.Sprintf("is a hand-over file of format %q; this version reads format 1 to %d", hdr["format"], HandoverFormat), Hint: "update AoCE Desktop", Err: ErrNotHandover}
	}
	info.SchemaVersion, _ = strconv.ParseInt(hdr["schema_version"], 10, 64)
	info.NetworkID, info.NetworkName = hdr["network_id"], hdr["network_name"]
	info.ExportedAt, _ = time.Parse(time.RFC3339, hdr["exported_at"])
	info.Laptop, info.AppVersion = hdr["laptop"], hdr["app_version"]
	ids, err := queryStrings(ctx, db, `SELECT id FROM networks`)
	if err != nil {
		return info, err
	}
	if len(ids) != 1 || ids[0] != info.NetworkID {
		return info, &OpenError{Path: path, Problem: fmt.Sprintf("holds %d networks where its header names one (%s)", len(ids), info.NetworkID), Hint: "export the network again", Err: ErrNotHandover}
	}
	info.Counts, err = countRows(ctx, db)
	return info, err
}

// handoverRefused words CheckBackup's refusal for a hand-over file.
func handoverRefused(path string, err error) error {
	if errors.Is(err, ErrNotDatabase) {
		return &OpenError{Path: path, Problem: "is not an AoCE hand-over file", Hint: "choose a .aoce file written by 'aoce-desktop network export' or File → Export network…", Err: ErrNotHandover}
	}
	return err
}

// handoverDir is a private folder for the upgraded copy of a file being
// imported.
func handoverDir() (string, func(), error) {
	dir, err := os.MkdirTemp("", "aoce-import-*")
	if err != nil {
		return "", nil, err
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}

// copyForImport copies the checked hand-over file into dir and opens the
// copy as a store, which upgrades an older schema exactly as any database
// is upgraded; the file itself is never written.
func copyForImport(ctx context.Context, path, dir string) (*Store, error) {
	src, err := sql.Open("sqlite", probeDSN(path))
	if err != nil {
		return nil, err
	}
	defer src.Close()
	cp := filepath.Join(dir, "import.db")
	if _, err := src.ExecContext(ctx, `VACUUM INTO ?`, cp); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return Open(cp, Writer)
}

// HandoverCopy copies the checked hand-over file at path into dir, upgraded
// to this version's schema, and returns the copy's path: the sync engine
// merges from it.
func HandoverCopy(ctx context.Context, path, dir string) (string, error) {
	st, err := copyForImport(ctx, path, dir)
	if err != nil {
		return "", err
	}
	return st.Path(), st.Close()
}

// HandoverKinds are the kinds of record a hand-over's preview counts, as
// the Lead Expert names them (the file holds the tables in between too).
var HandoverKinds = []KindCount{
	{"partners", 0}, {"themes", 0}, {"sub_themes", 0}, {"good_practices", 0}, {"matrix_cells", 0},
	{"meetings", 0}, {"milestones", 0}, {"surveys", 0}, {"survey_questions", 0}, {"survey_respondents", 0},
	{"learning_needs", 0}, {"learning_grids", 0}, {"grid_rows", 0}, {"plan_actions", 0},
	{"studies", 0}, {"study_sections", 0}, {"study_snapshots", 0}, {"trash", 0},
}

// Count is how many rows of table the file holds.
func (h HandoverInfo) Count(table string) int {
	for _, k := range h.Counts {
		if k.Table == table {
			return k.N
		}
	}
	return 0
}

// kindWords name a table's records for people, one and many, where the
// table's name does not ("study_sections" is "study section"/"study sections").
var kindWords = map[string][2]string{
	"partners":           {"partner", "partners"},
	"themes":             {"theme", "themes"},
	"sub_themes":         {"sub-theme", "sub-themes"},
	"good_practices":     {"good practice", "good practices"},
	"matrix_cells":       {"matrix cell", "matrix cells"},
	"meetings":           {"meeting", "meetings"},
	"milestones":         {"milestone", "milestones"},
	"surveys":            {"survey", "surveys"},
	"survey_questions":   {"survey question", "survey questions"},
	"survey_respondents": {"survey answer (respondent)", "survey answers (respondents)"},
	"learning_needs":     {"learning need", "learning needs"},
	"learning_grids":     {"learning grid", "learning grids"},
	"grid_rows":          {"grid row", "grid rows"},
	"plan_actions":       {"action", "actions"},
	"studies":            {"study", "studies"},
	"study_sections":     {"study section", "study sections"},
	"study_snapshots":    {"study snapshot", "study snapshots"},
	"trash":              {"item in the trash", "items in the trash"},
}

// KindLabel names a table for people: "good_practices" → "good practices",
// "survey_respondents" → "survey answers (respondents)".
func KindLabel(table string) string {
	if w, ok := kindWords[table]; ok {
		return w[1]
	}
	return strings.ReplaceAll(table, "_", " ")
}

// CountWords is n records of table in words: "1 study", "2 studies".
func CountWords(table string, n int) string {
	if w, ok := kindWords[table]; ok {
		return text.Count(n, w[0], w[1])
	}
	return text.Count(n, KindLabel(table), KindLabel(table))
}

// Summary is "12 partners, 1 study, …" over HandoverKinds.
func (h HandoverInfo) Summary() string {
	var parts []string
	for _, k := range HandoverKinds {
		if n := h.Count(k.Table); n > 0 {
			parts = append(parts, CountWords(k.Table, n))
		}
	}
	return strings.Join(parts, ", ")
}

// From names the computer that wrote the file.
func (h HandoverInfo) From() string {
	if h.Laptop == "" {
		return "an unnamed computer"
	}
	return h.Laptop
}
