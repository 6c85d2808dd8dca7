package matrix

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// ImportPlan is a matrix CSV read and checked against the network; it
// replaces the whole matrix when applied.
type ImportPlan struct {
	Source   string
	Problems []error
	rows     []importRow
	outside  bool // the file has an outside-the-network column
}

type importRow struct {
	line                int
	themeNumber, theme  string
	subNumber, subTheme string
	cells               map[string]parsedCell // partner id → cell
	outside             []outsideRef
}

// Summary says what the import holds.
func (p *ImportPlan) Summary() string {
	if len(p.Problems) > 0 {
		return fmt.Sprintf("%d problem(s) to fix; nothing was changed", len(p.Problems))
	}
	cells := 0
	for _, r := range p.rows {
		cells += len(r.cells)
	}
	return fmt.Sprintf("%d sub-themes, %d filled cells", len(p.rows), cells)
}

var numberedTitle = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s+(\S.*)$`)

func splitNumbered(s string) (number, title string) {
	s = strings.TrimSpace(s)
	if m := numberedTitle.FindStringSubmatch(s); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	return "", s
}

// PlanImport reads a Table-1-shaped CSV against the partners of m.
func PlanImport(t *tabular.Table, m *Matrix) *ImportPlan {
	p := &ImportPlan{Source: t.File}
	fail := func(line, col int, msg, hint string) {
		p.Problems = append(p.Problems, &tabular.FileError{File: t.File, Line: line, Column: col, Msg: msg, Hint: hint})
	}
	header := t.Header()
	if len(header) < 3 || data.NameKey(tabular.UnsafeCell(header[0])) != "theme" || data.NameKey(strings.ReplaceAll(header[1], "-", " ")) != "sub theme" {
		fail(firstLine(t), 1, "the header must start with Theme, Sub-theme and then one column per partner", "export the matrix once to see the layout")
		return p
	}
	partnerOf := map[string]data.Partner{}
	for _, pt := range m.Partners {
		partnerOf[data.NameKey(pt.Name)] = pt
	}
	columns := make([]string, len(header)) // partner id per column; "" for theme columns
	seen := map[string]int{}
	for i := 2; i < len(header); i++ {
		h := strings.TrimSpace(tabular.UnsafeCell(header[i]))
		key := data.NameKey(h)
		if key == data.NameKey(headerOutside) || strings.HasPrefix(key, "gps from outside") {
			if i != len(header)-1 {
				fail(firstLine(t), i+1, "the outside-the-network column must be the last", "")
			}
			p.outside = true
			continue
		}
		pt, ok := partnerOf[key]
		if !ok {
			fail(firstLine(t), i+1, fmt.Sprintf("%q is not a partner of this network", h), "add the partner first, or fix the column's name")
			continue
		}
		if first, dup := seen[pt.ID]; dup {
			fail(firstLine(t), i+1, fmt.Sprintf("%s has a second column (the first is %s)", pt.Name, tabular.ColumnLabel(first)), "")
			continue
		}
		seen[pt.ID] = i + 1
		columns[i] = pt.ID
	}
	for _, row := range t.Rows[1:] {
		p.readRow(t.File, row, header, columns)
	}
	if len(t.Rows) < 2 {
		fail(0, 0, "has a header but no sub-theme rows", "")
	}
	return p
}

func firstLine(t *tabular.Table) int {
	if len(t.Rows) == 0 {
		return 1
	}
	return t.Rows[0].Line
}

func (p *ImportPlan) readRow(file string, row tabular.Row, header, columns []string) {
	fail := func(col int, msg, hint string) {
		p.Problems = append(p.Problems, &tabular.FileError{File: file, Line: row.Line, Column: col, Msg: msg, Hint: hint})
	}
	if len(row.Cells) != len(header) {
		fail(min(len(row.Cells), len(header))+1, fmt.Sprintf("has %d cells but the header has %d", len(row.Cells), len(header)), "check for a separator inside an unquoted cell")
		return
	}
	r := importRow{line: row.Line, cells: map[string]parsedCell{}}
	r.themeNumber, r.theme = splitNumbered(tabular.UnsafeCell(row.Cells[0]))
	r.subNumber, r.subTheme = splitNumbered(tabular.UnsafeCell(row.Cells[1]))
	if r.theme == "" || r.subTheme == "" {
		fail(1, "needs a theme and a sub-theme", "")
		return
	}
	for i := 2; i < len(row.Cells); i++ {
		switch {
		case columns[i] != "":
			c, err := ParseCell(row.Cells[i])
			if err != nil {
				fail(i+1, err.Error(), "")
				continue
			}
			if c.state != None {
				r.cells[columns[i]] = c
			}
		case p.outside && i == len(row.Cells)-1:
			refs, err := parseOutside(row.Cells[i])
			if err != nil {
				fail(i+1, err.Error(), "")
				continue
			}
			r.outside = refs
		}
	}
	p.rows = append(p.rows, r)
}

// Apply replaces the network's matrix with the plan in one transaction:
// missing themes, sub-themes and good practices are created, existing ones
// are matched by name (case and accents ignored).
func (p *ImportPlan) Apply(ctx context.Context, s *data.Store, m *Matrix) error {
	if len(p.Problems) > 0 {
		return fmt.Errorf("%s: %s", p.Source, p.Summary())
	}
	return s.Update(ctx, func(tx *data.Tx) error {
		a := newApplier(tx, m)
		if err := tx.ClearMatrix(m.NetworkID); err != nil {
			return err
		}
		for _, r := range p.rows {
			if err := a.row(r); err != nil {
				return fmt.Errorf("%s, line %d: %w", p.Source, r.line, err)
			}
		}
		return nil
	})
}

// applier resolves names to records, creating what is missing.
type applier struct {
	tx        *data.Tx
	m         *Matrix
	themes    map[string]*data.Theme   // folded title → theme
	subThemes map[string]data.SubTheme // theme id + folded title → sub-theme
	practices map[string]string        // owner (partner id or outside city) + folded title → id
	nextTheme int
}

func newApplier(tx *data.Tx, m *Matrix) *applier {
	a := &applier{tx: tx, m: m, themes: map[string]*data.Theme{}, subThemes: map[string]data.SubTheme{}, practices: map[string]string{}}
	themes := append([]data.Theme(nil), m.Themes...) // the applier adds sub-themes; m stays as loaded
	for i := range themes {
		th := &themes[i]
		a.themes[data.NameKey(th.Title)] = th
		a.nextTheme = max(a.nextTheme, th.Position+1)
		for _, st := range th.SubThemes {
			a.subThemes[th.ID+"\x00"+data.NameKey(st.Title)] = st
		}
	}
	for _, gp := range m.practices {
		a.practices[practiceKey(gp.OwnerPartnerID+gp.OutsideCity, gp.Title)] = gp.ID
	}
	return a
}

func practiceKey(owner, title string) string {
	return data.NameKey(owner) + "\x00" + data.NameKey(title)
}

func (a *applier) row(r importRow) error {
	st, err := a.subTheme(r)
	if err != nil {
		return err
	}
	for _, pt := range a.m.Partners {
		c, ok := r.cells[pt.ID]
		if !ok {
			continue
		}
		var ids []string
		for _, name := range c.names {
			id, err := a.practice(data.GoodPractice{NetworkID: a.m.NetworkID, Title: name, OwnerPartnerID: pt.ID}, st.ID)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		if _, err := a.tx.SetMatrixCell(data.MatrixCell{PartnerID: pt.ID, SubThemeID: st.ID, State: c.state, PracticeIDs: ids}); err != nil {
			return err
		}
	}
	for _, o := range r.outside {
		if _, err := a.practice(data.GoodPractice{NetworkID: a.m.NetworkID, Title: o.title, OutsideCity: o.city, OutsideCountry: o.country}, st.ID); err != nil {
			return err
		}
	}
	return nil
}

func (a *applier) subTheme(r importRow) (data.SubTheme, error) {
	th := a.themes[data.NameKey(r.theme)]
	if th == nil {
		created, err := a.tx.CreateTheme(data.Theme{NetworkID: a.m.NetworkID, Position: a.nextTheme, Number: r.themeNumber, Title: r.theme})
		if err != nil {
			return data.SubTheme{}, err
		}
		a.nextTheme++
		th = &created
		a.themes[data.NameKey(r.theme)] = th
	}
	key := th.ID + "\x00" + data.NameKey(r.subTheme)
	if st, ok := a.subThemes[key]; ok {
		return st, nil
	}
	st, err := a.tx.CreateSubTheme(data.SubTheme{ThemeID: th.ID, Position: len(th.SubThemes), Number: r.subNumber, Title: r.subTheme})
	if err != nil {
		return st, err
	}
	th.SubThemes = append(th.SubThemes, st)
	a.subThemes[key] = st
	return st, nil
}

// practice finds or creates a good practice and links it to the sub-theme.
func (a *applier) practice(gp data.GoodPractice, subThemeID string) (string, error) {
	key := practiceKey(gp.OwnerPartnerID+gp.OutsideCity, gp.Title)
	id, ok := a.practices[key]
	if !ok {
		gp.SubThemeIDs = []string{subThemeID}
		created, err := a.tx.CreateGoodPractice(gp)
		if err != nil {
			return "", err
		}
		a.practices[key] = created.ID
		return created.ID, nil
	}
	return id, a.tx.LinkPracticeSubTheme(id, subThemeID)
}
