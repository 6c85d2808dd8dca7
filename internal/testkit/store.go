package testkit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// DemoStore opens a fresh database holding the demo network; it closes
// with the test.
func DemoStore(t testing.TB) (*data.Store, data.Network) {
	t.Helper()
	path, network := DemoFile(t, "demo.db")
	s, err := data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, network
}

// DemoFile writes a fresh copy of a database holding the demo network to
// name in the test's temporary folder and returns its path. The demo is
// built once per test binary and copied: under the race detector one
// build costs about 9 s of CPU, and some hundred tests start from it.
// Copies share the demo's ids and this process's laptop id, so two of
// them are not two laptops (the sync tests build their own).
func DemoFile(t testing.TB, name string) (string, data.Network) {
	t.Helper()
	demoOnce.Do(buildDemo)
	if demoErr != nil {
		t.Fatalf("building the demo database: %v", demoErr)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := atomicfile.Copy(demoPath, path); err != nil {
		t.Fatal(err)
	}
	return path, demoNetwork
}

var (
	demoOnce    sync.Once
	demoPath    string
	demoNetwork data.Network
	demoErr     error
)

// buildDemo loads the demo into a database of its own in a folder the
// process keeps (a test's TempDir goes with its test) and closes it, which
// checkpoints the log into the one file that is copied.
func buildDemo() {
	dir, err := os.MkdirTemp("", "aoce-testkit-demo-")
	if err != nil {
		demoErr = err
		return
	}
	demoPath = filepath.Join(dir, "demo.db")
	s, err := data.Open(demoPath, data.Writer)
	if err != nil {
		demoErr = err
		return
	}
	res, err := demo.Load(context.Background(), s)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		if _, serr := os.Stat(demoPath + "-wal"); serr == nil {
			err = fmt.Errorf("%s-wal is still there after closing: the copy would miss it", demoPath)
		}
	}
	demoErr, demoNetwork = err, res.Network
}
