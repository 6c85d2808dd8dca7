package matrixview

import (
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// edit opens the cell editor (Enter or double-click): the state, and the
// good practices of the partner that the cell names; new ones can be named.
func (v *matrixView) edit(id widget.TableCellID) {
	p, row, ok := v.cellAt(id)
	if !ok {
		return
	}
	e := &cellEditor{v: v, partner: p, row: row, cell: v.m.Cell(p.ID, row.SubTheme.ID), id: id}
	e.show()
}

// cellEditor edits one cell. Practices named in it are created only when
// the cell is saved, so Cancel leaves the catalogue as it was and undo
// takes the cell and its new practices back together.
type cellEditor struct {
	v       *matrixView
	partner data.Partner
	row     *matrix.Row
	cell    matrix.Cell
	id      widget.TableCellID
	state   *widget.RadioGroup
	checks  *widget.CheckGroup
	newName *widgets.Entry
	owned   []data.GoodPractice // the partner's practices; new ones have no ID yet
	named   []string            // the titles checked when the editor opened
}

var stateChoices = []string{matrix.None, matrix.GoodPractice, matrix.GoodPracticeAndKN, matrix.KnowledgeNeed}

func (e *cellEditor) show() {
	labels := make([]string, len(stateChoices))
	for i, s := range stateChoices {
		labels[i] = matrix.Label(s)
	}
	e.state = widget.NewRadioGroup(labels, nil)
	e.state.Required = true
	e.state.SetSelected(matrix.Label(e.cell.State))
	e.owned = e.v.m.PracticesOf(e.partner.ID)
	sortPractices(e.owned)
	var titles []string
	for _, gp := range e.owned {
		titles = append(titles, gp.Title)
	}
	for _, gp := range e.cell.Practices {
		e.named = append(e.named, gp.Title)
	}
	e.checks = widget.NewCheckGroup(titles, nil)
	e.checks.SetSelected(e.named)
	e.checks.OnChanged = e.followTicks
	e.newName = widgets.NewEntry()
	e.newName.SetPlaceHolder("Name of a new good practice of " + e.partner.Name)
	e.newName.OnSubmitted = func(string) { e.addPractice() } // Enter here adds, it does not save
	practices := widgets.VScroll(e.checks)
	practices.SetMinSize(fyne.NewSize(0, 150))
	where := widgets.NumberedTitle(e.row.SubTheme.Number, e.row.SubTheme.Title)
	e.v.sh.ShowForm(shell.Form{Title: e.partner.Name + " — matrix cell", Confirm: "Save", Size: fyne.NewSize(620, 560),
		Items: []*widget.FormItem{
			widget.NewFormItem("", widget.NewLabelWithStyle(where, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
			widget.NewFormItem("State", e.state),
			widget.NewFormItem("Good practices", practices),
			widget.NewFormItem("New", container.NewBorder(nil, nil, nil, widgets.NewButton("Add", e.addPractice), e.newName)),
		},
		OnConfirm: e.save,
		Changed:   e.changed,
	})
	e.v.sh.Window().Canvas().Unfocus() // the keys choose the state first; Enter saves
}

// changed tells whether Cancel would drop something.
func (e *cellEditor) changed() bool {
	return e.chosenState() != e.cell.State || strings.TrimSpace(e.newName.Text) != "" ||
		!slices.Equal(slices.Sorted(slices.Values(e.checks.Selected)), slices.Sorted(slices.Values(e.named)))
}

func (e *cellEditor) chosenState() string {
	for _, s := range stateChoices {
		if matrix.Label(s) == e.state.Selected {
			return s
		}
	}
	return matrix.None
}

// followTicks shows the state the cell will have as practices are ticked:
// a ticked practice makes it GP (GP+KN when a knowledge need), unticking
// the last one goes back to what the cell was without practices.
func (e *cellEditor) followTicks(ticked []string) {
	state := e.chosenState()
	switch {
	case len(ticked) > 0:
		state = matrix.WithPractice(state)
	case len(e.named) == 0:
		state = e.cell.State
	case matrix.HasNeed(state):
		state = matrix.KnowledgeNeed
	default:
		state = matrix.None
	}
	e.state.SetSelected(matrix.Label(state))
}

// addPractice names a new good practice of the partner in the cell (or
// checks the existing one of that name); it is stored with the cell.
func (e *cellEditor) addPractice() {
	name := strings.TrimSpace(e.newName.Text)
	if name == "" {
		return
	}
	e.newName.SetText("")
	for _, gp := range e.owned {
		if data.NameKey(gp.Title) == data.NameKey(name) {
			e.checks.SetSelected(append(e.checks.Selected, gp.Title))
			return
		}
	}
	e.owned = append(e.owned, data.GoodPractice{NetworkID: e.v.sh.Network().ID, Title: name,
		OwnerPartnerID: e.partner.ID, SubThemeIDs: []string{e.row.SubTheme.ID}})
	e.checks.Append(name)
	e.checks.SetSelected(append(e.checks.Selected, name))
}

// chosen is the cell as the editor shows it: naming practices upgrades
// "nothing" to a good practice and "knowledge need" to both, so no named
// practice is dropped. Practices not stored yet have no ID.
func (e *cellEditor) chosen() matrix.Cell {
	c := matrix.Cell{State: e.chosenState()}
	for _, gp := range e.owned {
		if slices.Contains(e.checks.Selected, gp.Title) {
			c.Practices = append(c.Practices, gp)
		}
	}
	if len(c.Practices) > 0 {
		c.State = matrix.WithPractice(c.State)
	}
	return c
}

// save stores the new practices and the cell as one undo step.
func (e *cellEditor) save() bool {
	v, before, after := e.v, e.cell, e.chosen()
	p, st := e.partner, e.row.SubTheme
	var created []string // ids of the practices this save stored
	store := func() error {
		created = nil
		c := after
		c.Practices = slices.Clone(after.Practices)
		for i, gp := range c.Practices {
			if gp.ID != "" {
				continue
			}
			stored, err := v.sh.Store().CreateGoodPractice(v.sh.Ctx(), gp)
			if err != nil {
				return err
			}
			c.Practices[i] = stored
			created = append(created, stored.ID)
		}
		return v.setCell(p, st, c)
	}
	undo := func() error {
		if err := v.setCell(p, st, before); err != nil {
			return err
		}
		for _, id := range created {
			if _, err := v.sh.Store().DeleteGoodPractice(v.sh.Ctx(), id); err != nil {
				return err
			}
		}
		return nil
	}
	if err := store(); err != nil {
		v.sh.ShowError(err)
		return false
	}
	v.didCell(p, st, undo, store)
	v.Reload() // a new practice may now show in the catalogue; the line under the grid follows
	v.grid.Select(e.id)
	return true
}

func sortPractices(gps []data.GoodPractice) {
	sort.Slice(gps, func(i, j int) bool { return data.NameKey(gps[i].Title) < data.NameKey(gps[j].Title) })
}
