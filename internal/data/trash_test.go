package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// side opens a second connection on the store's file, to read what is
// stored without the store's help.
func side(t *testing.T, s *data.Store) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func one[T any](t *testing.T, db *sql.DB, query string, args ...any) T {
	t.Helper()
	var v T
	if err := db.QueryRow(query, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

// dump is every row of every table but the trash and the search index
// (whose row ids change as rows come back: search_test.go checks it by
// content), each as SQLite's quote() of its values: type and value both
// count (38 is not 38.0, NULL is not ”). The sync clocks are left out: a
// restore is a new write, which must be later than the delete for the
// other laptops (internal/sync), so it gets a clock of its own.
func dump(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	rows, err := db.Query(`SELECT m.name, group_concat('quote(' || '"' || c.name || '"' || ')', ' || ''|'' || ')
		FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search\_%' ESCAPE '\'
			AND m.name NOT IN ('trash', 'aoce_schema_version', 'sync_laptop') AND c.name NOT IN ('updated_clock', 'updated_by') GROUP BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	exprs := map[string]string{}
	for rows.Next() {
		var table, expr string
		if err := rows.Scan(&table, &expr); err != nil {
			t.Fatal(err)
		}
		exprs[table] = expr
	}
	rows.Close()
	out := map[string][]string{}
	for table, expr := range exprs {
		r, err := db.Query(`SELECT ` + expr + ` FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var line string
			if err := r.Scan(&line); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], line)
		}
		r.Close()
		sort.Strings(out[table])
	}
	return out
}

// sameDump reports the first differences between two dumps.
func sameDump(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	diffs := 0
	for table := range union(got, want) {
		g, w := strings.Join(got[table], "\n"), strings.Join(want[table], "\n")
		if g != w {
			diffs++
			t.Errorf("%s: table %s has %d rows, want %d; got\n%s\nwant\n%s", what, table, len(got[table]), len(want[table]), trim(g), trim(w))
		}
	}
	if diffs > 0 {
		t.FailNow()
	}
}

func union(a, b map[string][]string) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func trim(s string) string {
	if len(s) > 1500 {
		return s[:1500] + "…"
	}
	return s
}

// deleteAndRestore deletes through del, checks that the delete took rows
// from each of the tables in took and filed one trash entry labelled
// label, restores it and checks every table is as it was.
func deleteAndRestore(t *testing.T, s *data.Store, n data.Network, label string, took []string, del func() (string, error)) data.TrashItem {
	t.Helper()
	ctx := context.Background()
	db := side(t, s)
	before := dump(t, db)
	id, err := del()
	if err != nil {
		t.Fatal(err)
	}
	deleted := dump(t, db)
	for _, table := range took {
		if len(deleted[table]) >= len(before[table]) {
			t.Errorf("the delete took no row of %s (%d rows before, %d after)", table, len(before[table]), len(deleted[table]))
		}
	}
	items, err := s.Trash(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 || items[0].ID != id || items[0].Label != label {
		t.Fatalf("trash %+v, want %s first, labelled %q", items, id, label)
	}
	it := items[0]
	for _, table := range took {
		if it.Counts[table] != len(before[table])-len(deleted[table]) {
			t.Errorf("entry counts %d %s, the delete took %d", it.Counts[table], table, len(before[table])-len(deleted[table]))
		}
	}
	if time.Since(it.DeletedAt) > time.Minute || time.Since(it.DeletedAt) < 0 {
		t.Errorf("deleted at %v", it.DeletedAt)
	}
	got, err := s.RestoreTrash(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Label != label {
		t.Errorf("restored %q", got.Label)
	}
	sameDump(t, "after restoring "+label, dump(t, db), before)
	if items, _ := s.Trash(ctx, n.ID); len(items) != 0 {
		t.Errorf("trash after the restore: %+v", items)
	}
	if _, err := s.RestoreTrash(ctx, id); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second restore: %v, want ErrNotFound", err)
	}
	return it
}

func TestADeletedPartnerComesBackWhole(t *testing.T) {
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	id := one[string](t, db, `SELECT id FROM partners WHERE name = 'Gdańsk'`)
	it := deleteAndRestore(t, s, n, "partner 'Gdańsk'",
		[]string{"partners", "good_practices", "matrix_cells", "good_practice_sub_themes", "learning_grids", "grid_rows", "meeting_hosts"},
		func() (string, error) { return s.DeletePartner(context.Background(), id) })
	sum := it.Summary()
	for _, want := range []string{"good practices", "matrix cells", "learning grid", "meeting host"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary %q lacks %q", sum, want)
		}
	}
	if strings.Contains(sum, "partner") {
		t.Errorf("summary %q counts the partner itself", sum)
	}
	// Typed values made the round trip: an integer, a real, text with accents.
	p := one[string](t, db, `SELECT typeof(population) || typeof(unemployment_rate) || name FROM partners WHERE id = ?`, id)
	if p != "integerrealGdańsk" {
		t.Errorf("restored partner reads %q", p)
	}
}

func TestADeletedThemeAndSubThemeComeBackWhole(t *testing.T) {
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	theme := one[string](t, db, `SELECT theme_id FROM sub_themes s WHERE EXISTS (SELECT 1 FROM good_practice_sub_themes WHERE sub_theme_id = s.id) LIMIT 1`)
	title := one[string](t, db, `SELECT title FROM themes WHERE id = ?`, theme)
	deleteAndRestore(t, s, n, "theme '"+title+"'", []string{"themes", "sub_themes", "matrix_cells", "good_practice_sub_themes"},
		func() (string, error) { return s.DeleteTheme(context.Background(), theme) })
	sub := one[string](t, db, `SELECT id FROM sub_themes WHERE theme_id = ? ORDER BY position LIMIT 1`, theme)
	subTitle := one[string](t, db, `SELECT title FROM sub_themes WHERE id = ?`, sub)
	deleteAndRestore(t, s, n, "sub-theme '"+subTitle+"'", []string{"sub_themes", "matrix_cells"},
		func() (string, error) { return s.DeleteSubTheme(context.Background(), sub) })
}

func TestADeletedGoodPracticeComesBackWithItsCellsAndLinks(t *testing.T) {
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	// A practice alone in a cell: the delete empties the cell, the restore puts it back.
	gp := one[string](t, db, `SELECT g.id FROM good_practices g JOIN good_practice_sub_themes l ON l.good_practice_id = g.id
		JOIN matrix_cells c ON c.partner_id = g.owner_partner_id AND c.sub_theme_id = l.sub_theme_id
		WHERE c.noted = '' AND (SELECT COUNT(*) FROM good_practices o JOIN good_practice_sub_themes ol ON ol.good_practice_id = o.id
			WHERE o.owner_partner_id = c.partner_id AND ol.sub_theme_id = c.sub_theme_id) = 1 LIMIT 1`)
	title := one[string](t, db, `SELECT title FROM good_practices WHERE id = ?`, gp)
	deleteAndRestore(t, s, n, "good practice '"+title+"'", []string{"good_practices", "good_practice_sub_themes", "matrix_cells"},
		func() (string, error) { return s.DeleteGoodPractice(context.Background(), gp) })
}

func TestADeletedMeetingComesBackWithItsGridsAndLinks(t *testing.T) {
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	m := one[string](t, db, `SELECT meeting_id FROM learning_grids GROUP BY meeting_id ORDER BY COUNT(*) DESC LIMIT 1`)
	title := one[string](t, db, `SELECT title FROM meetings WHERE id = ?`, m)
	deleteAndRestore(t, s, n, "meeting '"+title+"'", []string{"meetings", "learning_grids", "grid_rows", "meeting_hosts"},
		func() (string, error) { return s.DeleteMeeting(context.Background(), m) })

	// The meeting at which those rows were reviewed: deleting it unlinks the
	// reviews (ON DELETE SET NULL), restoring it links them again.
	review := one[string](t, db, `SELECT reviewed_meeting FROM grid_rows WHERE reviewed_meeting IS NOT NULL LIMIT 1`)
	title = one[string](t, db, `SELECT title FROM meetings WHERE id = ?`, review)
	deleteAndRestore(t, s, n, "meeting '"+title+"'", []string{"meetings"},
		func() (string, error) {
			id, err := s.DeleteMeeting(context.Background(), review)
			if left := one[int](t, db, `SELECT COUNT(*) FROM grid_rows WHERE reviewed_meeting = ?`, review); err == nil && left != 0 {
				t.Errorf("%d reviews still name the deleted meeting", left)
			}
			return id, err
		})
}

func TestADeletedStudySectionGoesBackInItsPlace(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	study := one[string](t, db, `SELECT id FROM studies LIMIT 1`)
	sec := one[string](t, db, `SELECT id FROM study_sections WHERE study_id = ? AND position = 2`, study)
	title := one[string](t, db, `SELECT title FROM study_sections WHERE id = ?`, sec)
	deleteAndRestore(t, s, n, "study section '"+title+"'", []string{"study_sections"},
		func() (string, error) { return s.DeleteSection(ctx, sec) })

	// Sections added since: it goes back at its place, the others move down.
	id, err := s.DeleteSection(ctx, sec)
	if err != nil {
		t.Fatal(err)
	}
	added, err := s.AddSection(ctx, study, 1, data.Section{Title: "Added since", Kind: data.SectionText, Level: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RestoreTrash(ctx, id); err != nil {
		t.Fatal(err)
	}
	if pos := one[int](t, db, `SELECT position FROM study_sections WHERE id = ?`, sec); pos != 2 {
		t.Errorf("restored at %d, want 2", pos)
	}
	if pos := one[int](t, db, `SELECT position FROM study_sections WHERE id = ?`, added.ID); pos != 1 {
		t.Errorf("the section added since is at %d, want 1", pos)
	}
	if gaps := one[int](t, db, `SELECT COUNT(*) - MAX(position) - 1 + COUNT(DISTINCT position) - COUNT(*) FROM study_sections WHERE study_id = ?`, study); gaps != 0 {
		t.Errorf("positions are not 0..n-1 (%d off)", gaps)
	}
}

// surveyOf stores a survey of the network with a question and respondents,
// some of them tied to partner.
func surveyOf(t *testing.T, s *data.Store, networkID, partner string, respondents int) data.Survey {
	t.Helper()
	var sv data.Survey
	err := s.Update(context.Background(), func(tx *data.Tx) error {
		var err error
		if sv, err = tx.CreateSurvey(data.Survey{NetworkID: networkID, Title: "Needs of Łódź, café"}); err != nil {
			return err
		}
		if _, err = tx.CreateQuestion(data.Question{SurveyID: sv.ID, Kind: data.KindSingleChoice, Prompt: "Which?", Options: []string{"a", "b"}}); err != nil {
			return err
		}
		rs := make([]data.Respondent, respondents)
		for i := range rs {
			rs[i] = data.Respondent{Position: i, Answers: [][]string{{"a"}}}
			if i%3 == 0 {
				rs[i].PartnerID = partner
			}
		}
		if err := tx.AddRespondents(sv.ID, rs); err != nil {
			return err
		}
		return tx.SetSurveyRespondents(sv.ID, respondents)
	})
	if err != nil {
		t.Fatal(err)
	}
	return sv
}

func TestADeletedSurveyIsHiddenThenBackAndAPartnerTakesItsRespondentsLinks(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	partner := one[string](t, db, `SELECT id FROM partners WHERE name = 'Gdańsk'`)
	const respondents = 30
	sv := surveyOf(t, s, n.ID, partner, respondents)
	before := dump(t, db)
	var trashID string
	if err := s.Update(ctx, func(tx *data.Tx) error {
		var err error
		trashID, err = tx.DeleteSurvey(sv.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Surveys(ctx, n.ID); len(list) != 0 {
		t.Errorf("surveys after the delete: %+v", list)
	}
	if _, err := s.SurveyByIDOrTitle(ctx, n.ID, sv.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the deleted survey is still found: %v", err)
	}
	items, _ := s.Trash(ctx, n.ID)
	if len(items) != 1 || items[0].Label != "survey 'Needs of Łódź, café'" || items[0].Summary() != fmt.Sprintf("%d respondents, 1 question", respondents) {
		t.Fatalf("trash %+v (summary %q)", items, items[0].Summary())
	}
	if _, err := s.RestoreTrash(ctx, trashID); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "after restoring the survey", dump(t, db), before)

	// Deleting the partner unlinks its respondents (ON DELETE SET NULL);
	// restoring it links them again.
	deleteAndRestore(t, s, n, "partner 'Gdańsk'", []string{"partners"},
		func() (string, error) {
			id, err := s.DeletePartner(ctx, partner)
			if linked := one[int](t, db, `SELECT COUNT(*) FROM survey_respondents WHERE partner_id = ?`, partner); err == nil && linked != 0 {
				t.Errorf("%d respondents still linked to the deleted partner", linked)
			}
			return id, err
		})

	// Emptying the trash deletes the survey for good.
	if err := s.Update(ctx, func(tx *data.Tx) error { _, err := tx.DeleteSurvey(sv.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if got, err := s.EmptyTrash(ctx, n.ID); err != nil || got != 1 {
		t.Fatalf("emptied %d (%v)", got, err)
	}
	if left := one[int](t, db, `SELECT (SELECT COUNT(*) FROM surveys) + (SELECT COUNT(*) FROM survey_respondents)`); left != 0 {
		t.Errorf("%d survey rows left after emptying the trash", left)
	}
}

func TestTrashIsPurgedAfterThirtyDays(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	ms, _ := s.Milestones(ctx, n.ID)
	if _, err := s.DeleteMilestone(ctx, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	sv := surveyOf(t, s, n.ID, "", 5)
	if err := s.Update(ctx, func(tx *data.Tx) error { _, err := tx.DeleteSurvey(sv.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PurgeTrash(ctx, time.Now().Add(data.TrashKeep-time.Hour)); err != nil || got != 0 {
		t.Fatalf("purged %d before 30 days (%v)", got, err)
	}
	if items, _ := s.Trash(ctx, n.ID); len(items) != 2 || items[0].Kind != data.TrashSurvey || items[1].Kind != data.TrashMilestone {
		t.Fatalf("trash before 30 days: %+v (want the survey, then the older milestone)", items)
	}
	if got, err := s.PurgeTrash(ctx, time.Now().Add(data.TrashKeep+time.Hour)); err != nil || got != 2 {
		t.Fatalf("purged %d after 30 days (%v)", got, err)
	}
	if items, _ := s.Trash(ctx, n.ID); len(items) != 0 {
		t.Fatalf("trash after 30 days: %+v", items)
	}
	if left := one[int](t, db, `SELECT COUNT(*) FROM surveys`); left != 0 {
		t.Errorf("%d surveys left after the purge", left)
	}
}

func TestRestoreIsRefusedCleanlyWhenItCannotBeWhole(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	partner := one[string](t, db, `SELECT id FROM partners WHERE name = 'Gdańsk'`)
	gp := one[string](t, db, `SELECT id FROM good_practices WHERE owner_partner_id = ? LIMIT 1`, partner)
	gpTrash, err := s.DeleteGoodPractice(ctx, gp)
	if err != nil {
		t.Fatal(err)
	}
	partnerTrash, err := s.DeletePartner(ctx, partner)
	if err != nil {
		t.Fatal(err)
	}
	// The practice's owner is in the trash: the practice cannot come back.
	before := dump(t, db)
	var ce *data.ConstraintError
	if _, err := s.RestoreTrash(ctx, gpTrash); !errors.As(err, &ce) || !strings.Contains(err.Error(), "the partner it belongs to no longer exists") {
		t.Fatalf("restoring a practice of a deleted partner: %v", err)
	}
	sameDump(t, "after a refused restore", dump(t, db), before)

	// A partner of the same name was made since: refused, nothing changed.
	if _, err := s.SavePartner(ctx, data.Partner{NetworkID: n.ID, Name: "GDANSK", Role: data.RolePartner}); err != nil {
		t.Fatal(err)
	}
	before = dump(t, db)
	if _, err := s.RestoreTrash(ctx, partnerTrash); !errors.As(err, &ce) || !strings.Contains(err.Error(), "exists again") {
		t.Fatalf("restoring over a new namesake: %v", err)
	}
	sameDump(t, "after a refused restore", dump(t, db), before)
	if items, _ := s.Trash(ctx, n.ID); len(items) != 2 {
		t.Fatalf("a refused restore changed the trash: %+v", items)
	}

	// With the namesake gone, both come back, the partner first.
	again := one[string](t, db, `SELECT id FROM partners WHERE name = 'GDANSK'`)
	if _, err := s.DeletePartner(ctx, again); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{partnerTrash, gpTrash} {
		if _, err := s.RestoreTrash(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if got := one[int](t, db, `SELECT COUNT(*) FROM good_practices WHERE id = ?`, gp); got != 1 {
		t.Errorf("practice not back")
	}
	if got, err := s.EmptyTrash(ctx, n.ID); err != nil || got != 1 {
		t.Errorf("emptying the trash with the namesake in it: %d (%v)", got, err)
	}
	if items, _ := s.Trash(ctx, n.ID); len(items) != 0 {
		t.Errorf("trash after emptying: %+v", items)
	}
}

func TestWriterOpenPurgesOldTrashOnly(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	ms, _ := s.Milestones(ctx, n.ID)
	if _, err := s.DeleteMilestone(ctx, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteMilestone(ctx, ms[1].ID); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-data.TrashKeep - time.Hour).UTC().Format("2006-01-02T15:04:05.000000000Z")
	if _, err := raw.Exec(`UPDATE trash SET deleted_at = ? WHERE label = ?`, old, fmt.Sprintf("milestone '%s'", ms[0].Title)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s2, err := data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	items, err := s2.Trash(ctx, n.ID)
	if err != nil || len(items) != 1 || items[0].Label != fmt.Sprintf("milestone '%s'", ms[1].Title) {
		t.Fatalf("trash after opening: %+v (%v)", items, err)
	}
}
