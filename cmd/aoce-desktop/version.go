package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/BurntSushi/toml"

	aocedesktop "github.com/aoce-desktop/aoce-desktop"
)

// commit is set by 'make build' and 'make dist' (-ldflags -X main.commit=…),
// since GOFLAGS=-buildvcs=false or a build outside git leave no VCS stamp.
var commit string

type appDetails struct {
	Details struct {
		Name, ID, Version string
		Build             int
	}
	Migrations map[string]bool
}

// details is FyneApp.toml as the binary was built with it.
var details = mustParseDetails(aocedesktop.FyneAppToml)

func mustParseDetails(text string) appDetails {
	var d appDetails
	if _, err := toml.Decode(text, &d); err != nil {
		panic("FyneApp.toml: " + err.Error()) // embedded at build time: a test parses it
	}
	return d
}

// buildCommit is the commit the binary was built from: the one make set,
// else Go's VCS stamp (with "+changes" when the tree was modified), else
// "unknown".
func buildCommit(set string, info *debug.BuildInfo, ok bool) string {
	if set != "" {
		return set
	}
	if !ok {
		return "unknown"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		rev += "+changes"
	}
	return rev
}

func currentCommit() string {
	info, ok := debug.ReadBuildInfo()
	return buildCommit(commit, info, ok)
}

func printVersion(w io.Writer) {
	fmt.Fprintf(w, "%s %s (commit %s)\n", details.Details.Name, details.Details.Version, currentCommit())
}
