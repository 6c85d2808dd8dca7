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
// told, whenever that is, with the file handed over and whether its
// folder was to be shown.
type systemOpener struct {
	goos     string
	lookPath func(string) (string, error)
	start    func(cmd *exec.Cmd, failed func(error)) error
	failed   handOverFailed
}

// handOverFailed is what failed is told: which program gave up on which
// exported file, and whether it was to show the file's folder.
type handOverFailed func(program, file string, folder bool, err error)

func newSystemOpener(failed handOverFailed) systemOpener {
	return systemOpener{goos: runtime.GOOS, lookPath: exec.LookPath, start: func(cmd *exec.Cmd, gaveUp func(error)) error {
		if err := cmd.Start(); err != nil {
			return err
		}
		go func() {
			// explorer exits with 1 even when it opened the file.
			if err := cmd.Wait(); err != nil && runtime.GOOS != "windows" {
				gaveUp(err)
			}
		}()
		return nil
	}, failed: failed}
}

func (o systemOpener) Open(path string) error {
	switch o.goos {
	case "darwin":
		return o.run(path, false, "open", path)
	case "windows":
		return o.run(path, false, "explorer", path)
	}
	return o.run(path, false, "xdg-open", path)
}

func (o systemOpener) ShowInFolder(path string) error {
	switch o.goos {
	case "darwin":
		return o.run(path, true, "open", "-R", path)
	case "windows":
		return o.run(path, true, "explorer", "/select,"+path)
	}
	return o.run(path, true, "xdg-open", filepath.Dir(path)) // no common way to select the file
}

// run starts program with args to open file (or show its folder).
func (o systemOpener) run(file string, folder bool, program string, args ...string) error {
	found, err := o.lookPath(program)
	if err != nil {
		return fmt.Errorf("%w (%s was not found)", ErrNoOpener, program)
	}
	gaveUp := func(err error) {
		if o.failed != nil {
			o.failed(program, file, folder, err)
		}
	}
	if err := o.start(exec.Command(found, args...), gaveUp); err != nil {
		return fmt.Errorf("%s could not be started: %w", program, err)
	}
	return nil
}
