package surveys

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// startImport asks for a survey export and walks through the import.
func (v *surveysView) startImport() {
	v.sh.PickFile(importExtensions, v.importPath)
}

// importPath checks for a re-import, then shows the preview; a question
// template makes a survey without answers at once.
func (v *surveysView) importPath(path string) {
	if survey.IsTemplateFile(path) {
		v.askTemplateTitle(path)
		return
	}
	hash, err := survey.HashFile(path)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	same, err := v.sh.Store().SurveysWithHash(v.sh.Ctx(), v.sh.Network().ID, hash)
	if err != nil { // not knowing is no "never imported": say so rather than import twice
		v.sh.ShowMessage("Cannot check for an earlier import", err.Error())
		return
	}
	if len(same) == 0 {
		v.preview(path, "")
		return
	}
	var d *dialog.CustomDialog
	replace := widgets.NewButton("Replace it", func() { d.Hide(); v.preview(path, same[0].ID) })
	both := widgets.NewButton("Keep both", func() { d.Hide(); v.preview(path, "") })
	cancel := widgets.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Imported before", widget.NewLabel(fmt.Sprintf("%s was imported before as %q.", filepath.Base(path), same[0].Title)), v.sh.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, both, replace})
	d.Show()
	v.sh.Keys(shell.DialogKeys{Escape: d.Hide})
}

// runImport imports off the UI goroutine with a progress dialog that can
// cancel; a cancelled or failed import stores nothing.
func (v *surveysView) runImport(path string, opt survey.Options) {
	var sv data.Survey
	var more []data.Survey // the other sessions, when each session is its own survey
	var report survey.Report
	v.sh.InBackground(shell.BackgroundJob{
		Title: "Importing " + filepath.Base(path), Cancelled: "Nothing was imported.",
		Loses: "Nothing of the import is stored.",
		Work: func(ctx context.Context, progress func(string, float64)) error {
			opt.Progress = func(n int, fraction float64) {
				if v.importProgress != nil {
					v.importProgress()
				}
				progress(fmt.Sprintf("%d respondents…", n), fraction)
			}
			if opt.Session == survey.SessionsEach {
				svs, r, err := survey.ImportEachSession(ctx, v.sh.Store(), v.sh.Network().ID, path, opt)
				if err == nil {
					sv, more, report = svs[0], svs[1:], r
				}
				return err
			}
			var err error
			sv, report, err = survey.Import(ctx, v.sh.Store(), v.sh.Network().ID, path, opt)
			return err
		},
		Failed: func(err error) { v.sh.ShowMessage("Nothing was imported", err.Error()) },
		Done: func() {
			// Its text answers become searchable a moment later, off the
			// import's transaction (a second job, with no dialog).
			for _, one := range append([]data.Survey{sv}, more...) {
				id := one.ID
				v.sh.Quietly("indexing the answers of "+one.Title+" for search", func(ctx context.Context) error {
					return v.sh.Store().IndexSurveyAnswers(ctx, id)
				})
			}
			v.didImport(sv, opt.Replace, report.ReplacedTrash)
			for _, one := range more {
				v.didAdd("import survey ‘"+one.Title+"’", one)
			}
			v.selected = sv.ID
			v.Reload()
			if len(report.Unmatched) > 0 {
				v.sh.ShowMessage("Some cities are no partner", unmatchedText(report.Unmatched))
			}
			if v.imported != nil {
				v.imported(sv)
			}
		},
	})
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
