package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestBuildCommitPrefersMakesThenGosStamp(t *testing.T) {
	stamped := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	for _, c := range []struct {
		set  string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"b598566", stamped, true, "b598566"},
		{"", stamped, true, "0123456789ab+changes"},
		{"", &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "false"}}}, true, "abc"},
		{"", &debug.BuildInfo{}, true, "unknown"},
		{"", nil, false, "unknown"},
	} {
		if got := buildCommit(c.set, c.info, c.ok); got != c.want {
			t.Errorf("buildCommit(%q, %v) = %q, want %q", c.set, c.info, got, c.want)
		}
	}
}

func TestVersionFlagPrintsFyneAppVersionAndCommit(t *testing.T) {
	defer func(old string) { commit = old }(commit)
	commit = "feedc0ffee12"
	for _, arg := range []string{"--version", "-version", "version"} {
		var out, errOut bytes.Buffer
		if code := run([]string{arg}, strings.NewReader(""), &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d, %s", arg, code, errOut.String())
		}
		if want := "AoCE Desktop " + details.Details.Version + " (commit feedc0ffee12)\n"; out.String() != want {
			t.Errorf("%s printed %q, want %q", arg, out.String(), want)
		}
	}
}

// The Windows build attaches to the typing console only for commands: the
// window must never be tied to a console (closing it would end the app).
func TestOnlyCommandsAskForAConsole(t *testing.T) {
	for _, c := range []struct {
		args   []string
		window bool
	}{
		{nil, true},
		{[]string{"--db", "x.db"}, true},
		{[]string{"--db=x.db", "--network", "AoCE"}, true},
		{[]string{"--version"}, false},
		{[]string{"version"}, false},
		{[]string{"--help"}, false},
		{[]string{"partners", "list"}, false},
		{[]string{"--db", "x.db", "partners", "list"}, false},
	} {
		if got := opensWindow(c.args); got != c.window {
			t.Errorf("opensWindow(%q) = %v, want %v", c.args, got, c.window)
		}
	}
}
