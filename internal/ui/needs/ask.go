package needs

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

var priorityLabels = []string{"High", "Medium", "Low"} // data.PriorityHigh … PriorityLow

// Preset is what the learning-need dialog starts from; Need carries where
// the need comes from (typed, or a survey's question and answers).
type Preset struct {
	Title, PartnerID, Text string
	Need                   data.LearningNeed
}

// Ask asks for a learning need — partner, sub-theme (guessed from the
// text), the need, priority, and whether to mark the knowledge need in the
// matrix — and stores it; saved runs afterwards (may be nil). The surveys
// area asks through it too.
func Ask(sh *shell.Shell, pre Preset, saved func()) {
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
	if name := widgets.PartnerNameMap(partners)[pre.PartnerID]; name != "" {
		partner.SetSelected(name)
	}
	sub := widget.NewSelect(subLabels, nil)
	if id := survey.GuessSubTheme(pre.Text, themes); id != "" {
		sub.SetSelected(subByID[id])
	}
	text := widgets.NewMultiLineEntry()
	text.SetText(pre.Text)
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(4)
	text.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("write the learning need")
		}
		return nil
	}
	priority := widget.NewRadioGroup(priorityLabels, nil)
	priority.Horizontal = true
	priority.SetSelected(priorityLabels[1])
	priority.Required = true
	mark := widget.NewCheck("Mark the knowledge need in the matrix", nil)
	mark.SetChecked(true)
	startPartner, startSub := partner.Selected, sub.Selected

	sh.ShowForm(shell.Form{
		Title: pre.Title, Confirm: "Save learning need", Size: fyne.NewSize(640, 420),
		Items: []*widget.FormItem{widget.NewFormItem("Partner", partner), widget.NewFormItem("Sub-theme", sub),
			widget.NewFormItem("Learning need", text), widget.NewFormItem("Priority", priority), widget.NewFormItem("", mark)},
		Changed: func() bool {
			return text.Text != pre.Text || partner.Selected != startPartner || sub.Selected != startSub
		},
		OnConfirm: func() bool {
			if partner.Selected == "" || sub.Selected == "" {
				sh.ShowMessage("Not complete yet", "Choose the partner and the sub-theme the learning need is about.")
				return false
			}
			need := pre.Need
			need.NetworkID, need.PartnerID = sh.Network().ID, partners[slices.Index(partnerNames, partner.Selected)].ID
			need.SubThemeID, need.Text = subIDs[slices.Index(subLabels, sub.Selected)], text.Text
			need.Priority = slices.Index(priorityLabels, priority.Selected) + 1
			if !create(sh, need, mark.Checked) {
				return false
			}
			sh.ReloadAll() // the matrix shows the new knowledge need
			msg := fmt.Sprintf("Saved for %s on %s.", partner.Selected, sub.Selected)
			if mark.Checked {
				msg += " The matrix shows the knowledge need."
			}
			sh.ShowMessage("Learning need saved", msg) // stays when the form closes
			if saved != nil {
				saved()
			}
			return true
		},
	})
}

// create stores the need and records its undo: the need goes and the
// matrix cell it marked is put back as it was.
func create(sh *shell.Shell, need data.LearningNeed, mark bool) bool {
	ctx, s := sh.Ctx(), sh.Store()
	before, had, err := cellOf(sh, need.PartnerID, need.SubThemeID)
	if err != nil {
		sh.ShowError(err)
		return false
	}
	stored, err := s.CreateLearningNeed(ctx, need, mark)
	if err != nil {
		sh.ShowError(err)
		return false
	}
	undo := func() error {
		if _, err := s.DeleteLearningNeed(ctx, stored.ID); err != nil {
			return err
		}
		switch {
		case !mark:
			return nil
		case had:
			_, err := s.SetMatrixCell(ctx, before)
			return err
		}
		return s.DeleteMatrixCell(ctx, need.PartnerID, need.SubThemeID)
	}
	redo := func() error {
		var err error
		stored, err = s.CreateLearningNeed(ctx, need, mark) // a new id: the next undo removes this one
		return err
	}
	sh.Did("add learning need ‘"+widgets.Truncate(need.Text, 40)+"’", undo, redo)
	return true
}

// cellOf is the matrix cell of a partner and sub-theme as stored; had is
// false when the cell is empty.
func cellOf(sh *shell.Shell, partnerID, subThemeID string) (cell data.MatrixCell, had bool, err error) {
	cells, err := sh.Store().MatrixCells(sh.Ctx(), sh.Network().ID)
	if err != nil {
		return cell, false, err
	}
	for _, c := range cells {
		if c.PartnerID == partnerID && c.SubThemeID == subThemeID {
			return c, true, nil
		}
	}
	return cell, false, nil
}
