package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// BenchmarkStartupWork is the app's own share of start-up on the demo
// network: open the database and build the window's content up to the
// overview (Fyne's window creation and first frame are not included).
func BenchmarkStartupWork(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo.db")
	s, err := data.Open(path, data.Writer)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Load(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	s.Close()
	a := test.NewTempApp(b)
	for b.Loop() {
		s, err := data.Open(path, data.Writer)
		if err != nil {
			b.Fatal(err)
		}
		w := a.NewWindow("AoCE Desktop")
		shell.RestoreWindowSize(s, w)
		sh := shell.New(a, w, s, Areas())
		w.SetContent(sh.Content())
		sh.Start(shell.LastNetwork(s))
		w.Resize(fyne.NewSize(1180, 720))
		w.Close()
		s.Close()
	}
}
