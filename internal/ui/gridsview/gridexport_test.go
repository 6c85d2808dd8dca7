package gridsview

import (
	"archive/zip"
	"fmt"
	"image"
	"io"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Follow-up… at Core Network Meeting 3 with a review comment just typed:
// the comment is stored first, the follow-up written in the background
// holds it with the demo's other reviews, and the user is told where.
func TestFollowUpExportThroughTheDialogs(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	for _, o := range v.meeting.Options {
		if strings.HasPrefix(o, "Core Network Meeting 3") {
			v.meeting.SetSelected(o)
		}
	}
	v.partner.SetSelected("Gdańsk")
	comment, ok := uitest.Find(v.review, func(e *widget.Entry) bool { return e.PlaceHolder == "What happened (Enter stores it)" })
	if !ok {
		t.Fatal("no review comment")
	}
	test.Type(comment, "Two more to come.") // typed where the cursor is: before the stored comment
	test.Tap(uitest.ButtonIn(t, v.obj, "Export…"))
	uitest.TapMenuItem(t, sh, "Follow-up for the minutes")
	path := uitest.SaveAs(t, sh, "Follow-up - Core Network Meeting 3", "cnm3.md")
	if !uitest.TextIn(uitest.TopOverlay(sh), "5 earlier actions reviewed, 10 agreed) written to "+path) {
		t.Fatal("the user was not told where the follow-up went")
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Follow-up — Core Network Meeting 3", "Two more to come.Examples added", "Task description ready"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the follow-up lacks %q:\n%s", want, md)
		}
	}
}

// Meeting deck… at Core Network Meeting 3: the deck is written off the UI
// goroutine with the renderers the area was given (small stand-ins here:
// the real ones draw in the command-line test) and holds each partner's
// grid as a table (a slide each at meeting 3); without renderers the user
// is told why there is none.
func TestDeckExportThroughTheDialogs(t *testing.T) {
	small := func() image.Image { return image.NewRGBA(image.Rect(0, 0, 16, 9)) }
	slides := export.Slides{
		MatrixTheme:    func(*matrix.Matrix, string, int) []image.Image { return []image.Image{small()} },
		QuestionSlides: func(survey.Results, int) []image.Image { return []image.Image{small()} },
		Grid:           func(grids.Sheet, int) []image.Image { return []image.Image{small()} },
		RoadmapAhead:   func(roadmap.Roadmap, string, string) []image.Image { return []image.Image{small()} },
	}
	sh := uitest.NewShell(t, true, AreaWithDeck(slides))
	v := uitest.Open[*gridsView](t, sh, "grids")
	test.Tap(uitest.ButtonIn(t, v.obj, "Export…"))
	uitest.TapMenuItem(t, sh, "Meeting deck")
	path := uitest.SaveAs(t, sh, "Meeting deck - Core Network Meeting 3", "cnm3.pptx")
	if !uitest.TextIn(uitest.TopOverlay(sh), "written to "+path) {
		t.Fatal("the user was not told where the deck went")
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var slideParts, gridSlides int
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "ppt/slides/slide") {
			slideParts++
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if strings.Contains(string(b), `<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>`) {
				gridSlides++
			}
		}
	}
	if gridSlides != 7 || !uitest.TextIn(uitest.TopOverlay(sh), fmt.Sprintf("(%d slides)", slideParts)) {
		t.Fatalf("%d slides, %d of them grids (want the seven partners' of meeting 3)", slideParts, gridSlides)
	}
}

func TestDeckWithoutRenderersIsRefused(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	test.Tap(uitest.ButtonIn(t, v.obj, "Export…"))
	uitest.TapMenuItem(t, sh, "Meeting deck")
	uitest.EntryWithText(t, uitest.TopOverlay(sh), "Meeting deck - Core Network Meeting 3").SetText("cnm3.pdf")
	ended := make(chan struct{})
	sh.JobEnded = func() { close(ended) }
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	<-ended
	if !uitest.TextIn(uitest.TopOverlay(sh), "drawn by the window's toolkit") {
		t.Fatal("the refusal was not explained")
	}
}
