// Package surveys is the Surveys area: the network's surveys with their
// results, the import of survey exports (preview, re-import check,
// progress), the question editor for surveys run live, the results'
// slides and exports, and drafting learning needs from answers.
package surveys

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Area is the surveys screen; "Import survey…" (Ctrl+U) in the File menu
// and a survey file dropped on the screen come in here.
func Area() shell.Area {
	return shell.Area{ID: "surveys", Title: "Surveys", Icon: theme.QuestionIcon(),
		Build: func(sh *shell.Shell) shell.View { return newSurveysView(sh) },
		Commands: []shell.Command{{Label: "Import survey…", Shortcut: fyne.KeyU, Run: func(v shell.View) {
			if sv, ok := v.(*surveysView); ok {
				sv.startImport()
			}
		}}},
	}
}

// importExtensions are the files the survey import reads.
var importExtensions = []string{".csv", ".tsv", ".txt", ".xlsx"}

// surveysView lists the network's surveys and shows the selected one's
// results; surveys come in through the import (Ctrl+U).
type surveysView struct {
	sh       *shell.Shell
	surveys  []data.Survey
	list     *widget.List
	empty    *widget.Label
	results  *surveyResults
	selected string
	obj      fyne.CanvasObject
	editor   *questionEditor   // the question editor while it is open
	imported func(data.Survey) // called when an import has been shown (tests wait for it)
	// importProgress runs on the import's goroutine at each progress
	// report (tests hold the import there).
	importProgress func()
}

func newSurveysView(sh *shell.Shell) *surveysView {
	v := &surveysView{sh: sh}
	v.empty = widget.NewLabel("No surveys yet.\nImport an export from Mentimeter, Google Forms,\nMicrosoft Forms or SurveyMonkey (Ctrl+U),\nor write the questions of a new one to run live.")
	v.empty.Alignment = fyne.TextAlignCenter
	v.list = widget.NewList(func() int { return len(v.surveys) }, widgets.NewPartnerRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		sv := v.surveys[i]
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(sv.Title)
		line := respondentsShort(sv) + " · " + survey.FormatName(sv.Format)
		if sv.SourceFile != "" { // a survey written here and run live has none: no dangling " · "
			line += " · " + sv.SourceFile
		}
		box.Objects[1].(*widget.Label).SetText(line)
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.selected = v.surveys[i].ID
		v.results.show(v.surveys[i])
	}
	v.results = newSurveyResults(sh)
	imp := widgets.NewButtonWithIcon("Import…", theme.DownloadIcon(), v.startImport)
	imp.Importance = widget.HighImportance
	del := widgets.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.DeleteSelected)
	add := widgets.NewButtonWithIcon("New…", theme.ContentAddIcon(), v.New)
	v.results.editQuestions = v.editQuestions
	left := container.NewBorder(nil, container.NewHBox(del, layout.NewSpacer(), add, imp), nil, nil, container.NewStack(v.list, container.NewCenter(v.empty)))
	split := container.NewHSplit(left, v.results.obj)
	split.Offset = 0.3
	v.obj = split
	v.Reload()
	return v
}

func (v *surveysView) Object() fyne.CanvasObject { return v.obj }

// Export asks where to export the survey on screen (Ctrl+Shift+E).
func (v *surveysView) Export() { v.results.exportDialog(0) }

// Present shows the survey's results full screen (F11).
func (v *surveysView) Present() { v.results.present() }

// Drop imports a survey file dropped on the screen; other files are left
// to the area that takes drops.
func (v *surveysView) Drop(path string) bool {
	if !slices.Contains(importExtensions, strings.ToLower(filepath.Ext(path))) {
		return false
	}
	v.importPath(path)
	return true
}

func (v *surveysView) Reload() {
	svs, err := v.sh.Store().Surveys(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
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
			v.list.UnselectAll() // selected afresh: the survey may have changed (questions, votes)
			v.list.Select(i)
			return
		}
	}
	v.list.UnselectAll()
	v.results.clear()
}

// DeleteSelected asks to delete the selected survey (Ctrl+Delete).
func (v *surveysView) DeleteSelected() {
	var sv data.Survey
	for _, s := range v.surveys {
		if s.ID == v.selected {
			sv = s
		}
	}
	if sv.ID == "" {
		return
	}
	v.sh.ConfirmDelete("Delete survey", fmt.Sprintf("Delete %s with its %d respondents' answers?", sv.Title, sv.Respondents), "survey ‘"+sv.Title+"’",
		func() (string, error) { return v.deleteSurvey(sv.ID) },
		func() { v.selected = ""; v.Reload() })
}

// deleteSurvey moves a survey to the trash and hands back the entry.
func (v *surveysView) deleteSurvey(id string) (trashID string, err error) {
	err = v.sh.Store().Update(v.sh.Ctx(), func(tx *data.Tx) error {
		trashID, err = tx.DeleteSurvey(id)
		return err
	})
	return trashID, err
}

// didImport records an import for undo; one that replaced the survey oldID
// (oldTrash, its trash entry) is undone by putting the older one back.
func (v *surveysView) didImport(sv data.Survey, oldID, oldTrash string) {
	name := "import survey ‘" + sv.Title + "’"
	if oldTrash == "" {
		v.didAdd(name, sv)
		return
	}
	var newTrash string
	store, ctx := v.sh.Store(), v.sh.Ctx()
	v.sh.Did(name, func() error {
		var err error
		if newTrash, err = v.deleteSurvey(sv.ID); err != nil {
			return err
		}
		_, err = store.RestoreTrash(ctx, oldTrash)
		return err
	}, func() error {
		var err error
		if oldTrash, err = v.deleteSurvey(oldID); err != nil {
			return err
		}
		_, err = store.RestoreTrash(ctx, newTrash)
		return err
	})
}

// didAdd records a survey the user made (new, imported) for undo: undo
// moves it to the trash, redo restores it (same id, answers and all).
func (v *surveysView) didAdd(name string, sv data.Survey) {
	v.sh.Added(name, func() (string, error) { return v.deleteSurvey(sv.ID) })
}

// respondentsShort says how many answered a survey, in a line short
// enough for the list and the results' heading: "at least N respondents
// (counts only)" for a file without voters' rows.
func respondentsShort(sv data.Survey) string {
	if sv.CountsOnly {
		return fmt.Sprintf("at least %d respondents (counts only)", sv.Respondents)
	}
	return fmt.Sprintf("%d respondents", sv.Respondents)
}
