package matrixview

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// displayRow is a row of the grid: a theme heading or one of its sub-themes.
type displayRow struct {
	theme data.Theme
	row   *matrix.Row // nil for the theme heading
}

// matrixView is the matrix of good practices and knowledge needs: theme
// headings with their sub-themes down, partners (and outside practices)
// across. Click or arrows to move, Space to cycle a cell, Enter to edit.
type matrixView struct {
	sh       *shell.Shell
	m        *matrix.Matrix
	rows     []displayRow
	grid     *matrixGrid
	detail   *widget.Label
	empty    *widget.Label
	obj      fyne.CanvasObject
	shown    *presenter // the last presentation started from this view
	imported func()     // called after an import was stored (tests wait for it)
}

const (
	matrixCellWidth   = 150
	matrixCellHeight  = 66
	matrixHeaderWidth = 330
)

func newMatrixView(sh *shell.Shell) *matrixView {
	v := &matrixView{sh: sh}
	v.grid = newMatrixGrid()
	v.grid.Length = func() (int, int) { return len(v.rows), v.columns() }
	v.grid.CreateCell = newMatrixCell
	v.grid.UpdateCell = v.updateCell
	v.grid.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.grid.UpdateHeader = v.updateHeader
	v.grid.onCursor = v.showDetail
	v.grid.onCycle = v.cycle
	v.grid.onEdit = v.edit
	v.grid.onPresent = v.Present
	v.detail = widget.NewLabel("Select a cell: arrows move, Space changes the state, Enter edits the good practices.")
	v.detail.Wrapping = fyne.TextWrapWord
	v.empty = widget.NewLabel("This network has no themes or partners yet. Import a matrix (CSV) or add partners first.")
	v.empty.Alignment = fyne.TextAlignCenter
	present := widgets.NewButtonWithIcon("Present (F11)", theme.ViewFullScreenIcon(), v.Present)
	export := widgets.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.exportDialog)
	imp := widgets.NewButtonWithIcon("Import CSV…", theme.DownloadIcon(), v.importDialog)
	// The legend has the top row to itself (beside the buttons its last
	// state was cut at 1280 px); it scrolls only in a narrower window. The
	// buttons sit at the bottom, beside the line that says the cell.
	top := container.NewHScroll(widgets.Legend())
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(imp, export, present), v.detail)
	v.obj = container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil,
		container.NewStack(v.grid, container.NewCenter(v.empty)))
	v.Reload()
	return v
}

// Object is the view; it has nothing unsaved: every change is stored at once.
func (v *matrixView) Object() fyne.CanvasObject { return v.obj }

// Reload reads the matrix again from the store.
func (v *matrixView) Reload() {
	m, err := matrix.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.m = m
	v.rows = v.rows[:0]
	for i := range m.Rows {
		r := &m.Rows[i]
		if i == 0 || m.Rows[i-1].Theme.ID != r.Theme.ID {
			v.rows = append(v.rows, displayRow{theme: r.Theme})
		}
		v.rows = append(v.rows, displayRow{theme: r.Theme, row: r})
	}
	for c := 0; c < v.columns(); c++ {
		v.grid.SetColumnWidth(c, matrixCellWidth)
	}
	v.grid.SetColumnWidth(-1, matrixHeaderWidth)
	for r, dr := range v.rows {
		if dr.row == nil {
			v.grid.SetRowHeight(r, 36)
		} else {
			v.grid.SetRowHeight(r, matrixCellHeight)
		}
	}
	if len(m.Rows) == 0 || len(m.Partners) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.grid.Refresh()
	if v.grid.picked { // after a save, an undo or a change elsewhere the line under the grid says the cell as it is now
		v.showDetail(v.grid.cursor)
	}
}

// columns is one per partner and one for practices from outside the network.
func (v *matrixView) columns() int { return len(v.m.Partners) + 1 }

func (v *matrixView) isOutside(col int) bool { return col == len(v.m.Partners) }

// updateHeader names partners across and themes/sub-themes down. Fyne
// calls it for every header on each cell refresh, so unchanged labels are
// left alone (a label's SetText re-lays its text out).
func (v *matrixView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	text, bold := "", false
	switch {
	case id.Row == -1 && id.Col >= 0 && v.isOutside(id.Col):
		text = "Outside the network"
	case id.Row == -1 && id.Col >= 0:
		text, bold = v.m.Partners[id.Col].Name, true
	case id.Col == -1 && id.Row >= 0 && v.rows[id.Row].row == nil:
		dr := v.rows[id.Row]
		text, bold = widgets.NumberedTitle(dr.theme.Number, dr.theme.Title), true
	case id.Col == -1 && id.Row >= 0:
		st := v.rows[id.Row].row.SubTheme
		text = widgets.NumberedTitle(st.Number, st.Title)
	}
	l := o.(*widget.Label)
	if l.Text != text || l.TextStyle.Bold != bold {
		l.TextStyle.Bold = bold
		l.SetText(text)
	}
}

// matrixCell is a cell's template: a coloured background, the state's
// symbol and the good practices' names.
func newMatrixCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(widgets.ColourEmpty)
	symbol := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	symbol.TextStyle.Bold = true
	line1 := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	line1.TextSize = theme.CaptionTextSize()
	line2 := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	line2.TextSize = theme.CaptionTextSize()
	// A gap around the fill keeps neighbouring cells apart, and the clip
	// keeps a cell's text inside it.
	cell := container.NewStack(bg, container.NewClip(container.NewPadded(container.NewVBox(symbol, line1, line2))))
	return container.New(layout.NewCustomPaddedLayout(matrixCellGap, matrixCellGap, matrixCellGap, matrixCellGap), cell)
}

// matrixCellGap is the space between the editing matrix's cells.
const matrixCellGap = 2

// cellLine fits a practice name to a cell's width, measured (the detail
// line below the grid shows it whole).
func cellLine(name string) string {
	return slidefit.Shorten(name, matrixCellWidth-2*matrixCellGap-2*theme.Padding(), theme.CaptionTextSize(), false)
}

func (v *matrixView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container).Objects[0].(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	texts := stack.Objects[1].(*container.Clip).Content.(*fyne.Container).Objects[0].(*fyne.Container).Objects
	symbol, line1, line2 := texts[0].(*canvas.Text), texts[1].(*canvas.Text), texts[2].(*canvas.Text)
	dr := v.rows[id.Row]
	var fill color.Color = widgets.ColourEmpty
	var ink color.Color
	defaultInk := theme.Color(theme.ColorNameForeground)
	var sym string
	var names []string
	switch {
	case dr.row == nil:
		fill = widgets.ColourTheme
	case v.isOutside(id.Col):
		for _, gp := range v.m.Outside(dr.row.SubTheme.ID) {
			names = append(names, gp.Title+" ("+gp.OutsideCity+")")
		}
	default:
		c := v.m.Cell(v.m.Partners[id.Col].ID, dr.row.SubTheme.ID)
		fill, ink = widgets.StateColours(c.State)
		sym = matrix.Symbol(c.State)
		for _, gp := range c.Practices {
			names = append(names, gp.Title)
		}
	}
	if ink == nil {
		ink = defaultInk
	}
	bg.FillColor = fill
	bg.Refresh()
	setText(symbol, sym, ink)
	first, second := "", ""
	if len(names) > 0 {
		first = cellLine(names[0])
	}
	if len(names) == 2 {
		second = cellLine(names[1])
	} else if len(names) > 2 {
		second = fmt.Sprintf("+ %d more", len(names)-1)
	}
	setText(line1, first, ink)
	setText(line2, second, ink)
}

func setText(t *canvas.Text, s string, c color.Color) {
	t.Text, t.Color = s, c
	t.Refresh()
}

// showDetail shows the selected cell in full below the grid.
func (v *matrixView) showDetail(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(v.rows) || id.Col < 0 || id.Col >= v.columns() {
		return
	}
	dr := v.rows[id.Row]
	if dr.row == nil {
		v.detail.SetText(widgets.NumberedTitle(dr.theme.Number, dr.theme.Title))
		return
	}
	where := widgets.NumberedTitle(dr.row.SubTheme.Number, dr.row.SubTheme.Title)
	if v.isOutside(id.Col) {
		v.detail.SetText("Outside the network × " + where + ": " + widgets.OrDash(matrix.OutsideText(v.m.Outside(dr.row.SubTheme.ID))))
		return
	}
	p := v.m.Partners[id.Col]
	c := v.m.Cell(p.ID, dr.row.SubTheme.ID)
	text := p.Name + " × " + where + ": " + matrix.Label(c.State)
	var names []string
	for _, gp := range c.Practices {
		names = append(names, gp.Title)
	}
	if len(names) > 0 {
		text += " — " + strings.Join(names, "; ")
	}
	v.detail.SetText(text)
}

// cellAt returns the partner and row under a grid cell, if it is a partner cell.
func (v *matrixView) cellAt(id widget.TableCellID) (data.Partner, *matrix.Row, bool) {
	if id.Row < 0 || id.Row >= len(v.rows) || id.Col < 0 || v.isOutside(id.Col) || v.rows[id.Row].row == nil {
		return data.Partner{}, nil, false
	}
	return v.m.Partners[id.Col], v.rows[id.Row].row, true
}

// cycle moves a cell to its next state (Space), keeping its practices.
func (v *matrixView) cycle(id widget.TableCellID) {
	p, row, ok := v.cellAt(id)
	if !ok {
		return
	}
	before := v.m.Cell(p.ID, row.SubTheme.ID)
	c := before
	c.State = matrix.NextState(c.State)
	if c.State == matrix.None || c.State == matrix.KnowledgeNeed {
		c.Practices = nil
	}
	if err := v.m.SetCell(v.sh.Ctx(), v.sh.Store(), p.ID, row.SubTheme.ID, c); err != nil {
		v.sh.ShowError(err)
		return
	}
	v.didCell(p, row.SubTheme, func() error { return v.setCell(p, row.SubTheme, before) }, func() error { return v.setCell(p, row.SubTheme, c) })
	v.grid.RefreshItem(id)
	v.showDetail(id)
}

// setCell stores a cell of the matrix as it is now loaded.
func (v *matrixView) setCell(p data.Partner, st data.SubTheme, c matrix.Cell) error {
	return v.m.SetCell(v.sh.Ctx(), v.sh.Store(), p.ID, st.ID, c)
}

// didCell records a change of one cell as an undo step ("cell Genk × 1.2").
func (v *matrixView) didCell(p data.Partner, st data.SubTheme, undo, redo func() error) {
	where := st.Number
	if where == "" {
		where = "‘" + st.Title + "’"
	}
	v.sh.Did("change cell "+p.Name+" × "+where, undo, redo)
}
