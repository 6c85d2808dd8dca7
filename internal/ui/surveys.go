package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// surveysView lists the network's surveys and shows the selected one's
// results; surveys come in through the import (Ctrl+U).
type surveysView struct {
	sh       *Shell
	surveys  []data.Survey
	list     *widget.List
	empty    *widget.Label
	results  *surveyResults
	selected string
	obj      fyne.CanvasObject
	imported func(data.Survey) // called when an import has been shown (tests wait for it)
}

func newSurveysView(sh *Shell) *surveysView {
	v := &surveysView{sh: sh}
	v.empty = widget.NewLabel("No surveys yet.\nImport an export from Mentimeter, Google Forms,\nMicrosoft Forms or SurveyMonkey (Ctrl+U),\nor write the questions of a new one to run live.")
	v.empty.Alignment = fyne.TextAlignCenter
	v.list = widget.NewList(func() int { return len(v.surveys) }, newPartnerRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		sv := v.surveys[i]
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(sv.Title)
		box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d respondents · %s · %s", sv.Respondents, survey.FormatName(sv.Format), sv.SourceFile))
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.selected = v.surveys[i].ID
		v.results.show(v.surveys[i])
	}
	v.results = newSurveyResults(sh)
	imp := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), v.startImport)
	imp.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.confirmDelete)
	add := widget.NewButtonWithIcon("New…", theme.ContentAddIcon(), v.newSurvey)
	v.results.editQuestions = v.editQuestions
	left := container.NewBorder(nil, container.NewHBox(del, layout.NewSpacer(), add, imp), nil, nil, container.NewStack(v.list, container.NewCenter(v.empty)))
	split := container.NewHSplit(left, v.results.obj)
	split.Offset = 0.3
	v.obj = split
	v.Reload()
	return v
}

func (v *surveysView) Object() fyne.CanvasObject { return v.obj }
func (v *surveysView) Leave(proceed func())      { proceed() }

func (v *surveysView) Reload() {
	svs, err := v.sh.store.Surveys(v.sh.ctx, v.sh.network.ID)
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.surveys = svs
	if len(svs) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.list.Refresh()
	v.selectID(v.selected)
}

func (v *surveysView) selectID(id string) {
	for i, sv := range v.surveys {
		if sv.ID == id {
			v.list.Select(i)
			return
		}
	}
	v.list.UnselectAll()
	v.results.clear()
}

func (v *surveysView) confirmDelete() {
	var sv data.Survey
	for _, s := range v.surveys {
		if s.ID == v.selected {
			sv = s
		}
	}
	if sv.ID == "" {
		return
	}
	v.sh.confirmDelete("Delete survey", fmt.Sprintf("Delete %s with its %d respondents' answers? This cannot be undone (a backup can bring it back).", sv.Title, sv.Respondents),
		func() error {
			return v.sh.store.Update(v.sh.ctx, func(tx *data.Tx) error { _, err := tx.DeleteSurvey(sv.ID); return err })
		},
		func() { v.selected = ""; v.Reload() })
}
