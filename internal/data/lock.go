package data

import (
	"fmt"

	"github.com/gofrs/flock"
)

// writerLock is an OS file lock beside the database (PATH.lock). The OS
// drops it when the process ends, so a crash never leaves the file locked.
type writerLock struct{ fl *flock.Flock }

func acquireWriterLock(dbPath string) (*writerLock, error) {
	fl := flock.New(dbPath + ".lock")
	ok, err := fl.TryLock()
	if err != nil {
		return nil, &OpenError{Path: dbPath, Problem: "cannot be locked for writing", Hint: "check that its folder may be written", Err: err}
	}
	if !ok {
		return nil, &OpenError{Path: dbPath, Problem: "is already open in another AoCE Desktop window or command",
			Hint: "close that one first; reading commands (list, backup, check) still work meanwhile", Err: fmt.Errorf("%w", ErrLocked)}
	}
	return &writerLock{fl: fl}, nil
}

func (l *writerLock) release() error { return l.fl.Unlock() }
