package surveys

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// importAs are the choices for a row of the import preview: a question
// kind, or what a column that is no question holds.
var importAs = []struct{ label, kind, role string }{
	{"Single choice", data.KindSingleChoice, ""}, {"Multiple choice", data.KindMultipleChoice, ""}, {"Scales", data.KindScales, ""},
	{"Word cloud", data.KindWordCloud, ""}, {"Open text", data.KindOpenEnded, ""}, {"Ranking", data.KindRanking, ""},
	{"100 points", data.KindPoints, ""}, {"Q&A", data.KindQA, ""},
	{"Ignore", "", survey.RoleIgnore}, {"Timestamp", "", survey.RoleTimestamp}, {"E-mail", "", survey.RoleEmail},
	{"Partner (city)", "", survey.RolePartner},
}

func importAsLabels() []string {
	out := make([]string, len(importAs))
	for i, a := range importAs {
		out[i] = a.label
	}
	return out
}

func importAsLabel(ch survey.Choice) string {
	for _, a := range importAs {
		if ch.Kind != "" && a.kind == ch.Kind || ch.Kind == "" && a.role == ch.Role && a.role != "" {
			return a.label
		}
	}
	return "Ignore"
}

// autoEncoding is the encoding choice that lets the import detect it.
const autoEncoding = "Detect"

// preview shows what the file holds — format, how it is read, respondents,
// every question and column with example answers and what it will be
// imported as — lets the user change any of it, and imports.
func (v *surveysView) preview(path, replace string) {
	v.previewWith(path, replace, survey.Options{})
}

func (v *surveysView) previewWith(path, replace string, opt survey.Options) {
	plan, src, sample, err := survey.Preview(v.sh.Ctx(), v.sh.Store(), v.sh.Network().ID, path, opt)
	if err != nil {
		v.sh.ShowMessage("Cannot import this file", err.Error())
		return
	}
	if err := src.Close(); err != nil {
		v.sh.ShowError(err)
		return
	}
	title, meeting, err := v.titleAndMeeting(path)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	respondents := fmt.Sprintf("%d respondents", countAnswered(sample.Rows))
	switch {
	case plan.CountsOnly:
		respondents = survey.RespondentsText(plan.LeastRespondents(opt.Session), true)
	case !sample.Complete:
		respondents = fmt.Sprintf("more than %d respondents (all are counted on import)", len(sample.Rows))
	}
	info := widget.NewLabel(fmt.Sprintf("%s — %s export read as %s: %s, %d questions. Kinds are guessed from the first rows; change any that is wrong.",
		filepath.Base(path), survey.FormatName(plan.Format), sample.Reading, respondents, len(plan.Questions)))
	info.Wrapping = fyne.TextWrapWord

	choices := plan.Choices()
	rows, why, chosen := previewList(plan, sample, choices, v.sh.Window().Canvas().Unfocus)
	var d *dialog.CustomDialog
	form := widget.NewForm(widget.NewFormItem("Title", title), widget.NewFormItem("Meeting", meeting.sel))
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") { // a CSV's encoding can be chosen when the detection is wrong
		enc := widget.NewSelect(append([]string{autoEncoding}, encodingNames()...), nil)
		enc.SetSelected(autoEncoding)
		if opt.Encoding != "" {
			enc.SetSelected(string(opt.Encoding))
		}
		enc.OnChanged = func(choice string) {
			d.Hide()
			next := opt
			next.Encoding = ""
			if choice != autoEncoding {
				next.Encoding = tabular.Encoding(choice)
			}
			v.previewWith(path, replace, next)
		}
		form.Append("Encoding", enc)
	}
	session := sessionChoice(plan, opt.Session)
	if session != nil {
		form.Append("Sessions", session)
	}
	top := container.NewVBox(info, form)
	if notes := mentiNotes(plan); notes != "" {
		l := widget.NewLabel(notes)
		l.Wrapping = fyne.TextWrapWord
		top.Add(l)
	}
	body := container.NewBorder(top, why, nil, nil, rows)
	doImport := func() {
		for i, label := range chosen {
			for _, a := range importAs {
				if a.label == label {
					choices[i].Kind, choices[i].Role = a.kind, a.role
				}
			}
		}
		if title.Validate() != nil {
			v.sh.ShowMessage("Name the survey", "Type the survey's title: phones and the presenter show it.")
			return
		}
		final, err := plan.Apply(choices, sample)
		if err != nil {
			v.sh.ShowMessage("Check the columns", err.Error())
			return
		}
		d.Hide()
		run := opt
		run.Title, run.MeetingID, run.Plan, run.Replace = strings.TrimSpace(title.Text), meeting.id(), &final, replace
		if session != nil {
			run.Session = sessionValue(session.Selected)
		}
		v.runImport(path, run)
	}
	importBtn := widgets.NewButton("Import", doImport)
	importBtn.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Import survey — preview", body, v.sh.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, importBtn})
	d.Resize(previewSize(v.sh.Window().Canvas().Size()))
	d.Show()
	v.sh.Keys(shell.DialogKeys{Escape: d.Hide, Enter: doImport}) // nothing is stored yet: Escape just closes
	shell.SubmitOnEnter(doImport, title)
	widgets.FocusSelected(v.sh.Window().Canvas(), title) // the file name is a proposal: typing replaces it
}

// previewSize gives the preview the window's room (less a margin), at
// least the larger dialogs' size: its list of questions is what the user
// checks, and at 1366×768 the standard size left it a quarter of the screen.
func previewSize(window fyne.Size) fyne.Size {
	const margin = 40
	return fyne.NewSize(max(widgets.DialogSize.Width, min(window.Width-margin, 1200)), max(widgets.DialogSize.Height, window.Height-margin))
}

func encodingNames() []string {
	out := make([]string, len(tabular.Encodings))
	for i, e := range tabular.Encodings {
		out[i] = string(e)
	}
	return out
}

// previewLabel names a row: the question with its number, or the column.
func previewLabel(p survey.Plan, s *survey.Sample, ch survey.Choice) string {
	if ch.Question >= 0 {
		return fmt.Sprintf("%d. %s", ch.Question+1, p.Questions[ch.Question].Prompt)
	}
	return "Column " + tabular.ColumnLetters(ch.Column+1) + ": " + p.Columns[ch.Column].Header
}

// previewExamples are a few answers of a row (the statements of a grid).
func previewExamples(p survey.Plan, s *survey.Sample, ch survey.Choice) []string {
	if ch.Question < 0 {
		return s.ColumnExamples(ch.Column, 3)
	}
	if q := p.Questions[ch.Question]; len(q.Statements) > 1 {
		return append([]string{fmt.Sprintf("%d rows:", len(q.Statements))}, q.Statements...)
	}
	return s.Examples(p, ch.Question, 3)
}

// previewList lists the preview's rows — label and example answers on the
// left, what to import it as on the right, why on a line of its own — in a
// list that draws only the rows on screen, whatever their number (a row
// per column laid out at once froze the window on a file of 100,000
// columns). The full rule of the row selected is told below the list.
// chosen holds each row's choice as the user leaves it. A selected row
// gives the focus up (unfocus), so that Escape and Enter still reach the dialog.
func previewList(plan survey.Plan, sample *survey.Sample, choices []survey.Choice, unfocus func()) (list *widget.List, why *widget.Label, chosen []string) {
	chosen = make([]string, len(choices))
	for i, ch := range choices {
		chosen[i] = importAsLabel(ch)
	}
	why = widget.NewLabel("Select a row to read in full why its kind was guessed.")
	why.Wrapping = fyne.TextWrapWord
	list = widget.NewList(func() int { return len(choices) }, newPreviewRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		r := o.(*previewRow)
		ch := choices[i]
		r.label.SetText(previewLabel(plan, sample, ch))
		text := "no answers in the first rows"
		if ex := previewExamples(plan, sample, ch); len(ex) > 0 {
			text = "e.g. " + strings.Join(ex, " · ")
		}
		r.examples.SetText(text)
		r.rule.SetText("")
		if rule := previewRule(plan, ch); rule != "" {
			r.rule.SetText("Why: " + rule)
		}
		r.as.OnChanged = nil // the row is reused: its choice is the one of row i
		r.as.SetSelected(chosen[i])
		r.as.OnChanged = func(label string) { chosen[i] = label }
	})
	list.OnSelected = func(i widget.ListItemID) {
		unfocus()
		if rule := previewRule(plan, choices[i]); rule != "" {
			why.SetText(previewLabel(plan, sample, choices[i]) + " — why: " + rule)
		} else {
			why.SetText(previewLabel(plan, sample, choices[i]))
		}
	}
	return list, why, chosen
}

// previewRow is one row of the preview list.
type previewRow struct {
	widget.BaseWidget
	label, examples, rule *widget.Label
	as                    *widget.Select
}

func newPreviewRow() fyne.CanvasObject {
	r := &previewRow{label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		examples: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}), rule: widget.NewLabel(""),
		as: widget.NewSelect(importAsLabels(), nil)}
	for _, l := range []*widget.Label{r.label, r.examples, r.rule} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *previewRow) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), r.label, r.examples, r.rule) // three lines, close together
	return widget.NewSimpleRenderer(container.NewBorder(nil, widget.NewSeparator(), nil,
		container.NewCenter(container.NewGridWrap(fyne.NewSize(190, r.as.MinSize().Height), r.as)), lines))
}

// countAnswered counts the rows that hold anything.
func countAnswered(rows [][]string) int {
	n := 0
	for _, r := range rows {
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				n++
				break
			}
		}
	}
	return n
}
