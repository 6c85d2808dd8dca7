package partners

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// Record is one partner as read from a file or a paste: field key → text.
// Blank cells are left out, so an import never erases what is stored.
type Record struct {
	Line    int
	Values  map[string]string
	Columns map[string]int // field key → 1-based column, for messages
}

func (r Record) without(key string) Record {
	values := make(map[string]string, len(r.Values))
	for k, v := range r.Values {
		if k != key {
			values[k] = v
		}
	}
	r.Values = values
	return r
}

// RecordsFromTable reads the rows after the header with the mapping.
func RecordsFromTable(t *tabular.Table, m Mapping) ([]Record, []error) {
	var problems []error
	hasName := false
	for _, k := range m {
		hasName = hasName || k == "name"
	}
	if !hasName {
		return nil, []error{&tabular.FileError{File: t.File, Line: firstLine(t), Msg: "no column is mapped to the partner's name",
			Hint: "name a column City, Name or Partner, or choose its field in the preview"}}
	}
	if len(t.Rows) < 2 {
		return nil, []error{&tabular.FileError{File: t.File, Msg: "has a header but no partner rows", Hint: "add one row per partner under the header"}}
	}
	var records []Record
	for _, row := range t.Rows[1:] {
		if len(row.Cells) > len(m) && !blankFrom(row.Cells, len(m)) {
			problems = append(problems, &tabular.FileError{File: t.File, Line: row.Line, Column: len(m) + 1,
				Msg: fmt.Sprintf("has %d cells but the header has %d columns", len(row.Cells), len(m)), Hint: "check for a delimiter inside an unquoted cell"})
			continue
		}
		r := Record{Line: row.Line, Values: map[string]string{}, Columns: map[string]int{}}
		for i, cell := range row.Cells {
			if i < len(m) && m[i] != "" && strings.TrimSpace(cell) != "" {
				r.Values[m[i]] = strings.TrimSpace(cell)
				r.Columns[m[i]] = i + 1
			}
		}
		if len(r.Values) == 0 {
			continue // a blank row in the middle
		}
		records = append(records, r)
	}
	return records, problems
}

func firstLine(t *tabular.Table) int {
	if len(t.Rows) == 0 {
		return 0
	}
	return t.Rows[0].Line
}

func blankFrom(cells []string, i int) bool {
	for _, c := range cells[i:] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// FieldChange is one field an import changes on an existing partner.
type FieldChange struct {
	Key             string // the field's key (see Fields)
	Label, Old, New string
}

// Change is one partner an import adds or updates.
type Change struct {
	Line    int
	Partner data.Partner  // as it will be stored
	Fields  []FieldChange // for updates: what changes
	record  Record        // for updates: the values read, applied again at import time
}

// Plan is what an import will do, shown to the user before it happens.
type Plan struct {
	Source    string
	Adds      []Change
	Updates   []Change
	Unchanged []string // names of partners the import leaves as they are
	Problems  []error  // any problem stops the whole import
}

// Ready tells whether the plan can be applied.
func (p *Plan) Ready() bool { return len(p.Problems) == 0 && len(p.Adds)+len(p.Updates) > 0 }

// Summary says in one line what the plan does.
func (p *Plan) Summary() string {
	if len(p.Problems) > 0 {
		return fmt.Sprintf("%d problem(s) to fix before importing; nothing was changed", len(p.Problems))
	}
	return fmt.Sprintf("%d to add, %d to update, %d unchanged", len(p.Adds), len(p.Updates), len(p.Unchanged))
}

// MakePlan matches records to existing partners by name (ignoring case,
// accents and spacing) and works out what an import adds and changes.
func MakePlan(source, networkID string, existing []data.Partner, records []Record, readProblems []error) *Plan {
	plan := &Plan{Source: source, Problems: append([]error(nil), readProblems...)}
	byKey := map[string]data.Partner{}
	for _, p := range existing {
		byKey[data.NameKey(p.Name)] = p
	}
	// The keys first, to size the list of additions: growing it row by row
	// was the peak of a 50,000-row import's memory.
	keys, adds := make([]string, len(records)), 0
	for i, r := range records {
		keys[i] = data.NameKey(r.Values["name"])
		if _, exists := byKey[keys[i]]; !exists {
			adds++
		}
	}
	plan.Adds = make([]Change, 0, adds)
	seen := map[string]int{}
	leadLines, leadKey, demotedLine := []int{}, "", 0
	for i, r := range records {
		key := keys[i]
		if key == "" {
			plan.Problems = append(plan.Problems, &tabular.FileError{File: source, Line: r.Line, Column: r.Columns["name"],
				Msg: "has no partner name", Hint: "fill in the city or organisation, or delete the row"})
			continue
		}
		if first, dup := seen[key]; dup {
			plan.Problems = append(plan.Problems, &tabular.FileError{File: source, Line: r.Line, Column: r.Columns["name"],
				Msg: fmt.Sprintf("%s is listed again (first on line %d)", r.Values["name"], first), Hint: "keep one row per partner"})
			continue
		}
		seen[key] = r.Line
		before, exists := byKey[key]
		p := before
		if !exists {
			p = data.Partner{NetworkID: networkID, Role: data.RolePartner}
		}
		if exists {
			r = r.without("name") // matched by name: keep the stored spelling, "IASI" does not rename "Iași"
		}
		if !applyRecord(source, r, &p, plan) {
			continue
		}
		if r.Values["role"] != "" && p.Role == data.RoleLeadPartner {
			leadLines, leadKey = append(leadLines, r.Line), key
		}
		if exists && before.IsLead() && !p.IsLead() {
			demotedLine = r.Line
		}
		if !exists {
			plan.Adds = append(plan.Adds, Change{Line: r.Line, Partner: p}) // no record: a new partner is stored as planned
		} else if diff := diffFields(&before, &p); len(diff) > 0 {
			plan.Updates = append(plan.Updates, Change{Line: r.Line, Partner: p, Fields: diff, record: r})
		} else {
			plan.Unchanged = append(plan.Unchanged, p.Name)
		}
	}
	switch {
	case demotedLine > 0 && len(leadLines) == 0:
		plan.Problems = append(plan.Problems, &tabular.FileError{File: source, Line: demotedLine,
			Msg: "makes the lead partner a partner, but names no new lead partner", Hint: "a network has exactly one lead partner: name the new one in the same file"})
	case len(leadLines) > 1:
		plan.Problems = append(plan.Problems, &tabular.FileError{File: source, Line: leadLines[1],
			Msg: fmt.Sprintf("names a second lead partner (the first is on line %d)", leadLines[0]), Hint: "a network has exactly one lead partner"})
	case len(leadLines) == 1:
		plan.stepDownFormerLead(existing, leadKey)
	}
	return plan
}

// stepDownFormerLead shows, and makes, the former lead partner a partner
// when the import names another one (newLeadKey is its folded name).
func (p *Plan) stepDownFormerLead(existing []data.Partner, newLeadKey string) {
	stepDown := FieldChange{Key: "role", Label: "Role", Old: RoleLabel(data.RoleLeadPartner), New: RoleLabel(data.RolePartner)}
	for _, e := range existing {
		if !e.IsLead() || data.NameKey(e.Name) == newLeadKey {
			continue
		}
		for i := range p.Updates {
			if u := &p.Updates[i]; u.Partner.ID == e.ID {
				if u.Partner.IsLead() {
					u.Partner.Role = data.RolePartner
					u.Fields = append(u.Fields, stepDown)
				}
				return
			}
		}
		for i, name := range p.Unchanged {
			if name == e.Name {
				p.Unchanged = append(p.Unchanged[:i], p.Unchanged[i+1:]...)
				break
			}
		}
		e.Role = data.RolePartner
		p.Updates = append(p.Updates, Change{Partner: e, Fields: []FieldChange{stepDown}})
	}
}

// applyRecord sets the record's values on p, collecting cell problems.
func applyRecord(source string, r Record, p *data.Partner, plan *Plan) bool {
	ok := true
	keys := make([]string, 0, len(r.Values))
	for k := range r.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f, _ := FieldByKey(k)
		if err := f.Set(p, r.Values[k]); err != nil {
			plan.Problems = append(plan.Problems, &tabular.FileError{File: source, Line: r.Line, Column: r.Columns[k],
				Msg: fmt.Sprintf("%s %q: %v", f.Label, r.Values[k], err)})
			ok = false
		}
	}
	return ok
}

func diffFields(before, after *data.Partner) []FieldChange {
	var out []FieldChange
	for _, f := range Fields {
		if o, n := f.Get(before), f.Get(after); o != n {
			out = append(out, FieldChange{Key: f.Key, Label: f.Label, Old: o, New: n})
		}
	}
	return out
}

// Apply stores the plan in one transaction. Each update re-reads the
// partner and sets only the fields the file gives, so edits made since
// the plan was shown are kept. A new lead partner is saved first, so the
// one it replaces can step down in the same import.
func (p *Plan) Apply(ctx context.Context, s *data.Store) error {
	if len(p.Problems) > 0 {
		return fmt.Errorf("%s: %s", p.Source, p.Summary())
	}
	// Pointers, not copies: a copy of 50,000 changes was a third of the
	// import's live memory.
	changes := make([]*Change, 0, len(p.Adds)+len(p.Updates))
	for _, list := range [][]Change{p.Adds, p.Updates} {
		for i := range list {
			changes = append(changes, &list[i])
		}
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Partner.IsLead() && !changes[j].Partner.IsLead() })
	return s.Update(ctx, func(tx *data.Tx) error {
		for _, c := range changes {
			partner := c.Partner
			if partner.ID != "" {
				current, err := tx.Partner(partner.ID)
				if err != nil {
					return fmt.Errorf("%s changed while the import was prepared: %w", partner.Name, err)
				}
				partner = current
				for k, v := range c.record.without("name").Values {
					f, _ := FieldByKey(k)
					if err := f.Set(&partner, v); err != nil {
						return fmt.Errorf("%s, line %d: %w", p.Source, c.Line, err)
					}
				}
				if c.record.Values == nil { // a step-down the plan added
					partner.Role = data.RolePartner
				}
			}
			if _, err := tx.SavePartner(partner); err != nil {
				return fmt.Errorf("%s: %w", partner.Name, err)
			}
		}
		return nil
	})
}
