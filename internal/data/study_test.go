package data

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"
)

// studyFixture: a network with a study of four sections A B C D.
func studyFixture(t *testing.T) (*Store, Study) {
	t.Helper()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	st, err := s.CreateStudy(context.Background(), Study{NetworkID: n.ID, Title: " Baseline Study "}, []Section{
		{Kind: SectionIndex, Title: "A", Level: 1},
		{Kind: SectionText, Title: "B", Level: 1, Body: "Some *text*."},
		{Kind: SectionMatrix, Title: "C", Level: 2, Status: StatusFinal},
		{Kind: SectionText, Title: "D", Level: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// outline reads the sections as their titles in order, and fails the test
// when the positions are not 0, 1, 2… in that order.
func outline(t *testing.T, s *Store, studyID string) string {
	t.Helper()
	secs, err := s.StudySections(context.Background(), studyID)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for i, sec := range secs {
		if sec.Position != i {
			t.Fatalf("section %s at position %d, want %d (%+v)", sec.Title, sec.Position, i, secs)
		}
		titles = append(titles, sec.Title)
	}
	return strings.Join(titles, " ")
}

func sectionByTitle(t *testing.T, s *Store, studyID, title string) Section {
	t.Helper()
	secs, _ := s.StudySections(context.Background(), studyID)
	for _, sec := range secs {
		if sec.Title == title {
			return sec
		}
	}
	t.Fatalf("no section %q", title)
	return Section{}
}

func TestStudyIsCreatedFromItsOutlineAndListed(t *testing.T) {
	ctx := context.Background()
	s, st := studyFixture(t)
	if st.Title != "Baseline Study" || st.ID == "" {
		t.Fatalf("study %+v", st)
	}
	if got := outline(t, s, st.ID); got != "A B C D" {
		t.Fatalf("outline %q", got)
	}
	b := sectionByTitle(t, s, st.ID, "B")
	if b.Kind != SectionText || b.Body != "Some *text*." || b.Status != StatusDraft || b.Level != 1 {
		t.Fatalf("section B %+v", b)
	}
	if c := sectionByTitle(t, s, st.ID, "C"); c.Status != StatusFinal || c.Level != 2 || c.Kind != SectionMatrix {
		t.Fatalf("section C %+v", c)
	}
	second, err := s.CreateStudy(ctx, Study{NetworkID: st.NetworkID, Title: "Second"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Studies(ctx, st.NetworkID)
	if err != nil || len(list) != 2 || list[0].ID != st.ID || list[1].ID != second.ID {
		t.Fatalf("studies %+v %v", list, err)
	}
}

func TestCreateStudyIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	_, err := s.CreateStudy(ctx, Study{NetworkID: n.ID, Title: "Study"}, []Section{
		{Kind: SectionText, Title: "Fine", Level: 1},
		{Kind: "video", Title: "Clip", Level: 1},
	})
	var ce *ConstraintError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), `unknown section kind "video"`) || !strings.Contains(err.Error(), "outline entry 2") {
		t.Fatalf("bad kind: %v", err)
	}
	if list, _ := s.Studies(ctx, n.ID); len(list) != 0 {
		t.Fatalf("a study was left behind: %+v", list)
	}
	bad := []Section{
		{Kind: SectionText, Title: "T", Level: 1, Status: "done"},
		{Kind: SectionText, Title: "T", Level: 3},
		{Kind: SectionText, Title: "  ", Level: 1},
	}
	for _, sec := range bad {
		if _, err := s.CreateStudy(ctx, Study{NetworkID: n.ID, Title: "Study"}, []Section{sec}); !errors.As(err, &ce) {
			t.Errorf("%+v accepted or wrong error: %v", sec, err)
		}
	}
	if _, err := s.CreateStudy(ctx, Study{NetworkID: n.ID, Title: ""}, nil); !errors.As(err, &ce) {
		t.Fatalf("untitled study: %v", err)
	}
}

func TestSectionsAreAddedMovedAndDeletedWithoutGaps(t *testing.T) {
	ctx := context.Background()
	s, st := studyFixture(t)
	add := func(at int, title string) {
		t.Helper()
		if _, err := s.AddSection(ctx, st.ID, at, Section{Kind: SectionText, Title: title, Level: 2}); err != nil {
			t.Fatalf("add %s at %d: %v", title, at, err)
		}
	}
	add(0, "first")
	add(3, "mid")
	add(6, "last")
	if got := outline(t, s, st.ID); got != "first A B mid C D last" {
		t.Fatalf("after adding: %q", got)
	}
	var ce *ConstraintError
	if _, err := s.AddSection(ctx, st.ID, 8, Section{Kind: SectionText, Title: "far", Level: 1}); !errors.As(err, &ce) || !strings.Contains(err.Error(), "from 0 to 7") {
		t.Fatalf("position beyond the end: %v", err)
	}
	if _, err := s.AddSection(ctx, "no such study", 0, Section{Kind: SectionText, Title: "x", Level: 1}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown study: %v", err)
	}
	move := func(title string, delta int, want string) {
		t.Helper()
		if err := s.MoveSection(ctx, sectionByTitle(t, s, st.ID, title).ID, delta); err != nil {
			t.Fatal(err)
		}
		if got := outline(t, s, st.ID); got != want {
			t.Fatalf("move %s by %d: %q, want %q", title, delta, got, want)
		}
	}
	move("mid", -1, "first A mid B C D last")
	move("first", -1, "first A mid B C D last") // already at the top
	move("last", 1, "first A mid B C D last")   // already at the bottom
	move("first", 1, "A first mid B C D last")
	for _, title := range []string{"mid", "A", "last"} {
		if _, err := s.DeleteSection(ctx, sectionByTitle(t, s, st.ID, title).ID); err != nil {
			t.Fatal(err)
		}
	}
	if got := outline(t, s, st.ID); got != "first B C D" {
		t.Fatalf("after deleting: %q", got)
	}
	add(4, "end")
	if got := outline(t, s, st.ID); got != "first B C D end" {
		t.Fatalf("adding after deletes: %q", got)
	}
	if _, err := s.DeleteSection(ctx, "gone"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting an unknown section: %v", err)
	}
}

func TestSaveSectionTouchesOnlyItsRow(t *testing.T) {
	ctx := context.Background()
	s, st := studyFixture(t)
	before, _ := s.StudySections(ctx, st.ID)
	b := before[1]
	b.Title, b.Body, b.Status, b.Level = "B, renamed", "New **body**.\n\nSecond paragraph.", StatusInReview, 2
	b.Kind, b.Position = SectionMatrix, 0 // neither is changed by saving
	if err := s.SaveSection(ctx, b); err != nil {
		t.Fatal(err)
	}
	after, _ := s.StudySections(ctx, st.ID)
	got := after[1]
	if got.Title != "B, renamed" || got.Body != b.Body || got.Status != StatusInReview || got.Level != 2 || got.Kind != SectionText || got.Position != 1 {
		t.Fatalf("saved section %+v", got)
	}
	if got.UpdatedAt == before[1].UpdatedAt {
		t.Fatal("updated_at did not change")
	}
	for _, i := range []int{0, 2, 3} {
		if after[i] != before[i] {
			t.Fatalf("section %d changed by saving another: %+v → %+v", i, before[i], after[i])
		}
	}
	var ce *ConstraintError
	got.Status = "approved"
	if err := s.SaveSection(ctx, got); !errors.As(err, &ce) || !strings.Contains(err.Error(), "draft, in_review, final") {
		t.Fatalf("unknown status: %v", err)
	}
	got.Status, got.Title = StatusFinal, ""
	if err := s.SaveSection(ctx, got); !errors.As(err, &ce) {
		t.Fatalf("empty title: %v", err)
	}
	if err := s.SaveSection(ctx, Section{ID: "nothing", Title: "x", Level: 1}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown section: %v", err)
	}
}

func TestSnapshotsRestoreAndTheRestoreCanBeUndone(t *testing.T) {
	ctx := context.Background()
	s, st := studyFixture(t)
	v1, err := s.SnapshotStudy(ctx, st.ID, "Sent to the partners")
	if err != nil {
		t.Fatal(err)
	}
	original, _ := s.StudySections(ctx, st.ID)

	b := sectionByTitle(t, s, st.ID, "B")
	b.Body = "Rewritten after the meeting."
	if err := s.SaveSection(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSection(ctx, sectionByTitle(t, s, st.ID, "A").ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSection(ctx, st.ID, 3, Section{Kind: SectionRoadmap, Title: "E", Level: 1}); err != nil {
		t.Fatal(err)
	}
	edited, _ := s.StudySections(ctx, st.ID)
	if got := outline(t, s, st.ID); got != "B C D E" {
		t.Fatalf("edited outline %q", got)
	}
	// The snapshot is not changed by the edits.
	if kept, err := s.SnapshotSections(ctx, v1.ID); err != nil || len(kept) != 4 || kept[1].Body != "Some *text*." || kept[0].ID != original[0].ID {
		t.Fatalf("snapshot after edits: %+v %v", kept, err)
	}

	undo, err := s.RestoreSnapshot(ctx, v1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if undo.Name != "Before restoring «Sent to the partners»" {
		t.Fatalf("automatic snapshot named %q", undo.Name)
	}
	restored, _ := s.StudySections(ctx, st.ID)
	assertSameSections(t, "restored", restored, original)
	snaps, err := s.Snapshots(ctx, st.ID)
	if err != nil || len(snaps) != 2 || snaps[0].ID != undo.ID || snaps[1].ID != v1.ID {
		t.Fatalf("snapshots, newest first: %+v %v", snaps, err)
	}

	// Restoring the automatic snapshot brings the edits back.
	if _, err := s.RestoreSnapshot(ctx, undo.ID); err != nil {
		t.Fatal(err)
	}
	back, _ := s.StudySections(ctx, st.ID)
	assertSameSections(t, "undone", back, edited)

	var ce *ConstraintError
	if _, err := s.SnapshotStudy(ctx, st.ID, "   "); !errors.As(err, &ce) || !strings.Contains(err.Error(), "needs a name") {
		t.Fatalf("unnamed snapshot: %v", err)
	}
	if _, err := s.SnapshotStudy(ctx, "no study", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("snapshot of an unknown study: %v", err)
	}
	if _, err := s.RestoreSnapshot(ctx, "no snapshot"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restore of an unknown snapshot: %v", err)
	}
}

// assertSameSections compares everything a restore must bring back.
func assertSameSections(t *testing.T, what string, got, want []Section) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d sections, want %d", what, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		g.UpdatedAt, w.UpdatedAt = "", ""
		if g != w {
			t.Fatalf("%s: section %d is %+v, want %+v", what, i, g, w)
		}
	}
}

func TestAFailingRestoreLeavesTheStudyUnchanged(t *testing.T) {
	ctx := context.Background()
	s, st := studyFixture(t)
	// A snapshot whose second section cannot be stored (say, written by a
	// newer version with a kind this one does not know): the restore fails
	// after it has already deleted the sections and taken its own snapshot.
	_, err := s.db.ExecContext(ctx, `INSERT INTO study_snapshots (id, study_id, name, created_at, sections) VALUES (?,?,?,?,?)`,
		newID(), st.ID, "From the future", now(),
		`[{"id":"s1","kind":"text","title":"Fine","level":1,"body":"","status":"draft"},
		  {"id":"s2","kind":"video","title":"Clip","level":1,"body":"","status":"draft"}]`)
	if err != nil {
		t.Fatal(err)
	}
	snaps, _ := s.Snapshots(ctx, st.ID)
	before, _ := s.StudySections(ctx, st.ID)
	_, err = s.RestoreSnapshot(ctx, snaps[0].ID)
	var ce *ConstraintError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "section 2 (Clip)") || !strings.Contains(err.Error(), `"video"`) {
		t.Fatalf("restore of a bad snapshot: %v", err)
	}
	after, _ := s.StudySections(ctx, st.ID)
	assertSameSections(t, "after the failed restore", after, before)
	for i := range before {
		if after[i].UpdatedAt != before[i].UpdatedAt {
			t.Fatalf("section %d was rewritten", i)
		}
	}
	if now, _ := s.Snapshots(ctx, st.ID); len(now) != 1 {
		t.Fatalf("the automatic snapshot of a failed restore was kept: %+v", now)
	}
}

func TestStudyMigrationGoesDownAndUpAgain(t *testing.T) {
	ctx := context.Background()
	s, _ := studyFixture(t)
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, migrationFS(), goose.WithTableName(versionTable), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 7); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'stud%'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d study tables and indexes left after going down (%v)", n, err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.SchemaVersion(ctx); v != LatestSchemaVersion() {
		t.Fatalf("schema %d after going up again", v)
	}
}

// Two sections at one place (two laptops each added one there, and a sync
// kept both): they read in id order, and the next add, move, delete or
// restore numbers the places 0, 1, 2… again in that order first.
func TestSectionsSharingAPlaceReadByIDAndAreRenumberedByTheNextEdit(t *testing.T) {
	ctx := context.Background()
	for _, edit := range []string{"add", "move", "delete"} {
		t.Run(edit, func(t *testing.T) {
			s, st := studyFixture(t)
			b, c := sectionByTitle(t, s, st.ID, "B"), sectionByTitle(t, s, st.ID, "C")
			// C and B at place 1, C first by id, D at 2: A C B D.
			if _, err := s.db.ExecContext(ctx, `UPDATE study_sections SET id = ?, position = 1 WHERE id = ?`, "0"+c.ID, c.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.ExecContext(ctx, `UPDATE study_sections SET position = 2 WHERE title = 'D' AND study_id = ?`, st.ID); err != nil {
				t.Fatal(err)
			}
			secs, err := s.StudySections(ctx, st.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, sec := range secs {
				got = append(got, sec.Title)
			}
			if strings.Join(got, " ") != "A C B D" {
				t.Fatalf("read %v, want A C B D (a tie read by id)", got)
			}
			want := ""
			switch edit {
			case "add": // after C, the second in the order
				if _, err := s.AddSection(ctx, st.ID, 2, Section{Kind: SectionText, Title: "E", Level: 2}); err != nil {
					t.Fatal(err)
				}
				want = "A C E B D"
			case "move": // B down past D
				if err := s.MoveSection(ctx, b.ID, 1); err != nil {
					t.Fatal(err)
				}
				want = "A C D B"
			case "delete": // C, then its restore puts it back where it was
				trashID, err := s.DeleteSection(ctx, "0"+c.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got := outline(t, s, st.ID); got != "A B D" {
					t.Fatalf("after the delete %q", got)
				}
				if _, err := s.RestoreTrash(ctx, trashID); err != nil {
					t.Fatal(err)
				}
				want = "A C B D"
			}
			if got := outline(t, s, st.ID); got != want { // (outline fails on places not 0, 1, 2…)
				t.Errorf("after the %s: %q, want %q", edit, got, want)
			}
		})
	}
}
