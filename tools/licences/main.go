// Command licences writes the licence text of every module a package's
// binary contains, for Help → About and dist/: the modules come from
// 'go list -deps' for each system the app is built for, the texts from the
// module cache. A module without a licence file stops it (exit 1, naming
// the module), so no build ships code whose licence we have not read.
//
//	go run ./tools/licences -o internal/about/licences.txt ./cmd/aoce-desktop
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

// targets are the systems the program is built for; a module only one of
// them links (a Windows-only or macOS-only dependency) is listed too.
var targets = []string{"linux", "windows", "darwin"}

// licenceFile matches the names modules give their licence: LICENSE,
// LICENCE, COPYING, UNLICENSE, with or without .md/.txt and suffixes such as
// LICENSE-APACHE or LICENSE.BSD.
var licenceFile = regexp.MustCompile(`(?i)^(un)?licen[cs]e|^copying`)

type module struct {
	Path, Version, Dir string
	Replace            *module
}

func main() {
	out := flag.String("o", "", "the file to write (default: standard output)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: licences [-o FILE] PACKAGE")
		os.Exit(2)
	}
	text, err := licences(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "licences:", err)
		os.Exit(1)
	}
	if *out == "" {
		_, err = os.Stdout.WriteString(text)
	} else {
		err = os.WriteFile(*out, []byte(text), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "licences:", err)
		os.Exit(1)
	}
}

// licences is the whole text: the list of modules, then each one's licence.
func licences(pkg string) (string, error) {
	mods, err := modulesOf(pkg)
	if err != nil {
		return "", err
	}
	var list, texts strings.Builder
	goLicence, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "LICENSE"))
	if err != nil {
		return "", fmt.Errorf("the Go standard library's licence: %w", err)
	}
	fmt.Fprintf(&list, "  Go standard library and runtime\n")
	writeSection(&texts, "Go standard library and runtime", "LICENSE", goLicence)
	for _, m := range mods {
		files, err := licenceFiles(m.Dir)
		if err != nil {
			return "", fmt.Errorf("module %s %s: %w", m.Path, m.Version, err)
		}
		if len(files) == 0 {
			return "", fmt.Errorf("module %s %s has no licence file (LICENSE, LICENCE, COPYING…) in %s", m.Path, m.Version, m.Dir)
		}
		fmt.Fprintf(&list, "  %s %s\n", m.Path, m.Version)
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(m.Dir, f))
			if err != nil {
				return "", fmt.Errorf("module %s: %w", m.Path, err)
			}
			writeSection(&texts, m.Path+" "+m.Version, f, b)
		}
	}
	return "AoCE Desktop contains the Go code of these modules, under the licences that follow.\n" +
		"(Written by tools/licences from the module cache: do not edit; run 'go generate ./internal/about'.)\n\n" +
		list.String() + "\n" + texts.String(), nil
}

func writeSection(w io.Writer, name, file string, text []byte) {
	fmt.Fprintf(w, "==== %s — %s ====\n\n%s\n\n", name, file, bytes.TrimSpace(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))))
}

// modulesOf lists the modules (not the main one) whose packages the binary
// of pkg contains on any of the targets, sorted by path.
func modulesOf(pkg string) ([]module, error) {
	seen := map[string]module{}
	for _, goos := range targets {
		cmd := exec.Command("go", "list", "-deps", "-json=Module", pkg)
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s: %v: %s", goos, err, stderr.String())
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		for {
			var p struct{ Module *module }
			if err := dec.Decode(&p); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return nil, fmt.Errorf("go list for %s: %w", goos, err)
			}
			m := p.Module
			if m == nil || m.Version == "" && m.Replace == nil { // the standard library, or our own module
				continue
			}
			if m.Replace != nil {
				m = &module{Path: m.Path, Version: m.Replace.Version, Dir: m.Replace.Dir}
			}
			seen[m.Path] = *m
		}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	return mods, nil
}

// licenceFiles are the licence files at the top of a module's folder.
func licenceFiles(dir string) ([]string, error) {
	if dir == "" {
		return nil, errors.New("not in the module cache (run 'go mod download')")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && licenceFile.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names, nil
}
