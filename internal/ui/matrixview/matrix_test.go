package matrixview

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

func newShell(t *testing.T) *shell.Shell {
	t.Helper()
	return uitest.NewShell(t, true, Area(), PeersArea())
}

func matrixArea(t *testing.T, sh *shell.Shell) *matrixView {
	t.Helper()
	return uitest.Open[*matrixView](t, sh, "matrix")
}

// gridCell finds the grid position of a partner and sub-theme number.
func gridCell(t *testing.T, v *matrixView, partner, subTheme string) widget.TableCellID {
	t.Helper()
	for r, dr := range v.rows {
		if dr.row == nil || dr.row.SubTheme.Number != subTheme {
			continue
		}
		for c, p := range v.m.Partners {
			if p.Name == partner {
				return widget.TableCellID{Row: r, Col: c}
			}
		}
	}
	t.Fatalf("no cell %s × %s", partner, subTheme)
	return widget.TableCellID{}
}

func storedState(t *testing.T, sh *shell.Shell, partner, subTheme string) string {
	t.Helper()
	m, err := matrix.Load(context.Background(), sh.Store(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Rows {
		for _, p := range m.Partners {
			if p.Name == partner && r.SubTheme.Number == subTheme {
				return m.Cell(p.ID, r.SubTheme.ID).State
			}
		}
	}
	t.Fatalf("no cell %s × %s", partner, subTheme)
	return ""
}

func TestMatrixKeyboardMovesAndCycles(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	start := gridCell(t, v, "Genk", "1.3") // empty in Table 1
	v.grid.Select(start)
	sh.Window().Canvas().Focus(v.grid)
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if got := storedState(t, sh, "Genk", "1.3"); got != matrix.KnowledgeNeed {
		t.Fatalf("after Space Genk × 1.3 is %q, want kn", got)
	}
	if !uitest.TextIn(v.detail, "Genk × 1.3") || !uitest.TextIn(v.detail, "Needs knowledge only") {
		t.Fatalf("detail line %q", v.detail.Text)
	}
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if want := (widget.TableCellID{Row: start.Row + 1, Col: start.Col + 1}); v.grid.cursor != want {
		t.Fatalf("cursor %v, want %v", v.grid.cursor, want)
	}
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // Gdańsk 1.4: empty → KN
	if got := storedState(t, sh, "Gdańsk", "1.4"); got != matrix.KnowledgeNeed {
		t.Fatalf("Gdańsk × 1.4 is %q", got)
	}
}

func TestCellEditorNamesANewPractice(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	id := gridCell(t, v, "Breda", "1.3")
	v.grid.Select(id)
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "1.3") {
		t.Fatal("Enter did not open the cell editor")
	}
	entry := uitest.EntryWithPlaceholder(t, d, "Name of a new good practice of Breda")
	test.Type(entry, "Breda Buurtbudget")
	test.Tap(uitest.ButtonIn(t, d, "Add"))
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	m, _ := matrix.Load(context.Background(), sh.Store(), sh.Network().ID)
	var cell matrix.Cell
	for _, r := range m.Rows {
		if r.SubTheme.Number == "1.3" {
			for _, p := range m.Partners {
				if p.Name == "Breda" {
					cell = m.Cell(p.ID, r.SubTheme.ID)
				}
			}
		}
	}
	if cell.State != matrix.GoodPractice || len(cell.Practices) != 1 || cell.Practices[0].Title != "Breda Buurtbudget" {
		t.Fatalf("cell %+v", cell)
	}
}

func TestEscapeClosesDialogAndF11Presents(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	v.grid.Select(gridCell(t, v, "Genk", "1.1"))
	sh.Window().Canvas().Focus(v.grid)
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if uitest.TopOverlay(sh) == nil {
		t.Fatal("no editor")
	}
	sh.Window().Canvas().Unfocus()
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape left the dialog open")
	}
	uitest.Key(sh, fyne.KeyF11)
	p := v.shown
	if p == nil || !sh.Presenting() {
		t.Fatal("F11 did not start the presenter")
	}
	if sh.Window().MainMenu() != nil {
		t.Fatal("the presenter shows the menu bar")
	}
	key := func(k fyne.KeyName) { sh.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	// Right goes through the all-themes view's slides (two at 1920×1080,
	// its practices named in their legends), then to the first theme.
	all := len(p.view(-1).pages)
	for i := 1; i < all; i++ {
		key(fyne.KeyRight)
		if p.opts.theme != -1 || p.opts.page != i {
			t.Fatalf("Right %d → theme %d slide %d, want all themes' slide %d of %d", i, p.opts.theme, p.opts.page, i, all)
		}
	}
	key(fyne.KeyRight)
	if p.opts.theme != 0 {
		t.Fatalf("Right → theme %d, want 0", p.opts.theme)
	}
	key(fyne.KeyDown)
	key(fyne.KeyRightBracket)
	if p.opts.highlightRow == "" || p.opts.highlightCol != v.m.Partners[0].ID {
		t.Fatalf("highlights %+v", p.opts)
	}
	key(fyne.KeyLeft)
	if p.opts.theme != -1 || p.opts.page != all-1 || p.opts.highlightRow != "" {
		t.Fatalf("Left from the first theme → %d slide %d (all is -1, its last slide %d), row highlight %q", p.opts.theme, p.opts.page, all-1, p.opts.highlightRow)
	}
	key(fyne.KeyP)
	if !p.peers {
		t.Fatal("P did not switch to peer learning")
	}
	key(fyne.KeyEscape)
	if sh.Presenting() || sh.Window().MainMenu() == nil || sh.Window().Content() != sh.Content() {
		t.Fatal("Escape did not bring the window back")
	}
}

func TestStepTheme(t *testing.T) {
	seq := []int{}
	th := -1
	for range 6 {
		th = stepTheme(th, 1, 4)
		seq = append(seq, th)
	}
	if want := []int{0, 1, 2, 3, -1, 0}; !equalInts(seq, want) {
		t.Fatalf("%v, want %v", seq, want)
	}
	if stepTheme(-1, -1, 4) != 3 {
		t.Fatal("Left from all themes should go to the last")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPeerLearningScreen(t *testing.T) {
	sh := newShell(t)
	v := uitest.Open[*peersView](t, sh, "peers")
	for _, want := range []string{"learns from", "2.1  Embed the results of civic participation", "Budaörs · 1.1"} {
		if !uitest.TextIn(v.Object(), want) {
			t.Errorf("peer learning does not show %q", want)
		}
	}
}

// The PNG is the all-themes view's 1080p slides one under the other: the
// demo's needs two at 1920×1080 now that its practices are named in the
// legend rather than left out.
func TestMatrixPNGIs1080p(t *testing.T) {
	sh := newShell(t)
	m, _ := matrix.Load(context.Background(), sh.Store(), sh.Network().ID)
	img := RenderMatrixPNG(m, "AoCE")
	slides := len(matrixSlides(m, slideOptions{title: "AoCE", theme: -1}, widgets.SlideSize))
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080*slides {
		t.Fatalf("PNG is %v for %d slides", b, slides)
	}
}
