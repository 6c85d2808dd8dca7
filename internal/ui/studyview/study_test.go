package studyview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/study/outline"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func studyArea(t *testing.T, sh *shell.Shell) *studyView {
	return uitest.Open[*studyView](t, sh, "study")
}

func sectionIndex(t *testing.T, v *studyView, kind string) int {
	t.Helper()
	for i, sec := range v.in.Sections {
		if sec.Kind == kind {
			return i
		}
	}
	t.Fatalf("no %s section", kind)
	return -1
}

func TestStudyEditorPreviewsAndSaves(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := studyArea(t, sh)
	e := v.editor
	if v.current != 0 || e.title.Text != v.in.Sections[0].Title {
		t.Fatalf("opened on %d %q", v.current, e.title.Text)
	}
	// A text section: the preview follows the Markdown as it is typed.
	text := sectionIndex(t, v, data.SectionText)
	v.list.Select(text)
	e.body.SetText("Cities learn **together**.\n\n- trust\n- skills")
	if !uitest.TextIn(e.preview, "together") || !uitest.TextIn(e.preview, "skills") {
		t.Fatal("the preview does not show the text being typed")
	}
	if !strings.Contains(e.words.Text, "5 words · not saved yet") {
		t.Fatalf("words line %q", e.words.Text)
	}
	// Moving to another section saves it at once.
	profiles := sectionIndex(t, v, data.SectionPartnerProfiles)
	v.list.Select(profiles)
	secs, _ := sh.Store().StudySections(sh.Ctx(), v.in.Study.ID)
	if secs[text].Body != "Cities learn **together**.\n\n- trust\n- skills" {
		t.Fatalf("not saved: %q", secs[text].Body)
	}
	// A generated block shows as it will print, from the partners' data.
	for _, name := range []string{"Genk", "Gdańsk", "Iași"} {
		if !richTextIn(e.preview, name) {
			t.Errorf("the partner profiles preview lacks %s", name)
		}
	}
	// An emptied title is not saved: the last one stays.
	e.title.SetText("")
	e.Save()
	secs, _ = sh.Store().StudySections(sh.Ctx(), v.in.Study.ID)
	if secs[profiles].Title == "" {
		t.Fatal("an empty title was saved")
	}
}

// richTextIn looks for text in the rich texts and labels under o.
func richTextIn(o fyne.CanvasObject, s string) bool {
	found := false
	uitest.Walk(o, func(c fyne.CanvasObject) bool {
		if rt, ok := c.(*widget.RichText); ok && strings.Contains(rt.String(), s) {
			found = true
		}
		return !found
	})
	return found || uitest.TextIn(o, s)
}

func TestStudySectionsAddMoveDeleteAndVersions(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := studyArea(t, sh)
	n := len(v.in.Sections)
	v.list.Select(1)
	test.Tap(uitest.ButtonIn(t, v.obj, "Add section…"))
	dlg := uitest.TopOverlay(sh)
	test.Type(sh.Window().Canvas().Focused(), "Lessons from the Online Academies")
	test.Tap(uitest.ButtonIn(t, dlg, "Add"))
	if len(v.in.Sections) != n+1 || v.in.Sections[2].Title != "Lessons from the Online Academies" || v.current != 2 {
		t.Fatalf("after adding: %d sections, current %d", len(v.in.Sections), v.current)
	}
	v.move(1)
	if v.in.Sections[3].Title != "Lessons from the Online Academies" || v.current != 3 {
		t.Fatal("move down did not move the section")
	}
	// A snapshot, an edit, then the snapshot restored.
	snap, err := sh.Store().SnapshotStudy(sh.Ctx(), v.in.Study.ID, "Before the edit")
	if err != nil {
		t.Fatal(err)
	}
	v.editor.body.SetText("A line that was not there.")
	v.editor.Save()
	before, _ := sh.Store().SnapshotSections(sh.Ctx(), snap.ID)
	diff := study.CompareSection(before, v.in.Sections, v.in.Sections[3].ID)
	if len(diff) != 1 || diff[0].Op != study.Insert {
		t.Fatalf("diff %+v", diff)
	}
	if lines := diffLines(diff); len(lines) != 1 || !uitest.TextIn(lines[0], "+ A line that was not there.") {
		t.Fatal("the comparison does not mark the added line")
	}
	v.confirmRestore(snap)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Restore"))
	if v.in.Sections[3].Body != "" || !uitest.TextIn(uitest.TopOverlay(sh), "Before restoring") {
		t.Fatalf("after restoring: %q", v.in.Sections[3].Body)
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	v.current = 3
	v.DeleteSelected()
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Delete"))
	if len(v.in.Sections) != n {
		t.Fatalf("%d sections after the delete, want %d", len(v.in.Sections), n)
	}
}

// Export… asks for a file and writes the study off the UI goroutine, in
// the format the name's extension picks (every format: cmd's study export
// test; the writers: internal/export).
func TestStudyExportThroughTheDialogs(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := studyArea(t, sh)
	for _, name := range []string{"study.pdf", "study.md"} {
		v.Export()
		d := uitest.TopOverlay(sh)
		uitest.EntryWithText(t, d, "Baseline").SetText(name)
		ended := make(chan struct{})
		sh.JobEnded = func() { close(ended) }
		test.Tap(uitest.ButtonIn(t, d, "Save"))
		select {
		case <-ended:
		case <-time.After(30 * time.Second):
			t.Fatal("the export did not end")
		}
		path := filepath.Join(sh.LastFolder(), name)
		if st, err := os.Stat(path); err != nil || st.Size() < 2000 {
			t.Fatalf("%s: %v", name, err)
		}
		if !uitest.TextIn(uitest.TopOverlay(sh), "The study was written to") {
			t.Fatal("the export is not reported")
		}
		sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	}
}

func TestStudyStartsFromTheOutline(t *testing.T) {
	sh := uitest.NewShell(t, false, Area())
	n, err := sh.Store().CreateNetwork(sh.Ctx(), data.Network{Name: "Cities of Tomorrow"})
	if err != nil {
		t.Fatal(err)
	}
	sh.Start(n.ID)
	v := studyArea(t, sh)
	start := uitest.ButtonIn(t, v.obj, "Start the Baseline Study from the URBACT outline")
	if len(v.in.Sections) != 0 {
		t.Fatalf("a network without a study shows %d sections", len(v.in.Sections))
	}
	test.Tap(start)
	if len(v.in.Sections) != len(outline.Default()) || v.current != 0 || v.in.Study.Title != "Baseline Study" {
		t.Fatalf("started with %d sections, current %d", len(v.in.Sections), v.current)
	}
	// The partner profiles of a network without partners say so rather than stay blank.
	v.list.Select(sectionIndex(t, v, data.SectionPartnerProfiles))
	if len(v.editor.preview.Content.(*fyne.Container).Objects) < 1 {
		t.Fatal("the generated block shows nothing at all")
	}
}

// Coming back to the study, restoring and deleting all leave the editor on
// the section the list shows (a reviewer found it kept the old one).
func TestStudyEditorFollowsReloadsRestoreAndDelete(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := studyArea(t, sh)
	v.list.Select(3)
	sh.ShowArea(1)
	sh.ShowArea(0)
	if v.current != 3 || v.editor.index != 3 {
		t.Fatalf("back in the area: current %d, editor on %d", v.current, v.editor.index)
	}
	title := v.in.Sections[3].Title
	v.move(-1)
	if v.in.Sections[2].Title != title || v.current != 2 {
		t.Fatal("moving after coming back did nothing")
	}
	// Restore while a section is open, then type: the restored text is kept.
	snap, _ := sh.Store().SnapshotStudy(sh.Ctx(), v.in.Study.ID, "Clean")
	v.editor.body.SetText("Typed after the snapshot.")
	v.editor.Save()
	v.confirmRestore(snap)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Restore"))
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	if v.editor.body.Text == "Typed after the snapshot." {
		t.Fatal("the editor still shows the text from before the restore")
	}
	v.editor.body.SetText(v.editor.body.Text + " More.")
	v.editor.Save()
	secs, _ := sh.Store().StudySections(sh.Ctx(), v.in.Study.ID)
	if strings.Contains(secs[v.current].Body, "Typed after the snapshot.") {
		t.Fatal("typing after the restore wrote the old text back")
	}
	// Delete every section: the editor empties and Compare says there is nothing.
	for len(v.in.Sections) > 0 {
		if _, err := sh.Store().DeleteSection(sh.Ctx(), v.in.Sections[0].ID); err != nil {
			t.Fatal(err)
		}
		v.in.Sections = v.in.Sections[1:]
	}
	v.load(v.in.Study.ID, 0)
	if v.editor.index != -1 || v.editor.body.Text != "" {
		t.Fatalf("the editor shows a deleted section: %d %q", v.editor.index, v.editor.body.Text)
	}
	v.showCompare(nil)
	if !uitest.TextIn(uitest.TopOverlay(sh), "no section") {
		t.Fatal("Compare on an empty study did not say so")
	}
}
