package main

import (
	"os"
	"regexp"
	"testing"
)

// The embedded FyneApp.toml (read by 'fyne package' too) gives the binary
// its identity; the window's metadata and Fyne's storage depend on it.
func TestFyneAppTomlGivesTheIdentity(t *testing.T) {
	d := details.Details
	if d.ID != "eu.aoce.desktop" || d.Name != "AoCE Desktop" || !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(d.Version) || d.Build < 1 {
		t.Errorf("FyneApp.toml gives %+v", d)
	}
	if !details.Migrations["fyneDo"] {
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
