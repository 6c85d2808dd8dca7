package matrixview

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// edit opens the cell editor (Enter or double-click): the state, and the
// good practices of the partner that the cell names; new ones can be added.
func (v *matrixView) edit(id widget.TableCellID) {
	p, row, ok := v.cellAt(id)
	if !ok {
		return
	}
	e := &cellEditor{v: v, partner: p, row: row, cell: v.m.Cell(p.ID, row.SubTheme.ID), id: id}
	e.show()
}

type cellEditor struct {
	v       *matrixView
	partner data.Partner
	row     *matrix.Row
	cell    matrix.Cell
	id      widget.TableCellID
	state   *widget.RadioGroup
	checks  *widget.CheckGroup
	newName *widget.Entry
	owned   []data.GoodPractice
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
	var titles, selected []string
	for _, gp := range e.owned {
		titles = append(titles, gp.Title)
	}
	for _, gp := range e.cell.Practices {
		selected = append(selected, gp.Title)
	}
	e.checks = widget.NewCheckGroup(titles, nil)
	e.checks.SetSelected(selected)
	e.newName = widget.NewEntry()
	e.newName.SetPlaceHolder("Name of a new good practice of " + e.partner.Name)
	add := widget.NewButton("Add", e.addPractice)
	e.newName.OnSubmitted = func(string) { e.addPractice() }
	practices := container.NewVScroll(e.checks)
	practices.SetMinSize(fyne.NewSize(0, 150))
	body := container.NewVBox(
		widget.NewLabelWithStyle(widgets.NumberedTitle(e.row.SubTheme.Number, e.row.SubTheme.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.state, widget.NewSeparator(), widget.NewLabel("Good practices named in this cell (naming one makes the cell a good practice):"),
		practices, container.NewBorder(nil, nil, nil, add, e.newName))
	d := dialog.NewCustomConfirm(e.partner.Name+" — matrix cell", "Save", "Cancel", body, func(ok bool) {
		if ok {
			e.save()
		}
	}, e.v.sh.Window())
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
}

func (e *cellEditor) chosenState() string {
	for _, s := range stateChoices {
		if matrix.Label(s) == e.state.Selected {
			return s
		}
	}
	return matrix.None
}

// addPractice creates a good practice of the partner, linked to the sub-theme.
func (e *cellEditor) addPractice() {
	name := strings.TrimSpace(e.newName.Text)
	if name == "" {
		return
	}
	for _, gp := range e.owned {
		if data.NameKey(gp.Title) == data.NameKey(name) {
			e.checks.SetSelected(append(e.checks.Selected, gp.Title))
			e.newName.SetText("")
			return
		}
	}
	gp, err := e.v.sh.Store().CreateGoodPractice(e.v.sh.Ctx(), data.GoodPractice{NetworkID: e.v.sh.Network().ID, Title: name,
		OwnerPartnerID: e.partner.ID, SubThemeIDs: []string{e.row.SubTheme.ID}})
	if err != nil {
		e.v.sh.ShowError(err)
		return
	}
	e.owned = append(e.owned, gp)
	e.checks.Append(gp.Title)
	e.checks.SetSelected(append(e.checks.Selected, gp.Title))
	e.newName.SetText("")
}

// save stores the cell; naming practices upgrades "nothing" to a good
// practice and "knowledge need" to both, so no named practice is dropped.
func (e *cellEditor) save() {
	c := matrix.Cell{State: e.chosenState()}
	for _, gp := range e.owned {
		if indexOf(e.checks.Selected, gp.Title) >= 0 {
			c.Practices = append(c.Practices, gp)
		}
	}
	if len(c.Practices) > 0 {
		switch c.State {
		case matrix.None:
			c.State = matrix.GoodPractice
		case matrix.KnowledgeNeed:
			c.State = matrix.GoodPracticeAndKN
		}
	}
	if err := e.v.m.SetCell(e.v.sh.Ctx(), e.v.sh.Store(), e.partner.ID, e.row.SubTheme.ID, c); err != nil {
		e.v.sh.ShowError(err)
		return
	}
	e.v.Reload() // a new practice may now show in the catalogue
	e.v.grid.Select(e.id)
}

func sortPractices(gps []data.GoodPractice) {
	sort.Slice(gps, func(i, j int) bool { return data.NameKey(gps[i].Title) < data.NameKey(gps[j].Title) })
}
