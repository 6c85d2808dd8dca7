package main

import (
	"errors"
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui"
)

// runGridExport writes one meeting's learning grids, every partner's.
func runGridExport(c *cmdContext) error {
	if c.out == "" {
		return usageError{"--out FILE.xlsx, .docx or .pdf is required"}
	}
	s, n, err := c.openNetwork(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := s.MeetingByIDOrTitle(c.ctx, n.ID, c.args[0])
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("no meeting with id or title %q (the demo's are titled like \"Core Network Meeting 2\")", c.args[0])
	}
	if err != nil {
		return err
	}
	sheet, err := grids.Load(c.ctx, s, n, m)
	if err != nil {
		return err
	}
	if err := ui.ExportGrids(sheet, c.out); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the grids of %s (%d partners) to %s\n", m.Title, len(sheet.Partners), c.out)
	return nil
}
