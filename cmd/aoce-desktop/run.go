package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// command is one sub-command of the command line.
type command struct {
	name    string // "partners list"
	args    string // synopsis of the positional arguments
	summary string
	run     func(c *cmdContext) error
	flags   func(fs *flag.FlagSet, c *cmdContext)
}

// cmdContext is what a running command gets: its parsed flags and streams.
type cmdContext struct {
	ctx      context.Context
	dbPath   string
	network  string // --network: id or name; "" for the only/first network
	json     bool
	out      string
	from     string
	dryRun   bool
	paste    bool
	title    string
	format   string
	partner  string
	meeting  string
	question int
	listen   string
	lang     string // --lang of survey run: the participant page's default language
	replace  bool
	keepBoth bool
	session  string
	// partnerColumn is 'survey import --partner-column': the heading taken as the partner.
	partnerColumn string
	preferForms   bool // 'partners import --prefer-forms'
	yes           bool
	encoding      tabular.Encoding
	sheet         string
	net           networkFlags
	kinds         []string // search --kind
	sync          syncFlags
	args          []string
	stdin         io.Reader
	stdout        io.Writer
	stderr        io.Writer
}

// usageError is a mistake in the command line itself (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func commands() []command {
	return append([]command{
		{name: "demo", summary: "create the demo network, Agents of Co-Existence (running it again changes nothing)", run: runDemo},
		{name: "partners list", summary: "list the network's partners", run: runPartnersList,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
			}},
		{name: "partners import", args: "FILE...", summary: "add or update partners from a CSV/XLSX file (or URBACT-style lines with --paste), or from returned profile forms (a field-by-field diff; --yes applies it)", run: runPartnersImport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.dryRun, "dry-run", false, "show what would change and change nothing")
				fs.BoolVar(&c.yes, "yes", false, "for profile forms: apply the changes the diff shows")
				fs.BoolVar(&c.preferForms, "prefer-forms", false, "for profile forms: also apply the forms' values to fields changed here since the forms were written (kept otherwise)")
				fs.BoolVar(&c.paste, "paste", false, "FILE (or - for standard input) holds lines like 'LEAD PARTNER : Braga - Portugal'")
				encodingFlag(fs, c)
				fs.StringVar(&c.sheet, "sheet", "", "the XLSX sheet to read (default: the first with a header row)")
			}},
		{name: "partners form", summary: "write one XLSX profile form per partner to fill in offline (import them back with 'partners import')", run: runPartnersForm,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the folder to write the forms to")
				fs.StringVar(&c.partner, "partner", "", "only this partner's form (its name)")
			}},
		{name: "matrix export", summary: "write the matrix of good practices and knowledge needs (.csv, .xlsx, .docx, .pdf or a 1920×1080 .png)", run: runMatrixExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format")
				paperFlag(fs)
			}},
		{name: "matrix import", args: "FILE", summary: "replace the matrix with a CSV in the shape 'matrix export' writes", run: runMatrixImport},
		{name: "survey import", args: "FILE", summary: "import survey answers (Mentimeter XLSX/CSV, Google Forms, Microsoft Forms, SurveyMonkey, generic) or a question template", run: runSurveyImport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.title, "title", "", "the survey's title (default: the file name)")
				fs.StringVar(&c.meeting, "meeting", "", "the meeting the survey belongs to (id or exact title)")
				fs.StringVar(&c.format, "format", "auto", "auto, generic, google, msforms or template (Mentimeter and SurveyMonkey are recognised by auto)")
				fs.BoolVar(&c.replace, "replace", false, "replace the survey imported from the same file before")
				fs.BoolVar(&c.keepBoth, "keep-both", false, "import a file imported before once more")
				fs.StringVar(&c.session, "session", "all", "Mentimeter: import one session (its number), all of them merged, or each as its own survey (each)")
				fs.BoolVar(&c.dryRun, "dry-run", false, "show how the file would be imported (kinds and why, sessions, reactions, disagreeing sheets, the partner column) and store nothing")
				fs.StringVar(&c.sheet, "sheet", "", "the XLSX sheet holding the answers (default: Mentimeter's Voters, or the first visible sheet)")
				fs.StringVar(&c.partnerColumn, "partner-column", "", "the heading of the column naming each respondent's partner (city), when the guess is wrong")
				encodingFlag(fs, c)
			}},
		{name: "survey list", summary: "list the surveys", run: runSurveyList,
			flags: func(fs *flag.FlagSet, c *cmdContext) { fs.BoolVar(&c.json, "json", false, "print JSON") }},
		{name: "survey results", args: "SURVEY", summary: "counts, means and top words per question (SURVEY = id or exact title)", run: runSurveyResults,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
				fs.StringVar(&c.partner, "partner", "", "only the respondents of this partner")
			}},
		{name: "survey export", args: "SURVEY", summary: "one row per respondent (.csv), summary, chart data and answers (.xlsx), a report with a chart per question (.pdf; as tables: .docx) or one question's chart (.png)", run: runSurveyExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format: .csv, .xlsx, .docx, .pdf or .png")
				fs.IntVar(&c.question, "question", 1, "for .png: the question's number")
				fs.StringVar(&c.partner, "partner", "", "for .docx, .pdf and .png: only the respondents of this partner")
				paperFlag(fs)
			}},
		{name: "survey link", args: "SURVEY", summary: "link a survey to the meeting it was held at, so that the meeting's deck shows its results", run: runSurveyLink,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.meeting, "meeting", "", "the meeting's id or exact title")
			}},
		{name: "survey run", args: "SURVEY", summary: "run a survey live without the window: prints the join address and code, reads next/prev/open/close/results/status/end on standard input", run: runSurveyRun,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.listen, "listen", "", "the address to serve participants on, e.g. 192.168.1.20:8765 or 127.0.0.1:0 (default: this laptop's LAN address, port "+live.DefaultPort+")")
				fs.StringVar(&c.lang, "lang", "en", "the participant page's language when a phone's own is not offered: en, nl, pl, lv, hu, sk, ro, es or da")
			}},
		{name: "grid export", args: "MEETING", summary: "write a meeting's learning grids, every partner's, and the review of earlier actions held at it, as .xlsx, .docx or .pdf (MEETING = id or exact title)", run: runGridExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format")
				paperFlag(fs)
			}},
		{name: "grid follow-up", args: "MEETING", summary: "write a meeting's follow-up for the minutes — the earlier actions reviewed at it, the actions agreed at it and how they went since — as .docx, .pdf, .html or .md", run: runGridFollowUp,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format")
				paperFlag(fs)
			}},
		{name: "deck export", args: "MEETING", summary: "write a meeting's deck — title, the matrix theme by theme, the results of the surveys linked to it, each partner's learning grid, the review of earlier actions, the roadmap ahead — as .pptx (title, review and notes as editable text, the grids as editable tables; the matrix, results and roadmap as pictures) or .pdf", run: runDeckExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format")
				paperFlag(fs)
			}},
		{name: "actions export", summary: "write the partners' action tables (testing and plan actions) as .xlsx, .docx or .pdf", run: runActionsExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format")
				fs.StringVar(&c.partner, "partner", "", "only this partner's action table (its name)")
				paperFlag(fs)
			}},
		{name: "study export", summary: "write the Baseline Study as .docx (Word headings, contents field), .pdf (A4, numbered, with its index), .html or .md", run: runStudyExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the file to write; its extension picks the format")
				fs.StringVar(&c.title, "title", "", "the study's title or id, when the network has more than one")
				paperFlag(fs)
			}},
		{name: "backup", summary: "write a consistent copy of the database (works while the app is open)", run: runBackup,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the copy's path; an existing backup there is replaced only once the new copy is complete (never the database itself)")
			}},
		{name: "restore", summary: "put a backup in the place of the database, keeping the replaced one beside it (not while the app has it open)", run: runRestore,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.from, "from", "", "the backup to restore; it is checked whole before anything changes")
			}},
		{name: "trash list", summary: "list what was deleted in the last 30 days, newest first", run: runTrashList,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
			}},
		{name: "trash restore", args: "ID", summary: "bring back what a delete took (ID from 'trash list')", run: runTrashRestore},
		{name: "trash empty", summary: "delete the network's trash for good", run: runTrashEmpty},
		{name: "search", args: "QUERY", summary: "search the network as Ctrl+K does: partners, practices, sub-themes, meetings, needs, grid rows, actions, study sections, survey answers", run: runSearch,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.Func("kind", "only hits of this kind (repeatable): "+strings.Join(data.SearchKinds, ", "), func(v string) error {
					c.kinds = append(c.kinds, v)
					return nil
				})
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
			}},
		{name: "check", summary: "run integrity and foreign-key checks; exit 1 on problems", run: runCheck},
	}, slices.Concat(networkCommands(), handoverCommands(), syncCommands())...)
}

// run is main without os.Exit, for tests: it returns the exit code.
// isVersion says whether args ask for the version alone.
func isVersion(args []string) bool {
	return len(args) == 1 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version")
}

// opensWindow says whether args start the window (no command, only the
// window's flags) rather than a command.
func opensWindow(args []string) bool {
	args = commandFirst(args)
	return !isVersion(args) && (len(args) == 0 || strings.HasPrefix(args[0], "-") && !isHelp(args[0]))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	args = commandFirst(args)
	if isVersion(args) {
		printVersion(stdout)
		return 0
	}
	if opensWindow(args) {
		return runGUI(args, stderr)
	}
	if isHelp(args[0]) || args[0] == "help" {
		printUsage(stdout)
		return 0
	}
	cmd, rest, ok := findCommand(args)
	if group := groupCommands(args[0]); !ok && len(group) > 0 {
		if len(args) == 1 || isHelp(args[1]) || args[1] == "help" {
			printGroupUsage(stdout, group)
			return 0
		}
		fmt.Fprintf(stderr, "aoce-desktop: unknown command %q\n\n", strings.Join(args, " "))
		printGroupUsage(stderr, group)
		return 2
	}
	if !ok {
		fmt.Fprintf(stderr, "aoce-desktop: unknown command %q\n\n", strings.Join(args, " "))
		printUsage(stderr)
		return 2
	}
	c := &cmdContext{ctx: context.Background(), stdin: stdin, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("aoce-desktop "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.dbPath, "db", defaultDBPath(), "database file (also set by AOCE_DB)")
	fs.StringVar(&c.network, "network", "", "network id or name (default: the only network, or the first by name)")
	if cmd.flags != nil {
		cmd.flags(fs, c)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: aoce-desktop %s [flags] %s\n\n%s\n\nflags:\n", cmd.name, cmd.args, cmd.summary)
		fs.PrintDefaults()
		if group := groupCommands(cmd.name); !strings.Contains(cmd.name, " ") && len(group) > 1 { // a command that is a group too (sync)
			fmt.Fprintln(fs.Output(), "\ncommands:")
			printCommands(fs.Output(), group)
		}
	}
	if err := fs.Parse(interleaved(rest)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	c.args = fs.Args()
	if strings.TrimSpace(c.dbPath) == "" {
		fmt.Fprintf(stderr, "aoce-desktop %s: --db needs a file path\n", cmd.name)
		return 2
	}
	want, optional := len(strings.Fields(cmd.args)), strings.Count(cmd.args, "[")
	if len(c.args) != want && !(strings.HasSuffix(cmd.args, "...") && len(c.args) > want) && // FILE... takes one or more
		!(len(c.args) >= want-optional && len(c.args) < want) { // [NEW] may be left out
		fmt.Fprintf(stderr, "aoce-desktop %s: expected %d argument(s) (%s), got %d\n", cmd.name, want, cmd.args, len(c.args))
		fs.Usage()
		return 2
	}
	if err := cmd.run(c); err != nil {
		var ue usageError
		fmt.Fprintf(stderr, "aoce-desktop %s: %v\n", cmd.name, err)
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// commandFirst moves flags given before the command behind it, so that
// "aoce-desktop --db X partners list" runs the command, not the window.
func commandFirst(args []string) []string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			if i == 0 {
				return args
			}
			return append(append([]string(nil), args[i:]...), args[:i]...)
		}
		if !strings.Contains(a, "=") && takesValue(a) {
			i++
		}
	}
	return args
}

func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

// findCommand matches the longest command name at the start of args.
func findCommand(args []string) (command, []string, bool) {
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return len(cmds[i].name) > len(cmds[j].name) })
	for _, c := range cmds {
		words := strings.Fields(c.name)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == c.name {
			return c, args[len(words):], true
		}
	}
	return command{}, nil, false
}

// interleaved moves flags before positional arguments, so that both
// "import FILE --db X" and "import --db X FILE" work.
func interleaved(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}

// encodingFlag is --encoding, for a CSV whose encoding detection gets wrong.
func encodingFlag(fs *flag.FlagSet, c *cmdContext) {
	fs.Func("encoding", "the file's encoding when detection guesses wrong: utf-8, utf-16, windows-1250, windows-1252", func(v string) error {
		e, ok := tabular.ParseEncoding(v)
		if !ok {
			return fmt.Errorf("unknown encoding %q", v)
		}
		c.encoding = e
		return nil
	})
}

// takesValue tells whether a flag of any command reads the next argument
// as its value (every flag but the booleans), asking the flag sets
// themselves so that a new flag needs no second list.
func takesValue(flagArg string) bool {
	name := strings.TrimLeft(flagArg, "-")
	if name == "db" || name == "network" {
		return true
	}
	for _, cmd := range commands() {
		if cmd.flags == nil {
			continue
		}
		fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
		cmd.flags(fs, &cmdContext{})
		if f := fs.Lookup(name); f != nil {
			b, isBool := f.Value.(interface{ IsBoolFlag() bool })
			return !isBool || !b.IsBoolFlag()
		}
	}
	return false
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "AoCE Desktop — the Lead Expert's workbench for an URBACT network.")
	fmt.Fprintln(w, "\nusage:\n  aoce-desktop [--db FILE]            open the window")
	fmt.Fprintln(w, "  aoce-desktop --version              print the version and the commit it was built from")
	printCommands(w, commands())
	fmt.Fprintln(w, "\nEvery command takes --db FILE (or the AOCE_DB variable) and --help.")
}

// openStore opens the database for a command; writers create its folder.
func (c *cmdContext) openStore(mode data.Mode) (*data.Store, error) {
	if mode == data.Writer {
		if err := ensureDir(c.dbPath); err != nil {
			return nil, err
		}
	}
	s, err := data.Open(c.dbPath, mode)
	if err == nil && s.BackupPath != "" {
		fmt.Fprintf(c.stderr, "aoce-desktop: upgraded %s to this version's schema; a copy from before is at %s\n", c.dbPath, s.BackupPath)
	}
	if err == nil {
		for _, n := range s.UpgradeNotes {
			fmt.Fprintf(c.stderr, "aoce-desktop: %s\n", n)
		}
	}
	return s, err
}

// openNetwork opens the store and finds the network the command works on.
func (c *cmdContext) openNetwork(mode data.Mode) (*data.Store, data.Network, error) {
	s, err := c.openStore(mode)
	if err != nil {
		return nil, data.Network{}, err
	}
	n, err := c.resolveNetwork(s)
	if err != nil {
		s.Close()
		return nil, data.Network{}, err
	}
	return s, n, nil
}

// resolveNetwork finds the network named by --network, or the only one.
func (c *cmdContext) resolveNetwork(s *data.Store) (data.Network, error) {
	if c.network != "" {
		if n, err := s.Network(c.ctx, c.network); err == nil {
			return n, nil
		}
		n, err := s.NetworkByName(c.ctx, c.network)
		if errors.Is(err, data.ErrNotFound) {
			return n, unknownNetwork(c, s)
		}
		return n, err
	}
	ns, err := s.Networks(c.ctx)
	if err != nil {
		return data.Network{}, err
	}
	if len(ns) == 0 {
		return data.Network{}, fmt.Errorf("%s holds no network yet: create one with 'aoce-desktop network create --name NAME', run 'aoce-desktop demo', or create one in the app", s.Path())
	}
	return ns[0], nil
}
