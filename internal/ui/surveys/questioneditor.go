package surveys

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// questionEditor edits a survey's questions before anyone answers them:
// the list on the left, the selected question's form on the right; the
// questions are stored together when the user saves.
type questionEditor struct {
	v        *surveysView
	sv       data.Survey
	qs       []data.Question
	loaded   []data.Question // as stored when the editor opened: what Cancel compares with and undo restores
	current  int
	list     *widget.List
	kind     *widget.Select
	prompt   *widgets.Entry
	options  *widgets.Entry
	optLabel *widget.Label
	lo, hi   *widgets.Entry
	scale    *widget.Form
	limit    *widgets.Entry
	limitFor *widget.Label
	problem  *widget.Label
	loading  bool
	dialog   *dialog.CustomDialog
}

// editQuestions opens the editor for a survey without respondents.
func (v *surveysView) editQuestions(sv data.Survey) { v.openEditor(sv) }

// openEditor opens the editor and returns it (nil when refused).
func (v *surveysView) openEditor(sv data.Survey) *questionEditor {
	if sv.Respondents > 0 {
		v.sh.ShowMessage("These questions have answers", fmt.Sprintf("%s has %d respondents, so its questions can no longer change. Create a new survey to ask other questions.", sv.Title, sv.Respondents))
		return nil
	}
	qs, err := v.sh.Store().SurveyQuestions(v.sh.Ctx(), sv.ID)
	if err != nil {
		v.sh.ShowError(err)
		return nil
	}
	e := &questionEditor{v: v, sv: sv, qs: qs, loaded: cloneQuestions(qs), current: -1}
	e.build()
	if len(qs) > 0 {
		e.list.Select(0)
	} else {
		e.showForm()
	}
	v.editor = e
	e.dialog.Show()
	v.sh.Keys(shell.DialogKeys{Escape: e.cancel, Keep: true})
	return e
}

// cloneQuestions copies questions deeply enough that editing one list
// leaves the other as it was.
func cloneQuestions(qs []data.Question) []data.Question {
	out := make([]data.Question, len(qs))
	for i, q := range qs {
		q.Options = slices.Clone(q.Options)
		out[i] = q
	}
	return out
}

// dirty tells whether the questions differ from the stored ones.
func (e *questionEditor) dirty() bool {
	return !slices.EqualFunc(e.qs, e.loaded, func(a, b data.Question) bool {
		return a.Kind == b.Kind && a.Prompt == b.Prompt && slices.Equal(a.Options, b.Options) &&
			sameInt(a.ScaleMin, b.ScaleMin) && sameInt(a.ScaleMax, b.ScaleMax)
	})
}

func sameInt(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// cancel closes the editor, after asking when it holds changes (Cancel
// and Escape).
func (e *questionEditor) cancel() {
	if !e.dirty() {
		e.close()
		return
	}
	// Escape and Enter on the question keep the editor: a stray key must not lose the work.
	e.v.sh.Ask(shell.Question{Title: "Discard your changes?", Message: "Your changes to the questions of “" + e.sv.Title + "” are not saved yet.",
		Confirm: "Discard", Dismiss: "Keep editing", NoEnter: true, OnAnswer: func(drop bool) {
			if drop {
				e.close()
			}
		}})
}

func (e *questionEditor) close() {
	e.dialog.Hide()
	e.v.editor = nil
}

func (e *questionEditor) build() {
	e.list = widget.NewList(func() int { return len(e.qs) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(fmt.Sprintf("%d. %s — %s", i+1, e.qs[i].Prompt, survey.KindLabel(e.qs[i].Kind)))
	})
	e.list.OnSelected = func(i widget.ListItemID) { e.current = i; e.showForm() }
	labels := make([]string, len(survey.KindLabels)) // the kinds the editor offers
	for i, k := range survey.KindLabels {
		labels[i] = k.Label
	}
	e.kind = widget.NewSelect(labels, func(string) { e.edited() })
	e.prompt = widgets.NewMultiLineEntry()
	e.prompt.Wrapping = fyne.TextWrapWord
	e.prompt.SetMinRowsVisible(2)
	e.options = widgets.NewMultiLineEntry()
	e.options.SetMinRowsVisible(6)
	e.optLabel = widget.NewLabel("")
	e.lo, e.hi, e.limit = widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	e.limitFor = widget.NewLabel("")
	e.problem = widget.NewLabel("")
	e.problem.Importance = widget.DangerImportance
	e.problem.Wrapping = fyne.TextWrapWord
	for _, en := range []*widgets.Entry{e.prompt, e.options, e.lo, e.hi, e.limit} {
		en.OnChanged = func(string) { e.edited() }
	}
	e.scale = widget.NewForm(widget.NewFormItem("Scale from", e.lo), widget.NewFormItem("to", e.hi))
	form := container.NewVBox(
		widget.NewForm(widget.NewFormItem("Kind", e.kind), widget.NewFormItem("Question", e.prompt)),
		e.optLabel, e.options,
		e.scale,
		container.NewBorder(nil, nil, e.limitFor, nil, e.limit),
		e.problem)
	add := widgets.NewButtonWithIcon("Add", theme.ContentAddIcon(), e.add)
	dup := widgets.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), e.duplicate)
	up := widgets.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(-1) })
	down := widgets.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(1) })
	del := widgets.NewButtonWithIcon("", theme.DeleteIcon(), e.remove)
	left := container.NewBorder(nil, container.NewHBox(add, dup, up, down, del), nil, nil, e.list)
	split := container.NewHSplit(left, widgets.VScroll(form))
	split.Offset = 0.4
	save := widgets.NewButton("Save questions", func() { e.save() })
	save.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", e.cancel)
	e.dialog = dialog.NewCustomWithoutButtons("Questions of "+e.sv.Title, split, e.v.sh.Window())
	e.dialog.SetButtons([]fyne.CanvasObject{cancel, save})
	e.dialog.Resize(fyne.NewSize(900, 600))
}

// showForm fills the form from the selected question.
func (e *questionEditor) showForm() {
	e.loading = true
	defer func() { e.loading = false; e.adaptForm() }()
	if e.current < 0 || e.current >= len(e.qs) {
		e.prompt.SetText("")
		e.options.SetText("")
		e.problem.SetText("Add the first question.")
		return
	}
	q := e.qs[e.current]
	e.kind.SetSelected(survey.KindLabel(q.Kind))
	e.prompt.SetText(q.Prompt)
	e.options.SetText(strings.Join(q.Options, "\n"))
	e.lo.SetText(intText(q.ScaleMin))
	e.hi.SetText("")
	e.limit.SetText("")
	if q.Kind == data.KindScales {
		e.hi.SetText(intText(q.ScaleMax))
	} else {
		e.limit.SetText(intText(q.ScaleMax))
	}
	e.problem.SetText(questionProblem(q))
}

func intText(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

// adaptForm shows the fields the kind needs.
func (e *questionEditor) adaptForm() {
	kind := e.selectedKind()
	show := func(o fyne.CanvasObject, on bool) {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	hasOptions := kind != data.KindWordCloud && kind != data.KindOpenEnded && kind != data.KindQA
	show(e.optLabel, hasOptions)
	show(e.options, hasOptions)
	show(e.scale, kind == data.KindScales)
	limited := kind == data.KindMultipleChoice || kind == data.KindPoints || kind == data.KindWordCloud
	show(e.limit, limited)
	show(e.limitFor, limited)
	e.optLabel.SetText(map[string]string{data.KindScales: "Statements, one per line", data.KindRanking: "Items to rank, one per line",
		data.KindPoints: "Items to share points between, one per line"}[kind])
	if e.optLabel.Text == "" {
		e.optLabel.SetText("Choices, one per line")
	}
	e.limitFor.SetText(map[string]string{data.KindMultipleChoice: "At most this many choices (empty: any)",
		data.KindPoints: "Points to share (empty: 100)", data.KindWordCloud: "Entries per person (empty: 3)"}[kind])
}

func (e *questionEditor) selectedKind() string {
	for _, k := range survey.KindLabels {
		if k.Label == e.kind.Selected {
			return k.Kind
		}
	}
	return data.KindSingleChoice
}

// edited keeps the form's values in the selected question.
func (e *questionEditor) edited() {
	if e.loading {
		return
	}
	e.adaptForm()
	if e.current < 0 || e.current >= len(e.qs) {
		return
	}
	q := &e.qs[e.current]
	if e.selectedKind() == data.KindScales && e.lo.Text == "" && e.hi.Text == "" { // a new scale starts as 1 to 5
		e.loading = true
		e.lo.SetText("1")
		e.hi.SetText("5")
		e.loading = false
	}
	q.Kind, q.Prompt = e.selectedKind(), strings.TrimSpace(e.prompt.Text)
	q.Options = survey.CleanOptions(strings.Split(e.options.Text, "\n"))
	q.ScaleMin, q.ScaleMax = nil, nil
	if q.Kind == data.KindScales {
		q.ScaleMin, q.ScaleMax = parseInt(e.lo.Text), parseInt(e.hi.Text)
	} else {
		q.ScaleMax = parseInt(e.limit.Text)
	}
	if q.Kind != data.KindSingleChoice && q.Kind != data.KindMultipleChoice && q.Kind != data.KindRanking && q.Kind != data.KindPoints && q.Kind != data.KindScales {
		q.Options = nil
	}
	e.problem.SetText(questionProblem(*q))
	e.list.RefreshItem(e.current)
}

func parseInt(s string) *int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return nil
	}
	return &n
}

// questionProblem says what keeps a question from being asked, or "".
func questionProblem(q data.Question) string {
	switch {
	case q.Prompt == "":
		return "Write the question."
	case (q.Kind == data.KindSingleChoice || q.Kind == data.KindMultipleChoice || q.Kind == data.KindRanking || q.Kind == data.KindPoints) && len(q.Options) < 2:
		return "Give at least two, one per line."
	case q.Kind == data.KindScales && len(q.Options) == 0:
		return "Give at least one statement to rate."
	case q.Kind == data.KindScales && (q.ScaleMin == nil || q.ScaleMax == nil || *q.ScaleMin >= *q.ScaleMax || *q.ScaleMax-*q.ScaleMin > 10):
		return "A scale runs from a smaller to a larger whole number, at most 10 apart (1 to 5, 0 to 10)."
	case q.Kind != data.KindScales && q.ScaleMax != nil && *q.ScaleMax < 1:
		return "The limit is a whole number from 1."
	}
	return ""
}

func (e *questionEditor) add() {
	e.qs = append(e.qs, data.Question{Kind: data.KindSingleChoice, Prompt: "New question", Options: []string{"First choice", "Second choice"}})
	e.list.Refresh()
	e.list.Select(len(e.qs) - 1)
	widgets.FocusSelected(e.v.sh.Window().Canvas(), e.prompt) // typing replaces "New question"
}

func (e *questionEditor) duplicate() {
	if e.current < 0 {
		return
	}
	q := e.qs[e.current]
	q.Options = append([]string(nil), q.Options...)
	q.Prompt += " (copy)"
	e.qs = append(e.qs[:e.current+1], append([]data.Question{q}, e.qs[e.current+1:]...)...)
	e.list.Refresh()
	e.list.Select(e.current + 1)
}

func (e *questionEditor) move(by int) {
	to := e.current + by
	if e.current < 0 || to < 0 || to >= len(e.qs) {
		return
	}
	e.qs[e.current], e.qs[to] = e.qs[to], e.qs[e.current]
	e.list.Refresh()
	e.list.Select(to)
}

func (e *questionEditor) remove() {
	if e.current < 0 {
		return
	}
	e.qs = append(e.qs[:e.current], e.qs[e.current+1:]...)
	e.list.UnselectAll()
	e.current = min(e.current, len(e.qs)-1)
	e.list.Refresh()
	if e.current >= 0 {
		e.list.Select(e.current)
	} else {
		e.showForm()
	}
}

// firstProblem names the first question that cannot be asked, or "".
func (e *questionEditor) firstProblem() (int, string) {
	for i, q := range e.qs {
		if p := questionProblem(q); p != "" {
			return i, p
		}
	}
	return -1, ""
}

// save stores the questions when every one can be asked and reports
// whether it did; the change can be undone.
func (e *questionEditor) save() bool {
	sh := e.v.sh
	if i, p := e.firstProblem(); p != "" {
		e.list.Select(i)
		sh.ShowMessage("Question "+strconv.Itoa(i+1)+" is not ready", p)
		return false
	}
	before, after := e.loaded, cloneQuestions(e.qs)
	if err := sh.Store().ReplaceQuestions(sh.Ctx(), e.sv.ID, after); err != nil {
		sh.ShowError(err)
		return false
	}
	id := e.sv.ID
	sh.Did("edit the questions of ‘"+e.sv.Title+"’",
		func() error { return sh.Store().ReplaceQuestions(sh.Ctx(), id, before) },
		func() error { return sh.Store().ReplaceQuestions(sh.Ctx(), id, after) })
	e.close()
	e.v.selected = e.sv.ID
	e.v.Reload()
	return true
}

// The surveys view holds unsaved changes while the question editor is
// open with changes: leaving the view, a reload or quitting asks first.

func (v *surveysView) Unsaved() string {
	if v.editor == nil || !v.editor.dirty() {
		return ""
	}
	return "the questions of “" + v.editor.sv.Title + "”"
}

func (v *surveysView) Save() bool {
	return v.editor == nil || v.editor.save()
}

func (v *surveysView) Discard() {
	if v.editor != nil {
		v.editor.close()
	}
}

// Flush stores the edited questions when the app stops and all of them
// can be asked; questions that cannot are reported, not stored.
func (v *surveysView) Flush() error {
	e := v.editor
	if e == nil || !e.dirty() {
		return nil
	}
	if i, p := e.firstProblem(); p != "" {
		return fmt.Errorf("the questions of %q are not stored: question %d: %s", e.sv.Title, i+1, p)
	}
	return v.sh.Store().ReplaceQuestions(v.sh.Ctx(), e.sv.ID, e.qs)
}
