// Package atomicfile writes files whole or not at all: the content goes to
// a temporary file beside the target, which is synced to disk and renamed
// over it (and, on Unix, the folder synced after), so a failed or
// interrupted write — even a power cut — leaves the previous file as it was.
package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// Write calls fill with a writer and puts the result at path only when fill
// and the write succeed; a failed export leaves no half file behind.
func Write(path string, fill func(io.Writer) error) error {
	return replace(path, func(f *os.File) error { return fill(f) })
}

// WriteByName is Write for writers that open the file by its name, such as
// SQLite's VACUUM INTO: fill gets the name of an empty temporary file beside
// path, writes there, and the file replaces path when fill returns nil.
func WriteByName(path string, fill func(tmpName string) error) error {
	return replace(path, func(f *os.File) error { return fill(f.Name()) })
}

// syncFile and syncDir are what make the new file durable before and after
// the rename; tests swap them to inject a failing disk.
var (
	syncFile = (*os.File).Sync
	syncDir  = syncFolder
)

func replace(path string, fill func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".aoce-"+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())              // after a successful rename there is nothing left to remove
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private; an export is for sharing
		tmp.Close()
		return err
	}
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	// Synced before the rename: otherwise a crash could leave the new name
	// on a file whose content never reached the disk.
	if err := syncFile(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncFolder makes a rename in dir durable. Windows cannot open a folder
// for syncing (and does not need it).
func syncFolder(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// Copy copies the file from to path to (making to's folder), so that to
// never holds half of it.
func Copy(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	return Write(to, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}
