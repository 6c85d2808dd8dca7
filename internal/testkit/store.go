package testkit

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// DemoStore opens a fresh database holding the demo network; it closes
// with the test.
func DemoStore(t testing.TB) (*data.Store, data.Network) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	res, err := demo.Load(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return s, res.Network
}
