package uitest

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// SaveAs answers the save dialog on top — the file name offered starts with
// offered, name replaces it — and waits until the export written in the
// background has been reported. It returns the file's path.
func SaveAs(t testing.TB, sh *shell.Shell, offered, name string) string {
	t.Helper()
	EntryWithText(t, TopOverlay(sh), offered).SetText(name)
	done := make(chan struct{})
	sh.Exported = func() { close(done) }
	test.Tap(ButtonIn(t, TopOverlay(sh), "Save"))
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("the export of %s did not finish", name)
	}
	return filepath.Join(sh.LastFolder(), name)
}
