package partners

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// ReturnedForm is a profile form read back: whose it is and what it says.
type ReturnedForm struct {
	File      string
	NetworkID string
	PartnerID string
	Partner   string            // the partner's name when the form was written
	Values    map[string]string // field key → text in the form ("" = left empty)
	Cells     map[string]string // field key → its cell, for messages
	// Written are the fields' values when the form was written (forms
	// written before 2026-12-01 have none), WrittenAt when (RFC 3339).
	Written   map[string]string
	WrittenAt string
	Countries []string // the form's country list ("" entries left out)
}

// ReadForm reads a returned profile form. A workbook that is no form of
// ours, or whose identifiers were damaged, is refused with why.
func ReadForm(path string) (ReturnedForm, error) {
	rf := ReturnedForm{File: path, Values: map[string]string{}, Cells: map[string]string{}, Written: map[string]string{}}
	notForm := func(why string) error {
		return &tabular.FileError{File: path, Msg: "is not a partner profile form written by AoCE Desktop (" + why + ")",
			Hint: "import the form the partner got from 'partners form', filled in"}
	}
	wb, err := tabular.OpenWorkbook(path) // bounded: a returned file is as untrusted as any
	if err != nil {
		return rf, err
	}
	defer wb.Close()
	if !wb.HasSheet(idSheet) {
		return rf, notForm("it has no sheet " + idSheet)
	}
	ids, countries, err := formIdentifiers(wb)
	if err != nil {
		return rf, notForm(err.Error())
	}
	rf.Countries, rf.WrittenAt = countries, ids["written_at"]
	f := wb.File()
	if _, ok := ids[formMarker]; !ok {
		return rf, notForm("its identifiers are missing")
	}
	rf.NetworkID, rf.PartnerID, rf.Partner = ids["network_id"], ids["partner_id"], ids["partner"]
	if rf.NetworkID == "" || rf.PartnerID == "" {
		return rf, notForm("it names no network or partner")
	}
	for _, fl := range Fields {
		cell := ids["field:"+fl.Key]
		if cell == "" {
			continue // a form of an older version without this field leaves it as it is
		}
		v, err := f.GetCellValue(formSheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			return rf, &tabular.FileError{File: path, Msg: fmt.Sprintf("cell %s (%s) cannot be read: %v", cell, fl.Label, err)}
		}
		rf.Values[fl.Key], rf.Cells[fl.Key] = strings.TrimSpace(v), cell
		if was, ok := ids["was:"+fl.Key]; ok {
			rf.Written[fl.Key] = was
		}
	}
	return rf, nil
}

// formIdentifiers reads the hidden sheet's key → value rows and its
// country list (column D).
func formIdentifiers(wb *tabular.Workbook) (map[string]string, []string, error) {
	rows, err := wb.Rows(idSheet, true)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	ids := map[string]string{}
	var countries []string
	for {
		r, _, err := rows.Next()
		if err == io.EOF {
			return ids, countries, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if len(r) >= 2 {
			ids[r[0]] = r[1]
		}
		if len(r) >= 4 && strings.TrimSpace(r[3]) != "" {
			countries = append(countries, strings.TrimSpace(r[3]))
		}
	}
}

// FormChange is what one returned form changes on its partner.
type FormChange struct {
	File    string
	Partner data.Partner  // as it will be stored
	Fields  []FieldChange // old → new, in the form's order
	// Newer are the fields changed here since the form was written that
	// the form changes too (Old: the value here, New: the form's): kept
	// unless the plan's PreferForms says otherwise.
	Newer     []FieldChange
	WrittenAt string
	values    map[string]string
}

// FormPlan is what importing returned forms will do, shown before it is
// applied; any problem stops the whole import.
type FormPlan struct {
	Changes   []FormChange
	Unchanged []string // files that change nothing
	Problems  []error
	// before and after are the partners Apply changed, as they were and as
	// it stored them (with the lead partner it demoted): what Undo and
	// Redo store again.
	before, after []data.Partner
	// PreferForms applies the forms' values to fields changed here since
	// the forms were written too (the user's choice; they are kept otherwise).
	PreferForms bool
}

// Ready tells whether the plan can be applied.
func (p *FormPlan) Ready() bool { return len(p.Problems) == 0 && len(p.Changes) > 0 }

// PlanForms reads returned forms and works out, field by field, what they
// change. Forms of another network, for a partner the network does not
// have, or twice for one partner are refused, naming the file and why.
func PlanForms(ctx context.Context, s *data.Store, n data.Network, paths []string) (*FormPlan, error) {
	ps, err := s.Partners(ctx, n.ID)
	if err != nil {
		return nil, err
	}
	byID := map[string]data.Partner{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	plan, seen := &FormPlan{}, map[string]string{} // partner id → the path of its first form
	for _, path := range paths {
		name := filepath.Base(path)
		rf, err := ReadForm(path)
		if err != nil {
			plan.Problems = append(plan.Problems, err)
			continue
		}
		refuse := func(msg, hint string) {
			plan.Problems = append(plan.Problems, &tabular.FileError{File: path, Msg: msg, Hint: hint})
		}
		before, ok := byID[rf.PartnerID]
		switch {
		case rf.NetworkID != n.ID:
			refuse(fmt.Sprintf("is a form of another network, not of %s", n.Name), "import it into the network it was written for (--network)")
			continue
		case !ok:
			refuse(fmt.Sprintf("is the form of %s, who is not a partner of %s (any more)", rf.Partner, n.Name), "restore the partner from the trash, or leave this form out")
			continue
		case seen[rf.PartnerID] != "":
			first := filepath.Base(seen[rf.PartnerID])
			if first == name { // two files of one name: only their folders tell them apart
				first = seen[rf.PartnerID] + ", in another folder"
			}
			refuse(fmt.Sprintf("is a second form of %s (the first is %s)", before.Name, first), "import one form per partner")
			continue
		}
		seen[rf.PartnerID] = path
		after, problems := applyForm(rf, before)
		if len(problems) > 0 {
			plan.Problems = append(plan.Problems, problems...)
			continue
		}
		diff, newer := splitNewer(rf, diffFields(&before, &after))
		if len(diff)+len(newer) > 0 {
			plan.Changes = append(plan.Changes, FormChange{File: path, Partner: after, Fields: diff, Newer: newer, WrittenAt: rf.WrittenAt, values: rf.Values})
		} else {
			plan.Unchanged = append(plan.Unchanged, name)
		}
	}
	return plan, nil
}

// splitNewer sorts a form's differences by what the form knows of the
// values it was written with: a field the partner left as written is no
// change (the value here is newer), one changed both here and in the
// form is newer here — kept unless the user prefers the form.
func splitNewer(rf ReturnedForm, diff []FieldChange) (changes, newer []FieldChange) {
	for _, fc := range diff {
		was, known := rf.Written[fc.Key]
		switch {
		case !known || fc.Old == was: // not changed here since: the form's value
			changes = append(changes, fc)
		case fc.New == was: // the partner left it: what was changed here stays
		default:
			newer = append(newer, fc)
		}
	}
	return changes, newer
}

// applyForm sets a form's values on a copy of the partner. The form was
// filled in from what is stored, so an emptied cell clears the field — but
// never the name or the role, which a partner always has.
func applyForm(rf ReturnedForm, p data.Partner) (data.Partner, []error) {
	var problems []error
	for _, fl := range Fields {
		v, ok := rf.Values[fl.Key]
		if !ok || v == "" && (fl.Key == "name" || fl.Kind == Role) {
			continue
		}
		if fl.Key == "country" && v != "" && len(rf.Countries) > 0 && !slices.ContainsFunc(rf.Countries, func(c string) bool { return strings.EqualFold(c, v) }) {
			problems = append(problems, &tabular.FileError{File: rf.File, Msg: fmt.Sprintf("cell %s, %s %q is not one of the form's list", rf.Cells[fl.Key], fl.Label, v),
				Hint: "choose the country from the cell's drop-down list"})
			continue
		}
		if err := fl.Set(&p, v); err != nil {
			problems = append(problems, &tabular.FileError{File: rf.File, Msg: fmt.Sprintf("cell %s, %s %q: %v", rf.Cells[fl.Key], fl.Label, v, err)})
		}
	}
	return p, problems
}

// Apply stores every form's changes in one transaction: all forms land or
// none. Each partner is read afresh and only the fields the form changes
// are set, so edits made since the preview are kept. Once applied, Undo
// and Redo take the import back and make it again.
func (p *FormPlan) Apply(ctx context.Context, s *data.Store) error {
	if len(p.Problems) > 0 {
		return errors.Join(p.Problems...)
	}
	changes := append([]FormChange(nil), p.Changes...)
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Partner.IsLead() && !changes[j].Partner.IsLead() }) // a new lead first, so the former one can step down
	var before, after []data.Partner
	err := s.Update(ctx, func(tx *data.Tx) error {
		before, after = nil, nil
		for _, c := range changes {
			current, err := tx.Partner(c.Partner.ID)
			if err != nil {
				return fmt.Errorf("%s: %s changed while the import was prepared: %w", filepath.Base(c.File), c.Partner.Name, err)
			}
			if current.IsLead() || c.Partner.IsLead() {
				if err := keepFormerLead(tx, current, &before); err != nil {
					return err
				}
			}
			before = append(before, current)
			fields := c.Fields
			if p.PreferForms {
				fields = append(slices.Clone(fields), c.Newer...)
			}
			for _, fc := range fields {
				fl, _ := FieldByKey(fc.Key)
				if err := fl.Set(&current, c.values[fl.Key]); err != nil {
					return fmt.Errorf("%s: %w", filepath.Base(c.File), err)
				}
			}
			saved, err := tx.SavePartner(current)
			if err != nil {
				return fmt.Errorf("%s (%s): %w", filepath.Base(c.File), current.Name, err)
			}
			after = append(after, saved)
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.before, p.after = before, after
	return nil
}

// keepFormerLead remembers the network's lead partner before a form makes
// another one lead (the store demotes the former lead then): undo makes
// it lead again first.
func keepFormerLead(tx *data.Tx, changed data.Partner, before *[]data.Partner) error {
	ps, err := tx.Partners(changed.NetworkID)
	if err != nil {
		return err
	}
	for _, q := range ps {
		if q.IsLead() && q.ID != changed.ID && !slices.ContainsFunc(*before, func(b data.Partner) bool { return b.ID == q.ID }) {
			*before = append(*before, q)
		}
	}
	return nil
}

// Undo puts the partners an applied import changed back as they were, in
// one transaction; Redo makes the import's changes again.
func (p *FormPlan) Undo(ctx context.Context, s *data.Store) error {
	return savePartners(ctx, s, p.before)
}
func (p *FormPlan) Redo(ctx context.Context, s *data.Store) error {
	return savePartners(ctx, s, p.after)
}

// savePartners stores partners as given, a lead partner first (saving it
// demotes the current one; a lead cannot step down alone).
func savePartners(ctx context.Context, s *data.Store, ps []data.Partner) error {
	if len(ps) == 0 {
		return errors.New("the import of profile forms was not applied: nothing to undo")
	}
	ordered := append([]data.Partner(nil), ps...)
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].IsLead() && !ordered[j].IsLead() })
	return s.Update(ctx, func(tx *data.Tx) error {
		for _, q := range ordered {
			if _, err := tx.SavePartner(q); err != nil {
				return fmt.Errorf("%s: %w", q.Name, err)
			}
		}
		return nil
	})
}

// DiffText is the plan as lines: per file and partner, each field old → new.
func (p *FormPlan) DiffText() string {
	var b strings.Builder
	for _, c := range p.Changes {
		fmt.Fprintf(&b, "%s — %s:\n", filepath.Base(c.File), c.Partner.Name)
		for _, fc := range c.Fields {
			fmt.Fprintf(&b, "  %s: %s → %s\n", fc.Label, shown(fc.Old), shown(fc.New))
		}
		for _, fc := range c.Newer {
			action := "kept (the form's value is applied only if you prefer the forms)"
			if p.PreferForms {
				action = "replaced by the form's"
			}
			fmt.Fprintf(&b, "  ! %s: changed here since the form was written (%s): %s here, %s in the form — %s\n", fc.Label, writtenOn(c.WrittenAt), shown(fc.Old), shown(fc.New), action)
		}
	}
	for _, u := range p.Unchanged {
		fmt.Fprintf(&b, "%s: no changes\n", u)
	}
	return b.String()
}

// writtenOn is the day a form was written, as the form says it.
func writtenOn(at string) string {
	if t, err := time.Parse(time.RFC3339, at); err == nil {
		return "on " + t.Format("2006-01-02")
	}
	return "before"
}

// shown puts a value on one line, quoted, "(empty)" for nothing.
func shown(v string) string {
	if v == "" {
		return "(empty)"
	}
	v = strings.ReplaceAll(v, "\n", " ⏎ ")
	if r := []rune(v); len(r) > 120 {
		v = string(r[:119]) + "…"
	}
	return fmt.Sprintf("%q", v)
}

// IsForm tells whether path is a profile form (returned or not): an XLSX
// with the form's identifiers sheet. Unreadable files are no form; reading
// them as one says why.
func IsForm(path string) bool {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return false
	}
	wb, err := tabular.OpenWorkbook(path)
	if err != nil {
		return false
	}
	defer wb.Close()
	return wb.HasSheet(idSheet)
}
