package main

import (
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
)

// runDeckExport writes one meeting's deck with the window's slide renderers.
func runDeckExport(c *cmdContext) error {
	s, n, m, err := c.openMeeting("--out FILE.pptx or .pdf is required")
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := export.Deck(c.ctx, s, n, m, c.out, slides, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the deck of %s (%d slides: %d themes, %d survey questions, %d grids, %d earlier actions reviewed; %d pictures, %d tables) to %s\n",
		m.Title, sum.Slides, sum.Themes, sum.Questions, sum.Grids, sum.Reviewed, sum.Pictures, sum.Tables, c.out)
	return nil
}
