// Command corpusgen writes the synthetic survey exports of
// internal/survey/testdata/corpus: realistic files of every format the
// import reads and every case it must get right, each with a sidecar of
// the figures the source tool would show (no personal data: voters and
// players are numbered, places are the demo network's cities). Run it
// with 'go generate ./internal/survey/'; the output is deterministic.
package main

import (
	"github.com/aoce-desktop/aoce-desktop/internal/survey/corpus"

	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir := "testdata/corpus"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := generate(dir); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

func generate(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, m := range mentiCorpus() {
		if err := m.write(filepath.Join(dir, m.Name)); err != nil {
			return fmt.Errorf("%s: %w", m.Name, err)
		}
		scopes := []string{"all"}
		if len(m.Sessions) > 1 {
			scopes = append(scopes, m.Sessions...)
		}
		for _, s := range scopes {
			if err := writeFigures(dir, m.Name, s, m.figures(s)); err != nil {
				return err
			}
		}
	}
	for _, f := range formCorpus() {
		if err := f.write(filepath.Join(dir, f.Name)); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if err := writeFigures(dir, f.Name, "", f.figures()); err != nil {
			return err
		}
	}
	return nil
}

// writeFigures writes a sidecar: FILE.json, or FILE.session-N.json for one
// session of a Mentimeter file.
func writeFigures(dir, file, session string, fig corpus.Figures) error {
	name := strings.TrimSuffix(file, filepath.Ext(file))
	if session != "" && session != "all" {
		name += ".session-" + session
	}
	b, err := json.MarshalIndent(fig, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+".json"), append(b, '\n'), 0o644)
}
