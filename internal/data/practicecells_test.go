package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// osijek is a small network: Osijek and Genk, sub-themes 2.1 and 2.2.
type osijek struct {
	s            *Store
	net          Network
	osijek, genk Partner
	sub21, sub22 SubTheme
	ctx          context.Context
}

func newOsijek(t *testing.T, s *Store) *osijek {
	t.Helper()
	o := &osijek{s: s, ctx: context.Background()}
	var err error
	if o.net, err = s.CreateNetwork(o.ctx, Network{Name: "Practices"}); err != nil {
		t.Fatal(err)
	}
	o.osijek = oldSchemaPartner(t, s, o.net.ID, "Osijek", 0)
	o.genk = oldSchemaPartner(t, s, o.net.ID, "Genk", 1)
	var th Theme
	err = s.Update(o.ctx, func(tx *Tx) error {
		th, err = tx.CreateTheme(Theme{NetworkID: o.net.ID, Number: "2", Title: "Public space",
			SubThemes: []SubTheme{{Number: "2.1", Title: "Squares"}, {Number: "2.2", Title: "Parks"}}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	o.sub21, o.sub22 = th.SubThemes[0], th.SubThemes[1]
	return o
}

// cells says the matrix as "partner×sub=state[practice titles]", sorted.
func (o *osijek) cells(t *testing.T) string {
	t.Helper()
	cells, err := o.s.MatrixCells(o.ctx, o.net.ID)
	if err != nil {
		t.Fatal(err)
	}
	gps, err := o.s.GoodPractices(o.ctx, o.net.ID)
	if err != nil {
		t.Fatal(err)
	}
	title := map[string]string{}
	for _, gp := range gps {
		title[gp.ID] = gp.Title
	}
	name := map[string]string{o.osijek.ID: "Osijek", o.genk.ID: "Genk", o.sub21.ID: "2.1", o.sub22.ID: "2.2"}
	var out []string
	for _, c := range cells {
		var ts []string
		for _, id := range c.PracticeIDs {
			ts = append(ts, title[id])
		}
		out = append(out, fmt.Sprintf("%s×%s=%s%v", name[c.PartnerID], name[c.SubThemeID], c.State, ts))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

func (o *osijek) practice(t *testing.T, id string) GoodPractice {
	t.Helper()
	gps, err := o.s.GoodPractices(o.ctx, o.net.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, gp := range gps {
		if gp.ID == id {
			return gp
		}
	}
	t.Fatalf("no practice %s", id)
	return GoodPractice{}
}

func wantCells(t *testing.T, o *osijek, step, want string) {
	t.Helper()
	if got := o.cells(t); got != want {
		t.Fatalf("%s:\n got  %s\n want %s", step, got, want)
	}
}

// The case of the issue: a practice of Osijek ticked for 2.1 and 2.2 makes
// those cells GP and GP+KN; unticking brings them back; an outside
// practice leaves the partners' cells alone.
func TestTickingASubThemeMakesTheCellGoodPractice(t *testing.T) {
	o := newOsijek(t, openWriter(t, tempDB(t)))
	ctx, s := o.ctx, o.s
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.osijek.ID, SubThemeID: o.sub22.ID, State: CellKnowledgeNeed}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.genk.ID, SubThemeID: o.sub21.ID, State: CellGoodPractice}); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "before", "Genk×2.1=gp[] Osijek×2.2=kn[]")
	gp, err := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: o.net.ID, Title: "Pocket parks", OwnerPartnerID: o.osijek.ID,
		SubThemeIDs: []string{o.sub21.ID, o.sub22.ID}})
	if err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "ticked 2.1 and 2.2", "Genk×2.1=gp[] Osijek×2.1=gp[Pocket parks] Osijek×2.2=gp_kn[Pocket parks]")
	if n, _ := s.PracticeCells(ctx, gp.ID); n != 2 {
		t.Errorf("PracticeCells = %d, want 2", n)
	}
	gp.SubThemeIDs = []string{o.sub21.ID}
	if err := s.UpdateGoodPractice(ctx, gp); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "2.2 unticked", "Genk×2.1=gp[] Osijek×2.1=gp[Pocket parks] Osijek×2.2=kn[]")
	gp.SubThemeIDs = nil
	if err := s.UpdateGoodPractice(ctx, gp); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "all unticked", "Genk×2.1=gp[] Osijek×2.2=kn[]")

	// A GP noted without a practice in the catalogue stays when its
	// practice comes and goes.
	g, err := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: o.net.ID, Title: "Market square", OwnerPartnerID: o.genk.ID, SubThemeIDs: []string{o.sub21.ID}})
	if err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "Genk's practice ticked", "Genk×2.1=gp[Market square] Osijek×2.2=kn[]")
	g.SubThemeIDs = nil
	if err := s.UpdateGoodPractice(ctx, g); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "Genk's practice unticked", "Genk×2.1=gp[] Osijek×2.2=kn[]")

	// A practice that changes owner moves to the new owner's cells.
	gp.SubThemeIDs, gp.OwnerPartnerID = []string{o.sub22.ID}, o.genk.ID
	if err := s.UpdateGoodPractice(ctx, gp); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "moved to Genk", "Genk×2.1=gp[] Genk×2.2=gp[Pocket parks] Osijek×2.2=kn[]")

	// Outside practices have no partner cell (they are the Outside column).
	out, err := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: o.net.ID, Title: "Louisville parks", OutsideCity: "Louisville", SubThemeIDs: []string{o.sub21.ID, o.sub22.ID}})
	if err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "outside practice", "Genk×2.1=gp[] Genk×2.2=gp[Pocket parks] Osijek×2.2=kn[]")
	if n, _ := s.PracticeCells(ctx, out.ID); n != 0 {
		t.Errorf("an outside practice is in %d cells", n)
	}
	// A practice going outside leaves its cells.
	gp.OwnerPartnerID, gp.OutsideCity = "", "Vienna"
	if err := s.UpdateGoodPractice(ctx, gp); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "gone outside", "Genk×2.1=gp[] Osijek×2.2=kn[]")
}

// The other way: the practices a cell names are the practices' sub-themes.
func TestEditingACellsPracticesUpdatesTheCatalogue(t *testing.T) {
	o := newOsijek(t, openWriter(t, tempDB(t)))
	ctx, s := o.ctx, o.s
	a, err := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: o.net.ID, Title: "Ideathon", OwnerPartnerID: o.osijek.ID})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: o.net.ID, Title: "Decidim", OwnerPartnerID: o.osijek.ID, SubThemeIDs: []string{o.sub22.ID}})
	if err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "before", "Osijek×2.2=gp[Decidim]")
	// The cell names Ideathon: it serves 2.2 now; Decidim, left out, does not.
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.osijek.ID, SubThemeID: o.sub22.ID, State: CellGoodPracticeKN, PracticeIDs: []string{a.ID}}); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "cell names Ideathon", "Osijek×2.2=gp_kn[Ideathon]")
	if got := o.practice(t, a.ID).SubThemeIDs; !slices.Equal(got, []string{o.sub22.ID}) {
		t.Errorf("Ideathon serves %v, want 2.2", got)
	}
	if got := o.practice(t, b.ID).SubThemeIDs; len(got) != 0 {
		t.Errorf("Decidim still serves %v", got)
	}
	// A cell named with practices has a good practice, whatever state it is given.
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.osijek.ID, SubThemeID: o.sub21.ID, State: CellKnowledgeNeed, PracticeIDs: []string{b.ID}}); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "KN cell names Decidim", "Osijek×2.1=gp_kn[Decidim] Osijek×2.2=gp_kn[Ideathon]")
	// Knowledge need only: the practices lose the sub-theme.
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.osijek.ID, SubThemeID: o.sub22.ID, State: CellKnowledgeNeed}); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "2.2 to KN", "Osijek×2.1=gp_kn[Decidim] Osijek×2.2=kn[]")
	if got := o.practice(t, a.ID).SubThemeIDs; len(got) != 0 {
		t.Errorf("Ideathon still serves %v", got)
	}
	// Emptied: nothing, and no practice serves it.
	if err := s.DeleteMatrixCell(ctx, o.osijek.ID, o.sub21.ID); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "2.1 emptied", "Osijek×2.2=kn[]")
	if got := o.practice(t, b.ID).SubThemeIDs; len(got) != 0 {
		t.Errorf("Decidim still serves %v", got)
	}
	// A cell names only its partner's practices.
	var ce *ConstraintError
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.genk.ID, SubThemeID: o.sub21.ID, State: CellGoodPractice, PracticeIDs: []string{a.ID}}); !errors.As(err, &ce) {
		t.Errorf("Genk's cell naming Osijek's practice: %v, want a ConstraintError", err)
	}
	wantCells(t, o, "refused", "Osijek×2.2=kn[]")
	// A learning need marks the cell and keeps its practices.
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.osijek.ID, SubThemeID: o.sub21.ID, State: CellGoodPractice, PracticeIDs: []string{a.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateLearningNeed(ctx, LearningNeed{NetworkID: o.net.ID, PartnerID: o.osijek.ID, SubThemeID: o.sub21.ID, Text: "Squares for all", Priority: 1, Source: "typed"}, true); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "need marked", "Osijek×2.1=gp_kn[Ideathon] Osijek×2.2=kn[]")
	a.SubThemeIDs = nil
	if err := s.UpdateGoodPractice(ctx, a); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "practice unticked after the need", "Osijek×2.1=kn[] Osijek×2.2=kn[]")
}

// Deleting a practice takes it out of its cells; the restore puts the cells
// back as they were (the derived state is filed and derived again).
func TestTrashedPracticeTakesItsCellsAndBringsThemBack(t *testing.T) {
	o := newOsijek(t, openWriter(t, tempDB(t)))
	ctx, s := o.ctx, o.s
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: o.osijek.ID, SubThemeID: o.sub22.ID, State: CellKnowledgeNeed}); err != nil {
		t.Fatal(err)
	}
	gp, err := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: o.net.ID, Title: "Pocket parks", OwnerPartnerID: o.osijek.ID,
		SubThemeIDs: []string{o.sub21.ID, o.sub22.ID}})
	if err != nil {
		t.Fatal(err)
	}
	const all = "Osijek×2.1=gp[Pocket parks] Osijek×2.2=gp_kn[Pocket parks]"
	wantCells(t, o, "before", all)
	before, _ := s.MatrixCells(ctx, o.net.ID)
	id, err := s.DeleteGoodPractice(ctx, gp.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "deleted", "Osijek×2.2=kn[]")
	if _, err := s.RestoreTrash(ctx, id); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "restored", all)
	after, _ := s.MatrixCells(ctx, o.net.ID)
	sameIDs := func(cs []MatrixCell) []string {
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		slices.Sort(ids)
		return ids
	}
	if !slices.Equal(sameIDs(before), sameIDs(after)) {
		t.Errorf("cell ids before %v, after the restore %v", sameIDs(before), sameIDs(after))
	}
}

// migrationsBefore is the set of migrations that come before the one
// named *name (by number): a database made with them is one from before
// that migration, whatever came after it since.
func migrationsBefore(t *testing.T, name string) fs.FS {
	t.Helper()
	entries, _ := fs.ReadDir(migrations, ".")
	limit := ""
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), name) {
			limit = e.Name()
		}
	}
	if limit == "" {
		t.Fatalf("no migration named *%s", name)
	}
	older := fstest.MapFS{}
	for _, e := range entries {
		if e.Name() < limit { // the names start with the zero-padded number
			b, _ := fs.ReadFile(migrations, e.Name())
			older[e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	return older
}

// A database made by the old rule, where practices and the matrix
// disagree, agrees after the upgrade, which says what it changed.
func TestUpgradeBringsPracticesAndMatrixIntoAgreement(t *testing.T) {
	path := tempDB(t)
	saved := migrations
	migrations = migrationsBefore(t, "_practice_cells.sql")
	s := openWriter(t, path)
	migrations = saved
	o := newOsijek(t, s)
	ctx := o.ctx
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	practice := func(id, owner, city string, subs ...string) {
		t.Helper()
		exec(`INSERT INTO good_practices (id, network_id, title, owner_partner_id, outside_city, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`,
			id, o.net.ID, "Practice "+id, nullable(owner), city, now(), now())
		for _, st := range subs {
			exec(`INSERT INTO good_practice_sub_themes (good_practice_id, sub_theme_id) VALUES (?,?)`, id, st)
		}
	}
	cell := func(id, partner, sub, state string, names ...string) {
		t.Helper()
		exec(`INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, created_at, updated_at) VALUES (?,?,?,?,?,?)`, id, partner, sub, state, now(), now())
		for i, gp := range names {
			exec(`INSERT INTO matrix_cell_practices (cell_id, good_practice_id, position) VALUES (?,?,?)`, id, gp, i)
		}
	}
	// The issue: Osijek's practice ticked for 2.1 and 2.2, the cells at nothing and KN.
	practice("p1", o.osijek.ID, "", o.sub21.ID, o.sub22.ID)
	cell("c1", o.osijek.ID, o.sub22.ID, "kn")
	// A cell names Genk's practice, which does not list the sub-theme.
	practice("p2", o.genk.ID, "")
	cell("c2", o.genk.ID, o.sub21.ID, "gp", "p2")
	// A GP cell with no practice (Table 1 names one not in the catalogue).
	cell("c3", o.genk.ID, o.sub22.ID, "gp_kn")
	// An outside practice: the Outside column, no partner cell.
	practice("p3", "", "Louisville", o.sub21.ID)
	s.Close()

	s2 := openWriter(t, path)
	o.s = s2
	wantCells(t, o, "upgraded", "Genk×2.1=gp[Practice p2] Genk×2.2=gp_kn[] Osijek×2.1=gp[Practice p1] Osijek×2.2=gp_kn[Practice p1]")
	if got := o.practice(t, "p2").SubThemeIDs; !slices.Equal(got, []string{o.sub21.ID}) {
		t.Errorf("p2 serves %v, want 2.1 (the cell named it)", got)
	}
	want := "Good practices and the matrix now agree: 1 practice sub-theme(s) added from matrix cells that named the practice; " +
		"1 empty cell(s) became GP; 1 KN cell(s) became GP+KN; 1 GP cell(s) name no practice in the catalogue and stay GP."
	if len(s2.UpgradeNotes) != 1 || s2.UpgradeNotes[0] != want {
		t.Errorf("upgrade notes %q, want %q", s2.UpgradeNotes, want)
	}
	if s2.BackupPath == "" {
		t.Error("no copy made before the upgrade")
	}
	// The rule holds from here on: the noted states came through.
	p1 := o.practice(t, "p1")
	p1.SubThemeIDs = nil
	if err := s2.UpdateGoodPractice(ctx, p1); err != nil {
		t.Fatal(err)
	}
	p2 := o.practice(t, "p2")
	p2.SubThemeIDs = nil
	if err := s2.UpdateGoodPractice(ctx, p2); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "unticked after the upgrade", "Genk×2.2=gp_kn[] Osijek×2.2=kn[]")
	if problems, err := s2.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check after the upgrade: %v %v", problems, err)
	}
	s2.Close()
	s3 := openWriter(t, path)
	if len(s3.UpgradeNotes) != 0 {
		t.Errorf("the notes are said again: %q", s3.UpgradeNotes)
	}
}

// A trash entry filed before the upgrade (cells naming practices in
// matrix_cell_practices, no noted state) still restores: a KN cell stays
// KN, the practice it named comes back serving the cell's sub-theme.
func TestOldTrashEntryRestoresAfterTheUpgrade(t *testing.T) {
	path := tempDB(t)
	saved := migrations
	migrations = migrationsBefore(t, "_practice_cells.sql")
	s := openWriter(t, path)
	migrations = saved
	o := newOsijek(t, s)
	ctx := o.ctx
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO good_practices (id, network_id, title, owner_partner_id, created_at, updated_at) VALUES ('p1', ?, 'Pocket parks', ?, ?, ?)`, o.net.ID, o.genk.ID, now(), now())
	exec(`INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, created_at, updated_at) VALUES ('c1', ?, ?, 'kn', ?, ?), ('c2', ?, ?, 'gp', ?, ?)`,
		o.genk.ID, o.sub21.ID, now(), now(), o.genk.ID, o.sub22.ID, now(), now())
	exec(`INSERT INTO matrix_cell_practices (cell_id, good_practice_id, position) VALUES ('c2', 'p1', 0)`)
	// File Genk's delete as the old program did: the rows, then the delete.
	var p payload
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		c := &capture{ctx: ctx, tx: tx, sc: sc, seen: map[string]map[string]bool{}}
		if err := c.take("partners", []string{"id"}, []any{o.genk.ID}); err != nil {
			return err
		}
		p = c.p
		_, err = tx.ExecContext(ctx, `DELETE FROM partners WHERE id = ?`, o.genk.ID)
		if err != nil {
			return err
		}
		_, err = fileTrash(ctx, tx, o.net.ID, TrashPartner, "partner 'Genk'", map[string]int{"partners": 1}, p, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2 := openWriter(t, path)
	o.s = s2
	items, err := s2.Trash(ctx, o.net.ID)
	if err != nil || len(items) != 1 {
		t.Fatalf("trash %v %v", items, err)
	}
	if _, err := s2.RestoreTrash(ctx, items[0].ID); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "restored", "Genk×2.1=kn[] Genk×2.2=gp[Pocket parks]")
	if got := o.practice(t, "p1").SubThemeIDs; !slices.Equal(got, []string{o.sub22.ID}) {
		t.Errorf("the restored practice serves %v, want 2.2", got)
	}
	// The noted states are right: unticking takes 2.2 back to nothing.
	gp := o.practice(t, "p1")
	gp.SubThemeIDs = nil
	if err := s2.UpdateGoodPractice(ctx, gp); err != nil {
		t.Fatal(err)
	}
	wantCells(t, o, "unticked", "Genk×2.1=kn[]")
}
