package data

import (
	"context"
	"errors"
	"testing"
)

// A survey is linked to a meeting of its network and unlinked again; a
// meeting of another network or an unknown survey is refused.
func TestLinkSurvey(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n, _ := s.CreateNetwork(ctx, Network{Name: "Linked"})
	other, _ := s.CreateNetwork(ctx, Network{Name: "Other"})
	m, err := s.SaveMeeting(ctx, Meeting{NetworkID: n.ID, Kind: MeetingCoreNetwork, Title: "CNM 3", StartDate: "2024-06-01"})
	if err != nil {
		t.Fatal(err)
	}
	elsewhere, _ := s.SaveMeeting(ctx, Meeting{NetworkID: other.ID, Kind: MeetingCoreNetwork, Title: "CNM 1", StartDate: "2024-06-01"})
	var sv Survey
	if err := s.Update(ctx, func(tx *Tx) (err error) {
		sv, err = tx.CreateSurvey(Survey{NetworkID: n.ID, Title: "Poll"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.LinkSurvey(ctx, sv.ID, m.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SurveyByIDOrTitle(ctx, n.ID, "Poll"); got.MeetingID != m.ID {
		t.Fatalf("linked to %q", got.MeetingID)
	}
	var ce *ConstraintError
	if err := s.LinkSurvey(ctx, sv.ID, elsewhere.ID); !errors.As(err, &ce) {
		t.Fatalf("another network's meeting: %v", err)
	}
	if err := s.LinkSurvey(ctx, "nope", ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown survey: %v", err)
	}
	if err := s.LinkSurvey(ctx, sv.ID, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SurveyByIDOrTitle(ctx, n.ID, "Poll"); got.MeetingID != "" {
		t.Fatalf("unlinked: %q", got.MeetingID)
	}
}
