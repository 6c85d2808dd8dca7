package main

import (
	"os"
	"regexp"
	"testing"
)

// FyneApp.toml (read by 'fyne package') and the metadata set for 'go build'
// must describe the same app.
func TestFyneAppTomlMatchesMetadata(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"ID": appID, "Name": appName, "Version": appVersion} {
		m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*"([^"]*)"`).FindSubmatch(b)
		if m == nil || string(m[1]) != want {
			t.Errorf("FyneApp.toml %s = %q, the binary says %q", key, m, want)
		}
	}
	if !regexp.MustCompile(`(?m)^\s*fyneDo\s*=\s*true`).Match(b) {
		t.Error("FyneApp.toml does not set [Migrations] fyneDo = true")
	}
}

func TestPOSIXLocaleBecomesEnglish(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C.UTF-8")
	useEnglishForPOSIXLocale()
	if got := os.Getenv("LANG"); got != "en_US.UTF-8" {
		t.Fatalf("LANG=%q", got)
	}
	t.Setenv("LANG", "pl_PL.UTF-8")
	useEnglishForPOSIXLocale()
	if got := os.Getenv("LANG"); got != "pl_PL.UTF-8" {
		t.Fatalf("a real locale was changed to %q", got)
	}
}
