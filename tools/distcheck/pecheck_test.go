package main

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fyne-io/image/ico"
	"github.com/josephspurrier/goversioninfo"
)

// The check is run on tiny Windows programs built here the way fyne
// package builds ours (goversioninfo's .syso, -H=windowsgui), and on ones
// that miss a part, which it must refuse.
func TestWindowsProgramCheck(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module tiny\n\ngo 1.22\n")
	write(t, dir, "main.go", "package main\n\nfunc main() {}\n")
	gui := build(t, dir, "gui.exe", "-H=windowsgui") // no resources yet
	writeSyso(t, dir, "0.1.0.1")
	withRes := build(t, dir, "res.exe", "-H=windowsgui")
	console := build(t, dir, "console.exe", "")

	for _, c := range []struct {
		exe, version, wantErr string
	}{
		{withRes, "0.1.0", ""},
		{withRes, "0.2.0", "FyneApp.toml says 0.2.0"},
		{console, "0.1.0", "subsystem is 3"},
		{gui, "0.1.0", "no .rsrc section"},
	} {
		b, err := os.ReadFile(c.exe)
		if err != nil {
			t.Fatal(err)
		}
		err = checkWindowsProgram(bytes.NewReader(b), c.version)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v", filepath.Base(c.exe), err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s with %s: got %v, want an error with %q", filepath.Base(c.exe), c.version, err, c.wantErr)
		}
	}
	if err := checkWindowsProgram(strings.NewReader("MZ not really"), "0.1.0"); err == nil {
		t.Error("a non-PE file passed")
	}
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func build(t *testing.T, dir, out, ldflags string) string {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", out, "-ldflags", "-s -w "+ldflags, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-buildvcs=false")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", out, err, b)
	}
	return filepath.Join(dir, out)
}

// writeSyso writes the resource object fyne package writes: icon,
// manifest, version.
func writeSyso(t *testing.T, dir, version string) {
	t.Helper()
	var icon bytes.Buffer
	if err := ico.Encode(&icon, image.NewRGBA(image.Rect(0, 0, 16, 16))); err != nil {
		t.Fatal(err)
	}
	vi := &goversioninfo.VersionInfo{}
	vi.IconPath = write(t, dir, "tiny.ico", icon.String())
	vi.ManifestPath = write(t, dir, "tiny.manifest", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0"/>`)
	vi.StringFileInfo.ProductVersion = version
	fv, err := goversioninfo.NewFileVersion(version)
	if err != nil {
		t.Fatal(err)
	}
	vi.FixedFileInfo.FileVersion = fv
	vi.Build()
	vi.Walk()
	if err := vi.WriteSyso(filepath.Join(dir, "rsrc.syso"), "amd64"); err != nil {
		t.Fatal(err)
	}
}
