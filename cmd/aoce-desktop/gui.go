package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/aoce-desktop/aoce-desktop/assets"
	"github.com/aoce-desktop/aoce-desktop/internal/about"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
	"github.com/aoce-desktop/aoce-desktop/internal/ui"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// The PNG slides are drawn by the window's toolkit; the headless exports
// get the renderer from here (matrixcmd.go's slides).
func init() {
	slides = ui.Slides()
}

func runGUI(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("aoce-desktop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", defaultDBPath(), "database file (also set by AOCE_DB)")
	demoIfEmpty := fs.Bool("demo-if-empty", false, "create the demo network first when the database holds no network")
	network := fs.String("network", "", "the network to open, by id or name (default: the one open when the app last closed)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "aoce-desktop: unknown command %q (see aoce-desktop --help)\n", strings.Join(fs.Args(), " "))
		return 2
	}
	if strings.TrimSpace(*dbPath) == "" {
		fmt.Fprintln(stderr, "aoce-desktop: --db needs a file path")
		return 2
	}
	if err := ensureDir(*dbPath); err != nil {
		fmt.Fprintln(stderr, "aoce-desktop:", err)
		return 1
	}
	if *demoIfEmpty {
		if err := loadDemoIfEmpty(*dbPath); err != nil {
			fmt.Fprintln(stderr, "aoce-desktop:", err) // the window shows the same problem
		}
	}
	shell.SetDefaultDatabase(filepath.Join(dataDir(), "aoce.db")) // the title bar names any other file
	useEnglishForPOSIXLocale()
	d := details.Details
	app.SetMetadata(fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build, Release: true,
		Icon: fyne.NewStaticResource("icon.png", assets.Icon), Migrations: details.Migrations,
		Custom: map[string]string{about.CommitKey: currentCommit()}})
	a := app.NewWithID(d.ID)
	a.SetIcon(a.Metadata().Icon)
	return ui.Run(a, *dbPath, *network) // the window resolves it: one that names no network opens the switcher, saying so
}

// useEnglishForPOSIXLocale maps the "C"/"POSIX" locale (as on CI and in
// minimal containers) to English, which Fyne otherwise fails to parse.
func useEnglishForPOSIXLocale() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(key)
		if v == "" {
			continue
		}
		if base := strings.SplitN(v, ".", 2)[0]; base == "C" || base == "POSIX" {
			os.Setenv(key, "en_US.UTF-8")
			continue
		}
		return // the first set variable decides the locale
	}
}

// loadDemoIfEmpty creates the demo network in a database that has none.
func loadDemoIfEmpty(dbPath string) error {
	s, err := data.Open(dbPath, data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	ns, err := s.Networks(ctx)
	if err != nil || len(ns) > 0 {
		return err
	}
	_, err = demo.Load(ctx, s)
	return err
}
