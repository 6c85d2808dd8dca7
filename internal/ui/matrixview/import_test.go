package matrixview

import (
	"bytes"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The matrix exported as CSV imports back in the background, replacing a
// changed cell; Escape on the question imports nothing.
func TestMatrixCSVImportsBack(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	var csv bytes.Buffer
	if err := v.m.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	id := gridCell(t, v, "Genk", "1.3")
	p, row, _ := v.cellAt(id)
	v.cycle(id)
	v.importBytes("/tmp/matrix.csv", csv.Bytes())
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil || storedCell(t, sh, p.ID, row.SubTheme.ID).State == matrix.None {
		t.Fatal("Escape on the question did not keep the matrix")
	}
	v.importBytes("/tmp/matrix.csv", csv.Bytes())
	done := make(chan struct{})
	v.imported = func() { close(done) }
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Replace"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	if c := storedCell(t, sh, p.ID, row.SubTheme.ID); c.State != matrix.None {
		t.Fatalf("after importing the old matrix Genk × 1.3 is %q", c.State)
	}
}

func TestPeerLearningPresents(t *testing.T) {
	sh := newShell(t)
	uitest.Open[*peersView](t, sh, "peers")
	uitest.Key(sh, fyne.KeyF11)
	if !sh.Presenting() || !uitest.TextIn(sh.Window().Content(), "Who can help whom") {
		t.Fatal("F11 on peer learning does not present who can help whom")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if sh.Presenting() {
		t.Fatal("Escape did not end the presentation")
	}
}
