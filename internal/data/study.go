package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Kinds of study section: Markdown text, or a block generated from the
// network's data when the study is assembled.
const (
	SectionText            = "text"
	SectionPartnerProfiles = "partner_profiles"
	SectionMatrix          = "matrix"
	SectionFocusTable      = "focus_table" // IAP focus and testing action per partner
	SectionRoadmap         = "roadmap"
	SectionIndex           = "index"
)

// SectionKinds lists the kinds in the order an editor offers them.
var SectionKinds = []string{SectionText, SectionPartnerProfiles, SectionMatrix, SectionFocusTable, SectionRoadmap, SectionIndex}

// Editing states of a section.
const (
	StatusDraft    = "draft"
	StatusInReview = "in_review"
	StatusFinal    = "final"
)

// SectionStatuses lists the states in the order a section goes through them.
var SectionStatuses = []string{StatusDraft, StatusInReview, StatusFinal}

// Study is a Baseline Study of a network; a network may have several
// (a draft next to the published one, or one per phase).
type Study struct {
	ID        string
	NetworkID string
	Title     string
	CreatedAt string
	UpdatedAt string
}

// Section is one part of a study. Level 1 is a chapter, 2 a section in it.
// Body is Markdown: the text of a text section, the lines before the
// generated block of the other kinds.
type Section struct {
	ID        string
	StudyID   string
	Position  int // 0-based, without gaps
	Kind      string
	Title     string
	Level     int
	Body      string
	Status    string
	UpdatedAt string
}

// CreateStudy stores a new study with the given outline as its sections,
// in that order, in one transaction. Outline entries need a kind, a title
// and a level; an empty status is a draft.
func (s *Store) CreateStudy(ctx context.Context, st Study, outline []Section) (Study, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		st, err = createStudy(ctx, tx, st, outline)
		return err
	})
	return st, err
}

func createStudy(ctx context.Context, tx *sql.Tx, st Study, outline []Section) (Study, error) {
	st.Title = strings.TrimSpace(st.Title)
	if st.Title == "" {
		return st, &ConstraintError{Msg: "a study needs a title"}
	}
	st.ID, st.CreatedAt = newID(), now()
	st.UpdatedAt = st.CreatedAt
	if _, err := tx.ExecContext(ctx, `INSERT INTO studies (id, network_id, title, created_at, updated_at) VALUES (?,?,?,?,?)`,
		st.ID, st.NetworkID, st.Title, st.CreatedAt, st.UpdatedAt); err != nil {
		return st, err
	}
	for i, sec := range outline {
		sec.ID = "" // an outline is a template: every study gets its own sections
		if _, err := insertSection(ctx, tx, st.ID, i, sec); err != nil {
			return st, fmt.Errorf("outline entry %d (%s): %w", i+1, sec.Title, err)
		}
	}
	return st, nil
}

// RenameStudy changes a study's title.
func (s *Store) RenameStudy(ctx context.Context, id, title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return &ConstraintError{Msg: "a study needs a title"}
	}
	return mustAffect(s.db.ExecContext(ctx, `UPDATE studies SET title = ?, updated_at = ? WHERE id = ?`, title, now(), id))
}

const studyColumns = `id, network_id, title, created_at, updated_at`

func scanStudy(r interface{ Scan(...any) error }) (Study, error) {
	var st Study
	err := r.Scan(&st.ID, &st.NetworkID, &st.Title, &st.CreatedAt, &st.UpdatedAt)
	return st, err
}

// Studies lists a network's studies, oldest first (ids are time-ordered;
// RFC 3339 text with trimmed fractions does not sort as time does).
func (s *Store) Studies(ctx context.Context, networkID string) ([]Study, error) {
	return queryList(ctx, s.rd, scanStudy, `SELECT `+studyColumns+` FROM studies WHERE network_id = ? ORDER BY id`, networkID)
}

// Study reads one study by id.
func (s *Store) Study(ctx context.Context, id string) (Study, error) {
	st, err := scanStudy(s.rd.QueryRowContext(ctx, `SELECT `+studyColumns+` FROM studies WHERE id = ?`, id))
	return st, notFound(err)
}

// StudySections reads a study's sections in order: by position, then by
// id, since two laptops may each add a section at one place (see
// renumberSections).
func (s *Store) StudySections(ctx context.Context, studyID string) ([]Section, error) {
	return sectionsOf(ctx, s.rd, studyID)
}

const sectionColumns = `id, study_id, position, kind, title, level, body, status, updated_at`

func scanSection(r interface{ Scan(...any) error }) (Section, error) {
	var sec Section
	err := r.Scan(&sec.ID, &sec.StudyID, &sec.Position, &sec.Kind, &sec.Title, &sec.Level, &sec.Body, &sec.Status, &sec.UpdatedAt)
	return sec, err
}

func sectionsOf(ctx context.Context, q querier, studyID string) ([]Section, error) {
	return queryList(ctx, q, scanSection, `SELECT `+sectionColumns+` FROM study_sections WHERE study_id = ? ORDER BY position, id`, studyID)
}
