package survey

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// TestFailedPartnerLookupStopsTheImport: when the partners cannot be read
// to match the partner column, the import fails with a message instead of
// storing every respondent without a partner.
func TestFailedPartnerLookupStopsTheImport(t *testing.T) {
	ctx := context.Background()
	s, n := demoStore(t)
	raw, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// The fault: the partners table loses a column every partner read names.
	if _, err := raw.ExecContext(ctx, `ALTER TABLE partners RENAME COLUMN region TO region_gone`); err != nil {
		t.Fatal(err)
	}
	plan := Plan{Format: "generic",
		Columns:   []Column{{Header: "City", Role: RolePartner}, {Header: "Why", Role: RoleQuestion, Question: 0}},
		Questions: []PlannedQuestion{{Kind: data.KindOpenEnded, Prompt: "Why"}}}
	err = s.Update(ctx, func(tx *data.Tx) error {
		sv, err := tx.CreateSurvey(data.Survey{NetworkID: n.ID, Title: "Lookup"})
		if err != nil {
			return err
		}
		w, err := newWriter(ctx, tx, n.ID, sv.ID, plan, "lookup.csv", "", nil)
		if err != nil {
			return err
		}
		if err := w.row([]string{"Genk", "to learn"}, 2); err != nil {
			return err
		}
		return w.finish()
	})
	if err == nil || !strings.Contains(err.Error(), "could not read the network's partners") {
		t.Fatalf("import with unreadable partners: %v, want the lookup's failure", err)
	}
	if _, err := raw.ExecContext(ctx, `ALTER TABLE partners RENAME COLUMN region_gone TO region`); err != nil {
		t.Fatal(err)
	}
	if svs, err := s.Surveys(ctx, n.ID); err != nil || len(svs) != 0 {
		t.Fatalf("surveys after the failed import: %v %v", svs, err)
	}
}

// TestImportedBeforeReturnsErrors: a failed re-import check is an error,
// not "never imported".
func TestImportedBeforeReturnsErrors(t *testing.T) {
	ctx := context.Background()
	s, n := demoStore(t)
	path := writeFile(t, "answers.csv", []byte("Timestamp,Your city,Why\n2024/01/25 10:00:00,Genk,to learn\n"))
	if same, err := ImportedBefore(ctx, s, n.ID, path); err != nil || len(same) != 0 {
		t.Fatalf("before the import: %v %v", same, err)
	}
	sv, _, err := Import(ctx, s, n.ID, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if same, err := ImportedBefore(ctx, s, n.ID, path); err != nil || len(same) != 1 || same[0].ID != sv.ID {
		t.Fatalf("after the import: %v %v", same, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if same, err := ImportedBefore(cancelled, s, n.ID, path); !errors.Is(err, context.Canceled) {
		t.Fatalf("a check that could not read the store: %v %v, want the error", same, err)
	}
	if _, err := ImportedBefore(ctx, s, n.ID, filepath.Join(t.TempDir(), "gone.csv")); err == nil {
		t.Fatal("a file that cannot be read was taken for one never imported")
	}
}
