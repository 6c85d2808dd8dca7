package demo

import (
	"fmt"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/study/outline"
)

// studyFile is the demo's Baseline Study: texts for some sections of the
// default outline, found by title; a snapshot of that draft; then the
// edits made after it, so comparing versions shows something.
type studyFile struct {
	Title         string         `json:"title"`
	Sections      []studySection `json:"sections"`
	Snapshot      string         `json:"snapshot"`
	AfterSnapshot []studySection `json:"after_snapshot"`
}

type studySection struct {
	Title  string `json:"title"`
	Status string `json:"status"`
	Body   string `json:"body"`
}

// createStudy drafts the study from the default outline.
func (l *loader) createStudy() error {
	f := l.f.Study
	if f == nil {
		return nil
	}
	drafted := outline.Default()
	for _, text := range f.Sections {
		if err := text.writeInto(drafted); err != nil {
			return err
		}
	}
	st, err := l.tx.CreateStudy(data.Study{NetworkID: l.network.ID, Title: f.Title}, drafted)
	if err != nil {
		return err
	}
	if _, err := l.tx.SnapshotStudy(st.ID, f.Snapshot); err != nil {
		return err
	}
	sections, err := l.tx.StudySections(st.ID)
	if err != nil {
		return err
	}
	for _, text := range f.AfterSnapshot {
		if err := text.writeInto(sections); err != nil {
			return err
		}
		if err := l.tx.SaveSection(sections[text.index(sections)]); err != nil {
			return fmt.Errorf("study section %q: %w", text.Title, err)
		}
	}
	return nil
}

// writeInto sets the body and status of the section with the text's title.
func (text studySection) writeInto(sections []data.Section) error {
	i := text.index(sections)
	if i < 0 {
		return fmt.Errorf("the study outline has no section %q", text.Title)
	}
	sections[i].Body, sections[i].Status = text.Body, text.Status
	return nil
}

func (text studySection) index(sections []data.Section) int {
	return slices.IndexFunc(sections, func(s data.Section) bool { return s.Title == text.Title })
}
