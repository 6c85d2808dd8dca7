package main

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/about"
)

// Help → About and the README tell where a new computer's database goes;
// on Linux (where this runs) that must be where defaultDBPath puts it.
func TestDefaultDBPathIsWhereAboutSays(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Linux line is checked on Linux")
	}
	linux := about.DataLocations[2]
	t.Setenv("AOCE_DB", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if got := defaultDBPath(); got != "/xdg/aoce-desktop/aoce.db" || !strings.Contains(linux, "$XDG_DATA_HOME/aoce-desktop/aoce.db") {
		t.Errorf("with XDG_DATA_HOME: %s; About says %q", got, linux)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/expert")
	if got := defaultDBPath(); got != filepath.Join("/home/expert", ".local/share/aoce-desktop/aoce.db") || !strings.Contains(linux, "~/.local/share/aoce-desktop/aoce.db") {
		t.Errorf("by default: %s; About says %q", got, linux)
	}
	t.Setenv("AOCE_DB", "/elsewhere/x.db")
	if got := defaultDBPath(); got != "/elsewhere/x.db" {
		t.Errorf("AOCE_DB: %s", got)
	}
}
