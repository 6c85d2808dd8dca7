package sync

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"zombiezen.com/go/sqlite"
)

// Described is a conflict in the words of the screens: the kind of record
// and its name ("Partner", "Genk"), the field ("Population", FieldLabel)
// and the laptops by their names.
type Described struct {
	Conflict
	Kind, Name, Field  string
	KeptBy, LostBy     string // laptop names; "this laptop" for this one
	LostHere, KeptHere bool   // the version was written on this laptop
	// Settled says what happened when the kept value is one the sync gave
	// to settle a collision ("Two partners named “Genk” were made at
	// once: one on Anna's laptop, one on this laptop…"); "" otherwise.
	Settled string
}

// kinds names each table's records and how to read a record's name
// (an SQL expression on the row, "" for records that have none).
var kinds = map[string]struct{ kind, name string }{
	"networks":         {"Network", "name"},
	"partners":         {"Partner", "name"},
	"themes":           {"Theme", "trim(number || ' ' || title)"},
	"sub_themes":       {"Sub-theme", "trim(number || ' ' || title)"},
	"good_practices":   {"Good practice", "title"},
	"matrix_cells":     {"Matrix cell", "(SELECT p.name FROM partners p WHERE p.id = x.partner_id) || ' × ' || (SELECT trim(s.number || ' ' || s.title) FROM sub_themes s WHERE s.id = x.sub_theme_id)"},
	"meetings":         {"Meeting", "title"},
	"surveys":          {"Survey", "title"},
	"survey_questions": {"Survey question", "prompt"},
	"learning_needs":   {"Learning need", "text"},
	"learning_grids":   {"Learning grid", "(SELECT m.title FROM meetings m WHERE m.id = x.meeting_id) || ' · ' || (SELECT p.name FROM partners p WHERE p.id = x.partner_id)"},
	"grid_rows":        {"Learning grid row", "learning"},
	"plan_actions":     {"Action", "title"},
	"milestones":       {"Milestone", "title"},
	"studies":          {"Baseline study", "title"},
	"study_sections":   {"Study section", "title"},
	"study_snapshots":  {"Study snapshot", "name"},
	"trash":            {"Trash entry", "label"},
}

// Describe puts a network's conflicts into words, reading the records'
// names from the database at path (read-only) and the other laptops'
// names from the folder (or as the last sync remembered them).
func Describe(path, folder, network string, cs []Conflict) ([]Described, error) {
	c, err := readOnly(path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	me, laptop, err := namer(c, folder, network)
	if err != nil {
		return nil, err
	}
	out := make([]Described, 0, len(cs))
	for _, cf := range cs {
		d := Described{Conflict: cf, Kind: cf.Table, Field: FieldLabel(cf.Table, cf.Column),
			KeptBy: laptop(cf.KeptLaptop), LostBy: laptop(cf.LostLaptop), KeptHere: cf.KeptLaptop == me.ID, LostHere: cf.LostLaptop == me.ID}
		if k, ok := kinds[cf.Table]; ok {
			d.Kind = k.kind
			if err := each(c, `SELECT `+k.name+` FROM `+quoteID(cf.Table)+` x WHERE x.id = ?`, func(s *sqlite.Stmt) error {
				d.Name = s.ColumnText(0)
				return nil
			}, cf.RowID); err != nil {
				return nil, err
			}
		}
		if d.Settled, err = settledWords(c, cf, d, laptop); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Record is the record in words: "Partner Genk" (the kind alone for a
// record without a name).
func (d Described) Record() string { return strings.TrimSpace(d.Kind + " " + d.Name) }

// Title names the field in words: "Partner Genk — Contact e-mail".
func (d Described) Title() string { return d.Record() + " — " + d.Field }

// LaptopName names a laptop of the network for a message: its name from
// the folder's headers or as remembered, "this laptop" for this one.
func LaptopName(path, folder, network, id string) (string, error) {
	c, err := readOnly(path)
	if err != nil {
		return "", err
	}
	defer c.Close()
	_, laptop, err := namer(c, folder, network)
	if err != nil {
		return "", err
	}
	return laptop(id), nil
}

// When is the time a version was written, for a list: the minute, with
// its seconds when other (the other version's time) is in the same minute
// — two laptops' edits a few seconds apart must not read alike.
func When(at, other time.Time) string {
	at, other = at.Local(), other.Local()
	if at.Truncate(time.Minute).Equal(other.Truncate(time.Minute)) {
		return at.Format("2006-01-02 15:04:05")
	}
	return at.Format("2006-01-02 15:04")
}

// laptopNameKey is the setting that remembers another laptop's name, for
// when the folder no longer says it (another folder, a laptop gone).
const laptopNameKey = "sync.laptop-name."

// rememberNames keeps, in the database at path, the names the folder gives
// the other laptops of a network; each sync calls it.
func rememberNames(path, folder, network string) error {
	names := laptopNames(folder, network)
	if len(names) == 0 {
		return nil
	}
	c, err := openConn(path)
	if err != nil {
		return err
	}
	defer c.Close()
	for id, name := range names {
		if err := exec(c, `INSERT INTO settings (key, value) VALUES (?1, ?2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`, laptopNameKey+id, name); err != nil {
			return err
		}
	}
	return nil
}

// namer names laptops in words: "this laptop", the name a laptop gave
// itself (from the folder, else as remembered), or the start of its id.
// It returns this laptop too.
func namer(c *sqlite.Conn, folder, network string) (laptop, func(id string) string, error) {
	me, err := readLaptop(c, "main")
	if err != nil {
		return me, nil, err
	}
	names := laptopNames(folder, network)
	err = each(c, `SELECT substr(key, ?1), value FROM settings WHERE substr(key, 1, ?2) = ?3`, func(s *sqlite.Stmt) error {
		if id := s.ColumnText(0); names[id] == "" {
			names[id] = s.ColumnText(1)
		}
		return nil
	}, len(laptopNameKey)+1, len(laptopNameKey), laptopNameKey)
	if err != nil {
		return me, nil, err
	}
	name := func(id string) string {
		switch {
		case strings.HasSuffix(id, uniqueSuffix): // a value the sync gave to settle a collision (unique.go): Described.Settled says which
			return "the sync"
		case id == me.ID:
			return "this laptop"
		case names[id] != "":
			return names[id]
		case len(id) > 8:
			return "laptop " + id[:8]
		}
		return "laptop " + id
	}
	return me, name, nil
}

// laptopNames are the names the other laptops gave themselves: each one's
// state file says it (compact.go), else the header of its newest file. A
// folder that is not there, or a file that cannot be read, names nobody.
func laptopNames(folder, network string) map[string]string {
	names := map[string]string{}
	if folder == "" {
		return names
	}
	dirs, err := os.ReadDir(filepath.Join(folder, network))
	if err != nil {
		return names
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		if st, ok, err := readState(folder, network, d.Name()); err == nil && ok && st.Name != "" {
			names[d.Name()] = st.Name
			continue
		}
		files, err := os.ReadDir(filepath.Join(folder, network, d.Name()))
		if err != nil {
			continue
		}
		var seqs []string
		for _, f := range files {
			if _, ok := seqOf(f.Name()); ok {
				seqs = append(seqs, f.Name())
			}
		}
		if len(seqs) == 0 {
			continue
		}
		if h, ok := readHeader(filepath.Join(folder, network, d.Name(), slices.Max(seqs))); ok && h.LaptopName != "" {
			names[d.Name()] = h.LaptopName
		}
	}
	return names
}

// readHeader reads only the header of a changeset file.
func readHeader(path string) (header, bool) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, false
	}
	defer f.Close()
	h, _, err := headerFrom(bufio.NewReader(f))
	return h, err == nil
}
