package gridsview

import (
	"context"
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Export writes the meeting's grids, every partner's (saved rows), and the
// review of earlier actions held at the meeting.
func (v *gridsView) Export() {
	m := v.selectedMeeting()
	if m.ID == "" {
		return
	}
	v.sh.AskSavePath("Export the grids of "+m.Title+" (.xlsx, .docx or .pdf)", widgets.SafeFileName("Learning grids - "+m.Title)+".docx", func(path string) {
		network := v.sh.Network() // read here: the work runs off the UI goroutine
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			sheet, err := export.Grids(ctx, v.sh.Store(), network, m, path, progress)
			return fmt.Sprintf("The grids of %d partners and the review of %d earlier actions written to %s.", len(sheet.Partners), len(sheet.Review), path), err
		})
	})
}

// ExportDeck writes the meeting's deck (.pptx or .pdf) off the UI
// goroutine; like the follow-up, it holds what is stored.
func (v *gridsView) ExportDeck() {
	m := v.selectedMeeting()
	if m.ID == "" || !v.savedForExport() {
		return
	}
	v.sh.AskSavePath("Export the meeting deck of "+m.Title+" (.pptx or .pdf)", widgets.SafeFileName("Meeting deck - "+m.Title)+".pptx", func(path string) {
		network := v.sh.Network()
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			sum, err := export.Deck(ctx, v.sh.Store(), network, m, path, v.deckSlides, progress)
			return fmt.Sprintf("The deck of %s (%d slides) written to %s.", m.Title, sum.Slides, path), err
		})
	})
}

// savedForExport stores typed rows and review comments first, as the
// exports read the store; false when that failed (and was shown).
func (v *gridsView) savedForExport() bool {
	return !v.dirty && len(v.comments) == 0 || v.Save()
}

// ExportFollowUp writes the meeting's follow-up for the minutes: what was
// done since the earlier meetings and what was agreed at this one.
func (v *gridsView) ExportFollowUp() {
	m := v.selectedMeeting()
	if m.ID == "" || !v.savedForExport() {
		return
	}
	v.sh.AskSavePath("Export the follow-up of "+m.Title+" (.docx, .pdf, .html or .md)", widgets.SafeFileName("Follow-up - "+m.Title)+".docx", func(path string) {
		network := v.sh.Network()
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			sheet, err := export.FollowUp(ctx, v.sh.Store(), network, m, path, progress)
			return fmt.Sprintf("The follow-up of %s (%d earlier actions reviewed, %d agreed) written to %s.", m.Title, len(sheet.Review), len(sheet.Agreed), path), err
		})
	})
}
