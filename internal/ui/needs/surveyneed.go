package needs

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

var priorityLabels = []string{"High", "Medium", "Low"} // data.PriorityHigh … PriorityLow

// needSource is what a learning need is made from: a whole question, or
// some of its answers.
type needSource struct {
	q           survey.QuestionResult
	text        string
	partnerID   string
	respondents []int
}

// askLearningNeed turns survey answers into a learning need for a partner
// and sub-theme, optionally marking the knowledge need in the matrix.
func (r *surveyResults) askLearningNeed(src needSource) {
	partnerID := src.partnerID
	if partnerID == "" {
		partnerID = r.partnerID()
	}
	r.sh.askNeed(needPreset{
		title: "New learning need — from " + widgets.Truncate(src.q.Prompt, 50), partnerID: partnerID, text: src.text,
		need: data.LearningNeed{Source: data.NeedSurvey, SurveyID: r.sv.ID, QuestionID: src.q.ID, Respondents: joinInts(src.respondents)},
	}, nil)
}

// needPreset is what the learning-need dialog starts from; need carries
// where the need comes from.
type needPreset struct {
	title, partnerID, text string
	need                   data.LearningNeed
}

// askNeed asks for a learning need — partner, sub-theme (guessed from the
// text), the need, priority, and whether to mark the knowledge need in the
// matrix — and stores it; saved runs afterwards.
func (sh *shell.Shell) askNeed(pre needPreset, saved func()) {
	themes, err := sh.Store().Themes(sh.Ctx(), sh.Network().ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	partners, err := sh.Store().Partners(sh.Ctx(), sh.Network().ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	var subLabels, subIDs []string
	subByID := map[string]string{}
	for _, th := range themes {
		for _, st := range th.SubThemes {
			label := st.Label()
			subLabels, subIDs = append(subLabels, label), append(subIDs, st.ID)
			subByID[st.ID] = label
		}
	}
	if len(partners) == 0 || len(subLabels) == 0 {
		sh.ShowMessage("No partners or sub-themes yet", "A learning need belongs to a partner and a sub-theme: add them on the Partners and Themes screens first.")
		return
	}
	partnerNames := widgets.PartnerNamesOf(partners)
	partner := widget.NewSelect(partnerNames, nil)
	if name := widgets.PartnerNameMap(partners)[pre.partnerID]; name != "" {
		partner.SetSelected(name)
	}
	sub := widget.NewSelect(subLabels, nil)
	if id := survey.GuessSubTheme(pre.text, themes); id != "" {
		sub.SetSelected(subByID[id])
	}
	text := widget.NewMultiLineEntry()
	text.SetText(pre.text)
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(4)
	priority := widget.NewRadioGroup(priorityLabels, nil)
	priority.Horizontal = true
	priority.SetSelected(priorityLabels[1])
	priority.Required = true
	mark := widget.NewCheck("Mark the knowledge need in the matrix", nil)
	mark.SetChecked(true)

	var d *dialog.CustomDialog
	save := widget.NewButton("Save learning need", nil)
	save.Importance = widget.HighImportance
	check := func() {
		if partner.Selected == "" || sub.Selected == "" || strings.TrimSpace(text.Text) == "" {
			save.Disable()
		} else {
			save.Enable()
		}
	}
	partner.OnChanged, sub.OnChanged, text.OnChanged = func(string) { check() }, func(string) { check() }, func(string) { check() }
	check()
	save.OnTapped = func() {
		need := pre.need
		need.NetworkID, need.PartnerID = sh.Network().ID, partners[indexOf(partnerNames, partner.Selected)].ID
		need.SubThemeID, need.Text = subIDs[indexOf(subLabels, sub.Selected)], text.Text
		need.Priority = indexOf(priorityLabels, priority.Selected) + 1
		if _, err := sh.Store().CreateLearningNeed(sh.Ctx(), need, mark.Checked); err != nil {
			sh.ShowError(err)
			return
		}
		d.Hide()
		sh.ReloadAll() // the matrix shows the new knowledge need
		msg := fmt.Sprintf("Saved for %s on %s.", partner.Selected, sub.Selected)
		if mark.Checked {
			msg += " The matrix shows the knowledge need."
		}
		sh.ShowMessage("Learning need saved", msg)
		if saved != nil {
			saved()
		}
	}
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	form := widget.NewForm(widget.NewFormItem("Partner", partner), widget.NewFormItem("Sub-theme", sub),
		widget.NewFormItem("Learning need", text), widget.NewFormItem("Priority", priority), widget.NewFormItem("", mark))
	d = dialog.NewCustomWithoutButtons(pre.title, form, sh.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, save})
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, ",")
}
