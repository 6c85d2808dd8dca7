// Package atomicfile writes export files whole or not at all: the content
// goes to a temporary file beside the target, which is renamed over it.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write calls fill with a writer and puts the result at path only when fill
// and the write succeed; a failed export leaves no half file behind.
func Write(path string, fill func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".aoce-export-*")
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
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
