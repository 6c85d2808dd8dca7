// Command distcheck checks what 'make dist' wrote, and exits 1 naming what
// is wrong: the Windows zip's program (PE headers, icon, manifest, version
// resource; Wine cannot run a Go 1.26 program here), and the Linux archive
// installed with its own 'make install PREFIX=…' into a temporary folder,
// whose program must print the version.
//
//	go run ./tools/distcheck -version 0.1.0 dist
package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	version := flag.String("version", "", "FyneApp.toml's version, which the files must be named with and carry")
	flag.Parse()
	if flag.NArg() != 1 || *version == "" {
		fmt.Fprintln(os.Stderr, "usage: distcheck -version VERSION DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	base := filepath.Join(dir, "aoce-desktop-"+*version)
	failed := false
	for _, c := range []struct {
		file  string
		check func(string, string) error
	}{
		{base + "-windows-amd64.zip", checkWindowsZip},
		{base + "-linux-amd64.tar.xz", checkLinuxArchive},
		{filepath.Join(dir, "licences.txt"), checkLicences},
	} {
		if err := c.check(c.file, *version); err != nil {
			fmt.Fprintf(os.Stderr, "distcheck: %s: %v\n", c.file, err)
			failed = true
			continue
		}
		fmt.Printf("distcheck: %s: ok\n", c.file)
	}
	if failed {
		os.Exit(1)
	}
}

// checkWindowsZip finds the one .exe in the zip and checks it.
func checkWindowsZip(path, version string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	var exe *zip.File
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
		if strings.HasSuffix(strings.ToLower(f.Name), ".exe") {
			exe = f
		}
	}
	if exe == nil || !contains(names, "licences.txt") {
		return fmt.Errorf("want a program and licences.txt, the zip holds %v", names)
	}
	r, err := exe.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := checkWindowsProgram(bytes.NewReader(b), version); err != nil {
		return fmt.Errorf("%s: %w", exe.Name, err)
	}
	fmt.Printf("distcheck: %s: PE32+ amd64, Windows GUI subsystem, icon, manifest, version resource %s.x (%d bytes)\n", exe.Name, version, len(b))
	return nil
}

// checkLinuxArchive unpacks the archive, installs it with its own Makefile
// under a temporary PREFIX and runs the installed program's --version.
func checkLinuxArchive(path, version string) error {
	tmp, err := os.MkdirTemp("", "distcheck-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if out, err := exec.Command("tar", "-xJf", path, "-C", tmp).CombinedOutput(); err != nil {
		return fmt.Errorf("tar: %v: %s", err, out)
	}
	// tar may put everything under a folder named after the app (fyne's note).
	makefiles, err := filepath.Glob(filepath.Join(tmp, "*", "Makefile"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(tmp, "Makefile")); err == nil {
		makefiles = append(makefiles, filepath.Join(tmp, "Makefile"))
	}
	if len(makefiles) != 1 {
		return fmt.Errorf("want one Makefile in the archive, found %d", len(makefiles))
	}
	prefix := filepath.Join(tmp, "prefix")
	install := exec.Command("make", "install", "PREFIX="+prefix)
	install.Dir = filepath.Dir(makefiles[0])
	if out, err := install.CombinedOutput(); err != nil {
		return fmt.Errorf("make install: %v: %s", err, out)
	}
	for _, f := range []string{"bin/aoce-desktop", "share/applications/eu.aoce.desktop.desktop", "share/pixmaps/eu.aoce.desktop.png"} {
		if _, err := os.Stat(filepath.Join(prefix, f)); err != nil {
			return fmt.Errorf("make install did not install %s", f)
		}
	}
	desktop, err := os.ReadFile(filepath.Join(prefix, "share/applications/eu.aoce.desktop.desktop"))
	if err != nil {
		return err
	}
	if !bytes.Contains(desktop, []byte("\nExec=aoce-desktop")) || !bytes.Contains(desktop, []byte("\nName=AoCE Desktop")) {
		return fmt.Errorf("the .desktop entry lacks Name=AoCE Desktop or Exec=aoce-desktop:\n%s", desktop)
	}
	out, err := exec.Command(filepath.Join(prefix, "bin/aoce-desktop"), "--version").CombinedOutput()
	if err != nil {
		return fmt.Errorf("aoce-desktop --version: %v: %s", err, out)
	}
	if !strings.HasPrefix(string(out), "AoCE Desktop "+version+" (commit ") || strings.Contains(string(out), "commit unknown") {
		return fmt.Errorf("aoce-desktop --version printed %q", out)
	}
	fmt.Printf("distcheck: installed with make install PREFIX=…; --version: %s", out)
	return nil
}

func checkLicences(path, _ string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte("==== fyne.io/fyne/v2 ")) || !bytes.Contains(b, []byte("==== Go standard library")) {
		return errors.New("does not hold Fyne's and Go's licences")
	}
	return nil
}

func contains(list []string, suffix string) bool {
	for _, s := range list {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}
