package grids

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func demoMeetingSheet(t *testing.T, title string) Sheet {
	t.Helper()
	s, network := testkit.DemoStore(t)
	m, err := s.MeetingByIDOrTitle(context.Background(), network.ID, title)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := Load(context.Background(), s, network, m)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// The review the demo holds at Core Network Meeting 3 — Genk's and
// Gdańsk's actions of meeting 2, with status, comment, who and when —
// is in meeting 3's grid export in every format, after the seven grids
// filled at meeting 3.
func TestGridExportHoldsTheReview(t *testing.T) {
	sh := demoMeetingSheet(t, "Core Network Meeting 3")
	if len(sh.Partners) != 7 || len(sh.Review) != 5 {
		t.Fatalf("meeting 3: %d grids, %d actions up for review; want 7 and 5 (4 reviewed, 1 open)", len(sh.Partners), len(sh.Review))
	}
	dir := t.TempDir()
	write := map[string]func(io.Writer) error{
		"grids.xlsx": sh.WriteXLSX,
		"grids.docx": sh.WriteDOCX,
		"grids.pdf":  func(w io.Writer) error { return sh.WritePDF(w, testkit.Fonts(t)) },
	}
	texts := testkit.ExportsSay(t, dir, write, "Review of earlier actions at Core Network Meeting 3",
		"pilot role", "platform's", "In progress", "Dropped", // "part-time" may break at its hyphen
		"ULG coordinator", "2024-05-31", "(2024-03-04)", "Gdańsk", "Genk")
	for _, name := range []string{"grids.docx", "grids.pdf"} {
		testkit.RequireWordsWhole(t, name, sh.Document().Texts(), texts[name])
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "grids.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Review")
	if err != nil || len(rows) != 3+5 {
		t.Fatalf("Review sheet: %d rows, %v", len(rows), err)
	}
	if got := strings.Join(rows[3], "|"); !strings.HasPrefix(got, "Genk|Core Network Meeting 2 (2024-") || !strings.Contains(got, "|Done|Task description ready") {
		t.Fatalf("first review row %q", got)
	}
}

// The follow-up of a meeting says what was agreed at it and how each
// action went since; of the next meeting, what was done since the earlier
// one. Both in every format, counted by status.
func TestFollowUp(t *testing.T) {
	agreed := demoMeetingSheet(t, "Core Network Meeting 2")
	d := agreed.FollowUpDocument()
	if got := StatusSummary(agreed.Agreed); got != "5 actions: 2 done, 1 in progress, 1 dropped, 1 open." {
		t.Fatalf("meeting 2 agreed: %q", got)
	}
	if len(agreed.Review) != 4 {
		t.Fatalf("meeting 2 reviewed %d earlier actions; the demo has 4 of meeting 1", len(agreed.Review))
	}
	reviewed := demoMeetingSheet(t, "Core Network Meeting 3").FollowUpDocument()
	for name, write := range map[string]func(io.Writer, doc.Document) error{"html": doc.WriteHTML, "md": doc.WriteMarkdown} {
		for _, c := range []struct {
			d     doc.Document
			wants []string
		}{
			{d, []string{"What was agreed at Core Network Meeting 2", "Invite the youth council", "Open", "Core Network Meeting 3 (", "Eleven groups listed"}},
			{reviewed, []string{"What was done since the earlier meetings", "As reviewed at Core Network Meeting 3: 4 actions: 2 done, 1 in progress, 1 dropped.", "Examples added to the draft manual", "Draft a skills profile for participation officers"}},
		} {
			var b bytes.Buffer
			if err := write(&b, c.d); err != nil {
				t.Fatal(err)
			}
			// The open action stands under "Not reviewed yet", not under what
			// was done; the review held at this meeting names it once, in
			// its text, not in a "Reviewed at" column on every row.
			if out := b.String(); c.d.Title == reviewed.Title {
				done, open := strings.Index(out, "What was done since"), strings.Index(out, "Not reviewed yet")
				youth := strings.Index(out, "Invite the youth council")
				if done < 0 || open < done || youth < open || strings.Contains(out, "Reviewed at") {
					t.Errorf("%s: the open action is not apart under Not reviewed yet, or Reviewed at repeats:\n%s", name, out)
				}
			}
			for _, want := range c.wants {
				if !strings.Contains(strings.ReplaceAll(b.String(), "&#39;", "'"), want) {
					t.Errorf("%s of %q lacks %q", name, c.d.Title, want)
				}
			}
		}
	}
	dir := t.TempDir()
	texts := testkit.ExportsSay(t, dir, map[string]func(io.Writer) error{
		"followup.docx": func(w io.Writer) error { return doc.WriteDOCX(w, reviewed) },
		"followup.pdf":  func(w io.Writer) error { return doc.WritePDF(w, reviewed, testkit.Fonts(t)) },
	}, "Follow-up — Core Network Meeting 3", "September;", "Dropped", "Legal")
	for name, text := range texts {
		testkit.RequireWordsWhole(t, name, reviewed.Texts(), text)
	}
}
