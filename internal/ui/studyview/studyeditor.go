package studyview

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// autosaveDelay is how long typing pauses before a section is saved.
const autosaveDelay = 800 * time.Millisecond

// sectionEditor edits one section: title, level, status and Markdown text
// beside a live preview of the section as it will print; it saves itself
// a moment after typing stops, and whenever the user moves on.
type sectionEditor struct {
	sh      *shell.Shell
	in      study.Inputs
	index   int
	sec     data.Section // as last saved
	title   *widget.Entry
	level   *widget.Select
	status  *widget.Select
	body    *widget.Entry
	words   *widget.Label
	preview *container.Scroll
	timer   func() // stops the pending autosave; nil when none waits
	loading bool   // the fields are being filled, not typed in
	saved   func(data.Section)
	obj     fyne.CanvasObject
}

var levelLabels = []string{"Chapter", "Section"}

func newSectionEditor(sh *shell.Shell, saved func(data.Section)) *sectionEditor {
	e := &sectionEditor{sh: sh, index: -1, saved: saved}
	e.title, e.body = widget.NewEntry(), widget.NewMultiLineEntry()
	e.body.Wrapping = fyne.TextWrapWord
	e.body.SetPlaceHolder("Write in Markdown: **bold**, *italic*, - lists, ## headings. The preview shows it as it will print.")
	e.level = widget.NewSelect(levelLabels, func(string) { e.changed() })
	e.status = widget.NewSelect(sectionStatuses.Labels(), func(string) { e.changed() })
	e.title.OnChanged = func(string) { e.changed() }
	e.body.OnChanged = func(string) { e.changed() }
	e.words = widget.NewLabel("")
	e.words.Truncation = fyne.TextTruncateEllipsis
	e.preview = widgets.Scroll(container.NewVBox()) // both ways: a wide table must not widen the window
	head := container.NewBorder(nil, nil, nil, container.NewHBox(e.level, e.status), e.title)
	split := container.NewHSplit(container.NewBorder(nil, e.words, nil, nil, e.body), container.NewPadded(e.preview))
	split.Offset = 0.42
	e.obj = container.NewBorder(head, nil, nil, nil, split)
	return e
}

// show fills the fields with section i of in.
func (e *sectionEditor) show(in study.Inputs, i int) {
	e.stopTimer() // a pending autosave belongs to the section shown before
	e.in, e.index = in, i
	if i < 0 || i >= len(in.Sections) { // nothing to edit: clear the fields
		e.index, e.sec = -1, data.Section{}
		e.loading = true
		e.title.SetText("")
		e.body.SetText("")
		e.loading = false
		e.words.SetText("No section: add one with Add section…")
		widgets.SetScrolled(e.preview, container.NewVBox())
		return
	}
	e.sec = in.Sections[i]
	e.loading = true
	e.title.SetText(e.sec.Title)
	e.level.SetSelected(levelLabels[min(max(e.sec.Level-1, 0), 1)])
	e.status.SetSelected(sectionStatuses.Label(e.sec.Status))
	e.body.SetText(e.sec.Body)
	e.loading = false
	e.refreshPreview()
	e.words.SetText(e.wordLine("saved"))
}

// form is the section as the fields show it.
func (e *sectionEditor) form() data.Section {
	sec := e.sec
	sec.Title, sec.Body = e.title.Text, e.body.Text
	sec.Level = 1
	if e.level.Selected == "Section" {
		sec.Level = 2
	}
	sec.Status = sectionStatuses.Value(e.status.Selected)
	return sec
}

func (e *sectionEditor) wordLine(state string) string {
	what := "words"
	if e.sec.Kind != data.SectionText {
		what = "words of introduction; the block below is made from the app's data"
	}
	return fmt.Sprintf("%d %s · %s", study.WordCount(e.body.Text), what, state)
}

// changed redraws the preview and saves once typing pauses.
func (e *sectionEditor) changed() {
	if e.loading || e.index < 0 {
		return
	}
	e.refreshPreview()
	e.words.SetText(e.wordLine("not saved yet"))
	e.stopTimer()
	e.timer = e.sh.After(autosaveDelay, func() { e.timer = nil; e.Save() })
}

// Unsaved names the section when typing could not be stored. Typing not
// yet autosaved is stored now, as the timer would a moment later: leaving
// the study never asks about text that can simply be saved; only a failed
// save keeps the user (with the text on screen) and asks.
func (e *sectionEditor) Unsaved() string {
	if err := e.Flush(); err != nil {
		return "the section ‘" + e.sec.Title + "’ (it could not be saved: " + err.Error() + ")"
	}
	return ""
}

// Save stores the section now if it changed; a failure is shown and the
// text stays on screen.
func (e *sectionEditor) Save() bool {
	if err := e.Flush(); err != nil {
		e.sh.ShowError(err)
		return false
	}
	return true
}

// Discard shows the section as last stored.
func (e *sectionEditor) Discard() {
	e.stopTimer()
	e.show(e.in, e.index)
}

func (e *sectionEditor) stopTimer() {
	if e.timer != nil {
		e.timer()
		e.timer = nil
	}
}

// Flush stores the section now if it changed, without asking: the autosave
// timer is stopped, so nothing typed waits for it when the app stops. Each
// stored change is one undo step (autosaves are not merged: a step is what
// was typed before a pause). An empty title is not saved: the last one
// stays until the user writes another.
func (e *sectionEditor) Flush() error {
	e.stopTimer()
	if e.index < 0 {
		return nil
	}
	before, sec := e.sec, e.form()
	if sec == before {
		return nil
	}
	if strings.TrimSpace(sec.Title) == "" {
		sec.Title = before.Title
	}
	st, ctx := e.sh.Store(), e.sh.Ctx()
	if err := st.SaveSection(ctx, sec); err != nil {
		return err
	}
	// The autosaves of one section while it is typed are one undo step.
	e.sh.DidMerging("section "+sec.ID, "edit section ‘"+sec.Title+"’", func() error { return st.SaveSection(ctx, before) },
		func() error { return st.SaveSection(ctx, sec) })
	e.sec = sec
	e.in.Sections[e.index] = sec
	e.words.SetText(e.wordLine("saved " + time.Now().Format("15:04")))
	e.saved(sec)
	return nil
}

// refreshPreview draws the section as it will print, its generated block
// included (made afresh from the data).
func (e *sectionEditor) refreshPreview() {
	in := e.in
	in.Sections = append([]data.Section(nil), e.in.Sections...)
	in.Sections[e.index] = e.form()
	widgets.SetScrolled(e.preview, widgets.DocView(study.SectionBlocks(in, e.index)))
}
