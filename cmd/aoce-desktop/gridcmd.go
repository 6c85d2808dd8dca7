package main

import (
	"errors"
	"fmt"
	"github.com/aoce-desktop/aoce-desktop/internal/text"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/export"
)

// runGridExport writes one meeting's learning grids, every partner's, and
// the review of earlier actions held at it.
func runGridExport(c *cmdContext) error {
	s, n, m, err := c.openMeeting("--out FILE.xlsx, .docx or .pdf is required")
	if err != nil {
		return err
	}
	defer s.Close()
	sheet, err := export.Grids(c.ctx, s, n, m, c.out, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the grids of %s (%s, %s reviewed) to %s\n", m.Title, text.Count(len(sheet.Partners), "partner", "partners"), text.Count(len(sheet.Review), "earlier action", "earlier actions"), c.out)
	return nil
}

// runGridFollowUp writes one meeting's follow-up for the minutes.
func runGridFollowUp(c *cmdContext) error {
	s, n, m, err := c.openMeeting("--out FILE.docx, .pdf, .html or .md is required")
	if err != nil {
		return err
	}
	defer s.Close()
	sheet, err := export.FollowUp(c.ctx, s, n, m, c.out, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the follow-up of %s (%s reviewed, %d agreed) to %s\n", m.Title, text.Count(len(sheet.Review), "earlier action", "earlier actions"), len(sheet.Agreed), c.out)
	return nil
}

// openMeeting opens the network for an export (see openForExport) and
// finds the meeting its first argument names.
func (c *cmdContext) openMeeting(usage string) (*data.Store, data.Network, data.Meeting, error) {
	s, n, err := c.openForExport(usage)
	if err != nil {
		return nil, n, data.Meeting{}, err
	}
	m, err := c.meetingNamed(s, n, c.args[0])
	if err != nil {
		s.Close()
		return nil, n, m, err
	}
	return s, n, m, nil
}

// meetingNamed finds a meeting of the network by id or exact title.
func (c *cmdContext) meetingNamed(s *data.Store, n data.Network, key string) (data.Meeting, error) {
	m, err := s.MeetingByIDOrTitle(c.ctx, n.ID, key)
	if errors.Is(err, data.ErrNotFound) {
		err = fmt.Errorf("no meeting with id or title %q (the demo's are titled like \"Core Network Meeting 2\")", key)
	}
	return m, err
}

// runActionsExport writes the action tables of every partner, or of one.
func runActionsExport(c *cmdContext) error {
	s, n, err := c.openForExport("--out FILE.xlsx, .docx or .pdf is required")
	if err != nil {
		return err
	}
	defer s.Close()
	partnerID := ""
	if c.partner != "" {
		p, err := s.PartnerByName(c.ctx, n.ID, c.partner)
		if errors.Is(err, data.ErrNotFound) {
			return fmt.Errorf("no partner named %q in %s", c.partner, n.Name)
		}
		if err != nil {
			return err
		}
		partnerID = p.ID
	}
	t, err := export.ActionTables(c.ctx, s, n, partnerID, c.out, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the action tables (%s) to %s\n", text.Count(len(t.Partners), "partner", "partners"), c.out)
	return nil
}

// openForExport checks that --out is given (usage names the formats) and
// opens the network for reading.
func (c *cmdContext) openForExport(usage string) (*data.Store, data.Network, error) {
	if c.out == "" {
		return nil, data.Network{}, usageError{usage}
	}
	return c.openNetwork(data.Reader)
}

// runStudyExport assembles the network's Baseline Study (the first, or the
// one titled --title) and writes it.
func runStudyExport(c *cmdContext) error {
	s, n, err := c.openForExport("--out FILE.docx, .pdf, .html or .md is required")
	if err != nil {
		return err
	}
	defer s.Close()
	studies, err := s.Studies(c.ctx, n.ID)
	if err != nil {
		return err
	}
	var chosen data.Study
	for _, st := range studies {
		if chosen.ID == "" && (c.title == "" || st.Title == c.title || st.ID == c.title) {
			chosen = st
		}
	}
	if chosen.ID == "" {
		if c.title != "" {
			return fmt.Errorf("no study titled %q in %s", c.title, n.Name)
		}
		return fmt.Errorf("%s has no Baseline Study yet: start it in the window (Baseline Study)", n.Name)
	}
	in, err := export.Study(c.ctx, s, chosen.ID, c.out, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote %s (%s) to %s\n", chosen.Title, text.Count(len(in.Sections), "section", "sections"), c.out)
	return nil
}
