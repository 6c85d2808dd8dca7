// Package ui assembles AoCE Desktop's window: the shell and the areas of
// the navigation, one feature package each, in the order the Lead Expert
// works through them.
package ui

import (
	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/actions"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/gridsview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/matrixview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/needs"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/partnerlist"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/practices"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/roadmapview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/search"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/studyview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/surveys"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/themes"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/wizard"
)

// Areas are the entries of the navigation; Ctrl+1 … Ctrl+0 go to the first ten.
func Areas() []shell.Area {
	shell.SetSearch(search.Show)     // Ctrl+K
	shell.SetNewNetwork(wizard.Show) // File → New network…
	areas := []shell.Area{
		overview.Area(),
		partnerlist.Area(),
		matrixview.Area(),
		matrixview.PeersArea(),
		themes.Area(),
		practices.Area(),
		surveys.Area(),
		needs.Area(),
		gridsview.AreaWithDeck(Slides()),
		actions.Area(),
		roadmapview.Area(),
		studyview.Area(),
	}
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}
	for i := range min(len(keys), len(areas)) {
		areas[i].Shortcut = keys[i]
	}
	return areas
}

// Run opens the database at dbPath in the main window (on network, an id,
// or the last one used when "") and runs the app until it is closed. It
// returns the process exit code.
func Run(a fyne.App, dbPath, network string) int {
	shell.ApplySettings(a) // the user's theme and date format, before the window shows
	return shell.Run(a, dbPath, network, Areas())
}

// Slides are the 1920×1080 PNG renderers the headless exports are handed:
// the slides are drawn with the window's toolkit.
func Slides() export.Slides {
	return export.Slides{Matrix: matrixview.RenderMatrixPNG, MatrixTheme: matrixview.RenderMatrixThemeSlides, Question: surveys.RenderQuestionPNG,
		QuestionSlides: surveys.RenderQuestionSlides, Grid: gridsview.RenderGridSlides, RoadmapAhead: roadmapview.RenderRoadmapAheadPNG}
}
