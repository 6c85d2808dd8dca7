package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// syncFlags are the flags of the sync commands.
type syncFlags struct {
	folder     string
	laptopName string
	all        bool
	keep, take bool   // sync resolve's choice
	value      string // sync resolve --value
	valueSet   bool
}

func syncCommands() []command {
	folder := func(fs *flag.FlagSet, c *cmdContext, usage string) {
		fs.StringVar(&c.sync.folder, "folder", "", usage)
	}
	return []command{
		{name: "sync", summary: "write this laptop's changes of a network into a shared folder (Syncthing, Nextcloud…) and merge the other laptops' (see the README)", run: runSync,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				folder(fs, c, "the shared folder (required)")
				fs.StringVar(&c.sync.laptopName, "laptop-name", "", "name this laptop for the others first (\"Anna's ThinkPad\")")
				fs.BoolVar(&c.json, "json", false, "print the report as JSON (the shape is documented in the README)")
			}},
		{name: "sync status", summary: "when the network last synced, how many files wait in the folder, how many conflicts", run: runSyncStatus,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				folder(fs, c, "the shared folder (default: the one the network last synced with)")
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
			}},
		{name: "sync conflicts", summary: "list the values that lost a merge (the kept one and the lost one, with laptops and times)", run: runSyncConflicts,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.sync.all, "all", false, "include the conflicts already reviewed")
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
			}},
		{name: "sync resolve", args: "ID", summary: "settle a conflict (ID from 'sync conflicts'): --keep the value kept, --take the lost one back, or --value V; the next sync gives it to every laptop", run: runSyncResolve,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.sync.keep, "keep", false, "keep the value every laptop holds now")
				fs.BoolVar(&c.sync.take, "take", false, "take the lost value back")
				fs.Func("value", "put this value in the field instead of both", func(v string) error {
					c.sync.value, c.sync.valueSet = v, true
					return nil
				})
			}},
		{name: "sync new-laptop-id", summary: "give this database a laptop id of its own (for a database file copied from another laptop)", run: runSyncNewLaptopID},
	}
}

// syncNetwork is the network a sync command works on: one of the
// database's, or — for a laptop joining — the id of a network that so far
// is only in the folder.
func (c *cmdContext) syncNetwork(s *data.Store) (id, name string, err error) {
	n, err := c.resolveNetwork(s)
	if err == nil {
		return n.ID, n.Name, nil
	}
	if c.sync.folder != "" && sync.InFolder(c.sync.folder, c.network) {
		return c.network, c.network, nil
	}
	return "", "", err
}

// openSync opens the store and finds the network a sync command works on.
// A folder given relative to the working directory is made absolute: the
// folder is stored for the window's automatic sync, which runs elsewhere.
func (c *cmdContext) openSync(mode data.Mode) (s *data.Store, id, name string, err error) {
	if c.sync.folder != "" {
		if c.sync.folder, err = filepath.Abs(c.sync.folder); err != nil {
			return nil, "", "", err
		}
	}
	if s, err = c.openStore(mode); err != nil {
		return nil, "", "", err
	}
	if id, name, err = c.syncNetwork(s); err != nil {
		s.Close()
		return nil, "", "", err
	}
	return s, id, name, nil
}

func runSync(c *cmdContext) error {
	if c.sync.folder == "" {
		return usageError{"sync needs --folder DIR, the folder shared with the other laptops"}
	}
	s, id, name, err := c.openSync(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	if c.sync.laptopName != "" {
		if err := sync.SetLaptopName(c.ctx, s, c.sync.laptopName); err != nil {
			return err
		}
	}
	r, err := sync.Now(c.ctx, s, c.sync.folder, id) // with the automatic backup before it
	if err != nil {
		return err
	}
	if c.json {
		if err := writeJSON(c, r); err != nil {
			return err
		}
	} else {
		if n, err := s.Network(c.ctx, id); err == nil {
			name = n.Name // a laptop joining knew the network by its id only
		}
		fmt.Fprintf(c.stdout, "Synced %s with the folder %s.\n", name, c.sync.folder)
		for _, d := range r.DeletedThere {
			fmt.Fprintf(c.stdout, "%s was deleted on %s while it was changed here: it is in the trash with the change made here ('aoce-desktop trash restore' brings it back).\n", strings.ToUpper(d.Label[:1])+d.Label[1:], d.By)
		}
		if r.Rejoined != "" {
			fmt.Fprintln(c.stdout, sync.RejoinedNote)
		}
		if r.Repaired > 0 {
			fmt.Fprintf(c.stdout, "Put back in the folder %s of this laptop, missing or damaged there.\n", text.Count(r.Repaired, "file", "files"))
		}
		if r.Written != "" {
			fmt.Fprintf(c.stdout, "Sent %s: %s\n", text.Count(r.Sent, "change", "changes"), r.Written)
		} else {
			fmt.Fprintln(c.stdout, "Nothing new to send from this laptop.")
		}
		fmt.Fprintf(c.stdout, "Merged %s of other laptops (%s); %s for an earlier file; %s to review.\n",
			text.Count(r.Files, "file", "files"), text.Count(r.Received, "change", "changes"), waitWords(r.Waiting), text.Count(r.Conflicts, "conflict", "conflicts"))
		for _, f := range r.Refused {
			fmt.Fprintf(c.stderr, "Refused %s: it %s\n", f.Path, f.Reason)
		}
	}
	if len(r.Refused) > 0 {
		return fmt.Errorf("%s refused (see above); the rest is merged", text.Count(len(r.Refused), "file", "files"))
	}
	return nil
}

// waitWords is how many files wait: "1 waits", "2 wait".
func waitWords(n int) string {
	if n == 1 {
		return "1 waits"
	}
	return fmt.Sprintf("%d wait", n)
}

func runSyncStatus(c *cmdContext) error {
	s, id, name, err := c.openSync(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := sync.StatusOf(s.Path(), id, c.sync.folder)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c, st)
	}
	last := st.LastSync
	if at, err := time.Parse(time.RFC3339, last); err == nil {
		last = at.Local().Format("2 Jan 2006 15:04:05") // (--json keeps RFC 3339 UTC)
	} else if last == "" {
		last = "never"
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Network\t%s\n", name)
	fmt.Fprintf(tw, "This laptop\t%s %s\n", st.LaptopName, st.Laptop)
	if len(st.Others) > 0 {
		fmt.Fprintf(tw, "Other laptops\t%s\n", strings.Join(st.Others, ", "))
	}
	fmt.Fprintf(tw, "Folder\t%s\n", st.Folder)
	fmt.Fprintf(tw, "Last sync\t%s\n", last)
	fmt.Fprintf(tw, "Changesets sent\t%d\n", st.LastSeq)
	fmt.Fprintf(tw, "Files waiting\t%d\n", st.Waiting)
	fmt.Fprintf(tw, "Conflicts\t%d\n", st.Conflicts)
	return tw.Flush()
}

func runSyncConflicts(c *cmdContext) error {
	s, id, name, err := c.openSync(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	cs, err := sync.Conflicts(s.Path(), id, c.sync.all)
	if err != nil {
		return err
	}
	st, err := sync.StatusOf(s.Path(), id, "")
	if err != nil {
		return err
	}
	ds, err := sync.Describe(s.Path(), st.Folder, id, cs) // the conflicts screen's words
	if err != nil {
		return err
	}
	if c.json {
		out := make([]conflictJSON, len(ds))
		for i, d := range ds {
			out[i] = conflictJSON{d.ID(), d.Conflict, d.Record(), d.Field, d.Settled}
		}
		return writeJSON(c, out)
	}
	if len(cs) == 0 {
		fmt.Fprintf(c.stdout, "No conflicts in %s.\n", name)
		return nil
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRecord\tField\tKept\tby\tLost\tby\tReviewed")
	for _, d := range ds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.ID(), d.Record(), d.Field,
			cliValue(d.Kept, d.Lost), d.KeptBy+", "+sync.When(d.KeptAt, d.LostAt), cliValue(d.Lost, d.Kept), d.LostBy+", "+sync.When(d.LostAt, d.KeptAt), d.Resolved)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var settled []string // the collisions the sync settled, in words
	for _, d := range ds {
		if d.Settled != "" {
			settled = append(settled, d.ID()+": "+d.Settled)
		}
	}
	if len(settled) > 0 {
		fmt.Fprintf(c.stdout, "\n%s\n", strings.Join(settled, "\n"))
	}
	return nil
}

// cliValue is a kept or lost value on one line of the table.
// cliValue is a value for the table, cut to 40 characters; when it starts
// as other (the conflict's other value) does, the part shown is where the
// two differ — two long texts cut to one prefix read alike.
func cliValue(v, other any) string {
	flat := func(v any) []rune { return []rune(strings.Join(strings.Fields(fmt.Sprint(v)), " ")) }
	r, o := flat(v), flat(other)
	if v == nil || len(r) == 0 {
		return "(empty)"
	}
	if len(r) <= 40 {
		return string(r)
	}
	i := 0
	for i < len(r) && i < len(o) && r[i] == o[i] {
		i++
	}
	if i < 30 {
		return string(r[:39]) + "…"
	}
	from := min(i-10, len(r)-38)
	if from+38 >= len(r) {
		return "…" + string(r[from:])
	}
	return "…" + string(r[from:from+37]) + "…"
}

// conflictJSON is a conflict as 'sync conflicts --json' prints it: with
// the id 'sync resolve' takes, and the record and the field in the words
// of the conflicts screen (table, rowId and column stay as they are).
type conflictJSON struct {
	ID string `json:"id"`
	sync.Conflict
	Record  string `json:"record"`            // "Partner Genk"
	Label   string `json:"label"`             // "Contact e-mail"
	Settled string `json:"settled,omitempty"` // what the sync did, when it settled a collision
}

func runSyncResolve(c *cmdContext) error {
	choices := 0
	for _, on := range []bool{c.sync.keep, c.sync.take, c.sync.valueSet} {
		if on {
			choices++
		}
	}
	if choices != 1 {
		return usageError{"sync resolve needs one of --keep, --take or --value V"}
	}
	s, id, name, err := c.openSync(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	cf, err := sync.ConflictByID(s.Path(), id, c.args[0])
	if err != nil {
		return err
	}
	if cf.Resolved != "" {
		return fmt.Errorf("conflict %s of %s was settled already (%s)", cf.ID(), name, cf.Resolved)
	}
	choice, value, said := sync.Keep, any(nil), fmt.Sprintf("kept %v", cf.Kept)
	switch {
	case c.sync.take:
		choice, said = sync.Take, fmt.Sprintf("took back %v", cf.Lost)
	case c.sync.valueSet:
		choice, value, said = sync.Edit, sync.TypedValue(c.sync.value, cf.Kept, cf.Lost), "set "+c.sync.value
	}
	st, err := sync.StatusOf(s.Path(), id, "")
	if err != nil {
		return err
	}
	ds, err := sync.Describe(s.Path(), st.Folder, id, []sync.Conflict{cf}) // named before Take or Edit may rename the record
	if err != nil {
		return err
	}
	if err := sync.Resolve(c.ctx, s, cf, choice, value); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Conflict %s (%s): %s.\n", cf.ID(), ds[0].Title(), said)
	return nil
}

func runSyncNewLaptopID(c *cmdContext) error {
	s, err := c.openStore(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := sync.NewLaptopID(c.ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "This database is now laptop %s.\n", id)
	return nil
}
