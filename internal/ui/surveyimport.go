package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// Kind choices in the import preview; "Ignore" leaves a question out.
var kindChoices = []struct{ label, kind string }{
	{"Single choice", data.KindSingleChoice}, {"Multiple choice", data.KindMultipleChoice}, {"Scales", data.KindScales},
	{"Word cloud", data.KindWordCloud}, {"Open text", data.KindOpenEnded}, {"Ranking", data.KindRanking}, {"100 points", data.KindPoints},
	{"Q&A", data.KindQA}, {"Ignore", ""},
}

const noPartnerColumn = "— none —"

// startImport asks for a survey export and walks through the import.
func (v *surveysView) startImport() {
	v.sh.pickFile([]string{".csv", ".tsv", ".txt", ".xlsx"}, v.importPath)
}

// importPath checks for a re-import, then shows the preview; a question
// template makes a survey without answers at once.
func (v *surveysView) importPath(path string) {
	if survey.IsTemplateFile(path) {
		sv, err := survey.ImportTemplate(v.sh.ctx, v.sh.store, v.sh.network.ID, path, "")
		if err != nil {
			showMessage(v.sh.win, "Nothing was imported", err.Error())
			return
		}
		v.selected = sv.ID
		v.Reload()
		return
	}
	hash, err := survey.HashFile(path)
	if err != nil {
		v.sh.showError(err)
		return
	}
	same, err := v.sh.store.SurveysWithHash(v.sh.ctx, v.sh.network.ID, hash)
	if err != nil || len(same) == 0 {
		v.preview(path, "")
		return
	}
	var d *dialog.CustomDialog
	replace := widget.NewButton("Replace it", func() { d.Hide(); v.preview(path, same[0].ID) })
	both := widget.NewButton("Keep both", func() { d.Hide(); v.preview(path, "") })
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Imported before", widget.NewLabel(fmt.Sprintf("%s was imported before as %q.", filepath.Base(path), same[0].Title)), v.sh.win)
	d.SetButtons([]fyne.CanvasObject{cancel, both, replace})
	d.Show()
}

// preview shows what the file holds, lets the user fix question kinds and
// the partner column, and imports.
func (v *surveysView) preview(path, replace string) {
	plan, src, sample, err := survey.Preview(v.sh.ctx, v.sh.store, v.sh.network.ID, path, survey.Options{})
	if err != nil {
		showMessage(v.sh.win, "Cannot import this file", err.Error())
		return
	}
	src.Close()
	title := widget.NewEntry()
	title.SetText(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	respondents := fmt.Sprintf("%d respondents", countAnswered(sample.Rows))
	if !sample.Complete {
		respondents = fmt.Sprintf("more than %d respondents (all are counted on import)", len(sample.Rows))
	}
	info := widget.NewLabel(fmt.Sprintf("%s — %s export read as %s: %s, %d questions. Kinds are guessed from the first rows; change any that is wrong.",
		filepath.Base(path), survey.FormatName(plan.Format), sample.Reading, respondents, len(plan.Questions)))
	info.Wrapping = fyne.TextWrapWord
	kinds := make([]*widget.Select, len(plan.Questions))
	grid := container.NewVBox()
	labels := make([]string, len(kindChoices))
	for i, k := range kindChoices {
		labels[i] = k.label
	}
	for i, q := range plan.Questions {
		sel := widget.NewSelect(labels, nil)
		for _, k := range kindChoices {
			if k.kind == q.Kind {
				sel.SetSelected(k.label)
			}
		}
		kinds[i] = sel
		examples := sample.Examples(plan, i, 3)
		if len(q.Statements) > 1 { // a grid: its rows say more than its numbers
			examples = append([]string{fmt.Sprintf("%d rows:", len(q.Statements))}, q.Statements...)
		}
		grid.Add(previewRow(fmt.Sprintf("%d. %s", i+1, q.Prompt), examples, sel))
	}
	headers := []string{noPartnerColumn}
	partnerCol := noPartnerColumn
	for _, c := range plan.Columns {
		headers = append(headers, c.Header)
		if c.Role == survey.RolePartner {
			partnerCol = c.Header
		}
	}
	partner := widget.NewSelect(headers, nil)
	partner.SetSelected(partnerCol)
	body := container.NewBorder(container.NewVBox(info, widget.NewForm(widget.NewFormItem("Title", title), widget.NewFormItem("Partner column", partner))),
		nil, nil, nil, container.NewVScroll(grid))
	d := dialog.NewCustomConfirm("Import survey — preview", "Import", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		final := adjustPlan(plan, kinds, partner.Selected)
		v.runImport(path, survey.Options{Title: strings.TrimSpace(title.Text), Plan: &final, Replace: replace})
	}, v.sh.win)
	d.Resize(dialogSize)
	d.Show()
}

// previewRow is one question of the preview: its prompt and example
// answers on the left, the kind to import it as on the right.
func previewRow(prompt string, examples []string, kind *widget.Select) fyne.CanvasObject {
	p := widget.NewLabelWithStyle(prompt, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.Truncation = fyne.TextTruncateEllipsis
	text := "no answers in the first rows"
	if len(examples) > 0 {
		text = "e.g. " + strings.Join(examples, " · ")
	}
	ex := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	ex.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(container.NewGridWrap(fyne.NewSize(190, kind.MinSize().Height), kind)),
		container.New(layout.NewCustomPaddedVBoxLayout(0), p, ex))
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

// adjustPlan applies the user's choices: kinds, left-out questions and the
// partner column.
func adjustPlan(p survey.Plan, kinds []*widget.Select, partnerHeader string) survey.Plan {
	out := survey.Plan{Format: p.Format}
	newIndex := make([]int, len(p.Questions))
	for i, q := range p.Questions {
		kind := q.Kind
		for _, k := range kindChoices {
			if k.label == kinds[i].Selected {
				kind = k.kind
			}
		}
		newIndex[i] = -1
		if kind == "" {
			continue
		}
		if kind == data.KindMultipleChoice && q.Kind != data.KindMultipleChoice && p.Format != "mentimeter" && p.Format != "surveymonkey" {
			q.Separator = ";"
		}
		switch {
		case kind == data.KindScales && len(q.Statements) == 0:
			q.Statements, q.ScaleMin, q.ScaleMax = []string{q.Prompt}, 1, 10
		case kind == data.KindPoints && len(q.Statements) == 0: // one column of points: one item
			q.Statements = []string{q.Prompt}
		case kind == data.KindRanking && len(q.Statements) == 0 && q.Separator == "":
			q.Separator = ";" // the items in order, joined like a multiple choice
		}
		q.Kind = kind
		newIndex[i] = len(out.Questions)
		out.Questions = append(out.Questions, q)
	}
	for _, c := range p.Columns {
		switch {
		case c.Header == partnerHeader && partnerHeader != noPartnerColumn:
			c.Role = survey.RolePartner
		case c.Role == survey.RolePartner:
			c.Role = survey.RoleIgnore
		case c.Role == survey.RoleQuestion && newIndex[c.Question] < 0:
			c.Role = survey.RoleIgnore
		case c.Role == survey.RoleQuestion:
			c.Question = newIndex[c.Question]
		}
		out.Columns = append(out.Columns, c)
	}
	return out
}

// runImport imports off the UI goroutine with a progress dialog that can
// cancel; a cancelled or failed import stores nothing.
func (v *surveysView) runImport(path string, opt survey.Options) {
	ctx, cancel := context.WithCancel(v.sh.ctx)
	count := widget.NewLabel("Reading…")
	bar := widget.NewProgressBar()
	stop := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons("Importing "+filepath.Base(path), container.NewVBox(bar, count), v.sh.win)
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Show()
	opt.Progress = func(n int, fraction float64) {
		fyne.Do(func() {
			count.SetText(fmt.Sprintf("%d respondents…", n))
			bar.SetValue(fraction)
		})
	}
	go func() {
		sv, report, err := survey.Import(ctx, v.sh.store, v.sh.network.ID, path, opt)
		cancel()
		fyne.Do(func() {
			d.Hide()
			switch {
			case err == context.Canceled:
				showMessage(v.sh.win, "Import cancelled", "Nothing was stored.")
			case err != nil:
				showMessage(v.sh.win, "Nothing was imported", err.Error())
			default:
				v.selected = sv.ID
				v.Reload()
				if len(report.Unmatched) > 0 {
					showMessage(v.sh.win, "Some cities are no partner", unmatchedText(report.Unmatched))
				}
			}
		})
	}()
}

// unmatchedText lists partner names the import could not match.
func unmatchedText(names []survey.NameCount) string {
	var parts []string
	for i, u := range names {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("and %d more", len(names)-10))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", u.Name, u.Count))
	}
	return "These names in the partner column match no partner of the network, so their respondents were imported without a partner: " +
		strings.Join(parts, ", ") + ". Add the partners, or correct the names in the file and import it again (Replace)."
}
