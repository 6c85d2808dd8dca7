package data

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
)

// storage says what this process may change where a database lives. It is
// found by trying (not from permission bits): root ignores permissions, but
// not a read-only mount, and a Windows read-only attribute has no bits.
type storage struct {
	fileRO bool // the file exists and cannot be opened for writing
	dirRO  bool // nothing can be created in its folder (the -wal, -shm and lock files)
}

// probeStorage is a variable so tests can make any folder read-only.
var probeStorage = func(path string) storage {
	var st storage
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else {
		st.fileRO = isReadOnlyErr(err)
	}
	if f, err := os.CreateTemp(filepath.Dir(path), ".aoce-write-test-*"); err == nil {
		f.Close()
		os.Remove(f.Name())
	} else {
		st.dirRO = isReadOnlyErr(err)
	}
	return st
}

func isReadOnlyErr(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// refuseWriting is the Writer's answer to read-only storage, given at open
// rather than as SQLite's "attempt to write a readonly database" later.
func (st storage) refuseWriting(path string, exists bool) error {
	switch {
	case exists && (st.fileRO || st.dirRO):
		problem := "is read-only"
		if !st.fileRO {
			problem = "is in a read-only folder (SQLite needs to create files beside it to write)"
		}
		return &OpenError{Path: path, Problem: problem,
			Hint: "copy it somewhere you can write, or open it with the commands that only read (partners list, survey list, check, backup)", Err: errNoDetail}
	case !exists && st.dirRO:
		return &OpenError{Path: path, Problem: "cannot be created: its folder is read-only", Hint: "choose a folder you can write", Err: errNoDetail}
	}
	return nil
}

// readDSN is how a Reader opens the file. Beside a writable folder it is
// the usual read-only connection. In a read-only folder SQLite cannot
// create the -shm file a WAL database needs: a file with nothing pending
// in its -wal is opened immutable (SQLite then takes no locks and reads
// the main file only); one with pending changes is read through its
// existing -shm, and without one it cannot be read correctly at all.
func readDSN(path string, st storage) (string, error) {
	if !st.dirRO {
		return dsn(path, Reader), nil
	}
	if !walPending(path) {
		return immutableDSN(path), nil
	}
	if _, err := os.Stat(path + "-shm"); err == nil {
		return dsn(path, Reader), nil
	}
	return "", &OpenError{Path: path, Problem: "has changes in " + path + "-wal that cannot be read in a read-only folder without its -shm file",
		Hint: "copy the file and its -wal file together to a folder you can write, and open the copy", Err: errNoDetail}
}

// probeDSN is how a Writer looks at the file before it writes: immutable
// when nothing is pending in a -wal (the writer lock is held, so no other
// AoCE Desktop changes the file meanwhile), so looking at a file that is
// then refused creates no -wal or -shm beside it.
func probeDSN(path string) string {
	if walPending(path) {
		return dsn(path, Reader)
	}
	return immutableDSN(path)
}

// walPending says whether a -wal file beside path may hold changes.
func walPending(path string) bool {
	wal, err := os.Stat(path + "-wal")
	return err == nil && wal.Size() > 0
}

func immutableDSN(path string) string {
	return dsn(path, Reader) + "&" + url.Values{"immutable": {"1"}}.Encode()
}
