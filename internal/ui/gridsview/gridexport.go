package gridsview

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// showExports offers the meeting's three exports under the Export… button.
func (v *gridsView) showExports(under fyne.CanvasObject) {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Grids and review (.xlsx, .docx, .pdf)…", v.Export),
		fyne.NewMenuItem("Follow-up for the minutes (.docx, .pdf, .html, .md)…", v.ExportFollowUp),
		fyne.NewMenuItem("Meeting deck (.pptx, .pdf)…", v.ExportDeck))
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(under).AddXY(0, under.Size().Height)
	widget.ShowPopUpMenuAtPosition(menu, v.sh.Window().Canvas(), at)
}

// Export writes the meeting's grids, every partner's (saved rows), and the
// review of earlier actions held at the meeting.
func (v *gridsView) Export() {
	v.exportMeeting("the grids", export.GridFormats(), "Learning grids", ".docx",
		func(ctx context.Context, network data.Network, m data.Meeting, path string, progress export.Progress) (string, error) {
			sheet, err := export.Grids(ctx, v.sh.Store(), network, m, path, progress)
			return fmt.Sprintf("The grids of %s and the review of %s written to %s.", lang.N("{{.Count}} partners", len(sheet.Partners), map[string]any{"Count": len(sheet.Partners)}), lang.N("{{.Count}} earlier actions", len(sheet.Review), map[string]any{"Count": len(sheet.Review)}), path), err
		})
}

// ExportFollowUp writes the meeting's follow-up for the minutes: what was
// done since the earlier meetings and what was agreed at this one.
func (v *gridsView) ExportFollowUp() {
	v.exportMeeting("the follow-up", export.FollowUpFormats(), "Follow-up", ".docx",
		func(ctx context.Context, network data.Network, m data.Meeting, path string, progress export.Progress) (string, error) {
			sheet, err := export.FollowUp(ctx, v.sh.Store(), network, m, path, progress)
			return fmt.Sprintf("The follow-up of %s (%s reviewed, %d agreed) written to %s.", m.Title, lang.N("{{.Count}} earlier actions", len(sheet.Review), map[string]any{"Count": len(sheet.Review)}), len(sheet.Agreed), path), err
		})
}

// ExportDeck writes the meeting's deck (.pptx or .pdf), its slides drawn
// off the UI goroutine.
func (v *gridsView) ExportDeck() {
	v.exportMeeting("the meeting deck", export.DeckFormats(), "Meeting deck", ".pptx",
		func(ctx context.Context, network data.Network, m data.Meeting, path string, progress export.Progress) (string, error) {
			sum, err := export.Deck(ctx, v.sh.Store(), network, m, path, v.deckSlides, progress)
			return fmt.Sprintf("The deck of %s (%s) written to %s.", m.Title, lang.N("{{.Count}} slides", sum.Slides, map[string]any{"Count": sum.Slides}), path), err
		})
}

// exportMeeting asks where to write what of the chosen meeting (offered
// as "name - meeting.ext") and writes it in the background. The exports
// read the store, so typed rows and review comments are saved first; a
// failed save is shown and nothing is exported.
func (v *gridsView) exportMeeting(what string, formats []string, name, ext string,
	write func(ctx context.Context, network data.Network, m data.Meeting, path string, progress export.Progress) (string, error)) {
	m := v.selectedMeeting()
	if m.ID == "" || (v.dirty || len(v.comments) > 0) && !v.Save() {
		return
	}
	v.sh.AskExportPath("Export "+what+" of "+m.Title, widgets.SafeFileName(name+" - "+m.Title)+ext, formats, func(path string) {
		network := v.sh.Network() // read here: the work runs off the UI goroutine
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			return write(ctx, network, m, path, progress)
		})
	})
}
