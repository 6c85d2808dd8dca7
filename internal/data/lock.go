package data

import (
	"fmt"
	"os"

	"github.com/gofrs/flock"
)

// writerLock is an OS file lock beside the database (PATH.lock). The OS
// drops it when the process ends, so a crash never leaves the file locked.
type writerLock struct {
	fl      *flock.Flock
	created bool // the lock file is ours to remove when the open is refused
}

func acquireWriterLock(dbPath string) (*writerLock, error) {
	_, statErr := os.Stat(dbPath + ".lock")
	fl := flock.New(dbPath + ".lock")
	ok, err := fl.TryLock()
	if err != nil {
		return nil, &OpenError{Path: dbPath, Problem: "cannot be locked for writing", Hint: "check that its folder may be written", Err: err}
	}
	if !ok {
		return nil, &OpenError{Path: dbPath, Problem: "is already open in another AoCE Desktop window or command",
			Hint: "close that one first; reading commands (list, backup, check) still work meanwhile", Err: fmt.Errorf("%w", ErrLocked)}
	}
	return &writerLock{fl: fl, created: os.IsNotExist(statErr)}, nil
}

func (l *writerLock) release() error { return l.fl.Unlock() }

// discard releases the lock and removes a lock file this open created,
// so a refused file does not leave one behind.
func (l *writerLock) discard() error {
	err := l.fl.Unlock()
	if l.created {
		os.Remove(l.fl.Path())
	}
	return err
}
