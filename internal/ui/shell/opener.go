package shell

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Opener hands an exported file to the system: to the program that opens
// its kind (Open), or to the file manager, showing its folder
// (ShowInFolder). Tests replace the shell's with one that records.
type Opener interface {
	Open(path string) error
	ShowInFolder(path string) error
}

// ErrNoOpener says the system has no program to hand files to.
var ErrNoOpener = errors.New("this computer has no program to open files with")

// systemOpener runs the system's opener: xdg-open on Linux and the BSDs,
// open on macOS (open -R selects the file in the Finder), explorer on
// Windows (/select, likewise). It does not wait: the program opened may
// stay open. When the opener itself ends in failure — xdg-open with
// status 3 where no program is set up for the file's kind — failed is
// told, whenever that is.
type systemOpener struct {
	goos     string
	lookPath func(string) (string, error)
	start    func(*exec.Cmd) error
}

func newSystemOpener(failed func(program, target string, err error)) systemOpener {
	return systemOpener{goos: runtime.GOOS, lookPath: exec.LookPath, start: func(cmd *exec.Cmd) error {
		if err := cmd.Start(); err != nil {
			return err
		}
		go func() {
			// explorer exits with 1 even when it opened the file.
			if err := cmd.Wait(); err != nil && runtime.GOOS != "windows" {
				failed(filepath.Base(cmd.Path), cmd.Args[len(cmd.Args)-1], err)
			}
		}()
		return nil
	}}
}

func (o systemOpener) Open(path string) error {
	switch o.goos {
	case "darwin":
		return o.run("open", path)
	case "windows":
		return o.run("explorer", path)
	}
	return o.run("xdg-open", path)
}

func (o systemOpener) ShowInFolder(path string) error {
	switch o.goos {
	case "darwin":
		return o.run("open", "-R", path)
	case "windows":
		return o.run("explorer", "/select,"+path)
	}
	return o.run("xdg-open", filepath.Dir(path)) // no common way to select the file
}

func (o systemOpener) run(program string, args ...string) error {
	found, err := o.lookPath(program)
	if err != nil {
		return fmt.Errorf("%w (%s was not found)", ErrNoOpener, program)
	}
	if err := o.start(exec.Command(found, args...)); err != nil {
		return fmt.Errorf("%s could not be started: %w", program, err)
	}
	return nil
}
