//go:build !race

package surveys

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Cancelling a running import after the question stores nothing of it.
// (Not under -race: the shell gives no signal after a cancelled job's
// dialog is closed, so the test watches the screen while the job's
// goroutine closes it.)
func TestCancelledImportStoresNothing(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	path := largeCSV(t, 20000)
	held, release := holdImport(v)
	v.importPath(path)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Import"))
	<-held
	uitest.Key(sh, fyne.KeyEscape)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Stop"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "Importing large.csv") {
		t.Fatal("the progress dialog went before the import stopped")
	}
	close(release)
	deadline := time.Now().Add(30 * time.Second)
	for !uitest.TextIn(uitest.TopOverlay(sh), "Nothing was imported.") {
		if time.Now().After(deadline) {
			t.Fatal("no word that the import was cancelled")
		}
		time.Sleep(10 * time.Millisecond)
	}
	svs, err := sh.Store().Surveys(sh.Ctx(), sh.Network().ID)
	if err != nil || len(svs) != 0 {
		t.Fatalf("a cancelled import left %+v (%v)", svs, err)
	}
}
