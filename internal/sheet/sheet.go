// Package sheet writes the workbooks we export (survey results, the
// matrix, learning grids, action tables) by one set of rules, so that a
// partner who filters and sums them in Excel or LibreOffice finds every
// sheet alike: columns as wide as their content (capped, long text
// wrapped), the header row frozen and filtered, numbers as numbers in a
// format (percentages, money with its currency, dates), text that looks
// like a formula kept as text, Calibri throughout, and a print layout
// that fits the page's width.
package sheet

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// Column widths, in characters of Calibri 11: no column narrower than
// MinWidth, none wider than MaxWidth; text longer than MaxWidth wraps.
const (
	MinWidth = 6
	MaxWidth = 60
)

// Table is one sheet: lines above (Above; the first, when it is one
// string, is the sheet's title), a blank row, the header row, the body
// rows, then the total rows (Totals, whose Sum cells add up the column)
// and, after a blank row, lines below (Below; the first in bold).
type Table struct {
	Name   string  // the sheet's name, made valid and unique
	Above  [][]any // a title and lines such as "Respondents | 12"
	Header []string
	// Rows hands every body row to row, in order. It is called twice —
	// once to measure the columns, once to write — so a large table is
	// streamed from the store rather than held in memory.
	Rows          func(row func(values ...any) error) error
	Totals        [][]any
	Below         [][]any // a block under the table, such as the respondents per partner under the questions
	FrozenColumns int     // columns kept in view when scrolling right (the matrix's themes)
	// MaxWidth caps this table's columns instead of the package's
	// MaxWidth (0): the matrix's many partner columns are narrower.
	MaxWidth int
}

// Workbook is a new workbook of Tables.
type Workbook struct {
	f      *excelize.File
	styles map[style]int
	sheets int
}

// New starts an empty workbook; Close it.
func New() *Workbook {
	return &Workbook{f: excelize.NewFile(), styles: map[style]int{}}
}

// Close lets go of the workbook's temporary files.
func (wb *Workbook) Close() error { return wb.f.Close() }

// Write writes the workbook.
func (wb *Workbook) Write(w io.Writer) error {
	_, err := wb.f.WriteTo(w)
	return err
}

// Message makes a sheet that holds only a sentence, for an export with
// nothing in it yet ("no grid filled yet") rather than an empty workbook.
func (wb *Workbook) Message(name, text string) error {
	return wb.Add(Table{Name: name, Above: [][]any{{text}}})
}

// Add writes a table as the workbook's next sheet.
func (wb *Workbook) Add(t Table) error {
	name, err := wb.newSheet(t.Name)
	if err != nil {
		return err
	}
	if t.Rows == nil {
		t.Rows = func(func(...any) error) error { return nil }
	}
	m, err := measureTable(t)
	if err != nil {
		return err
	}
	// A column no row fills (the Session of answers imported from a
	// file) says nothing but takes room: it is left out.
	if empty := m.emptyColumns(); len(empty) > 0 {
		t = withoutColumns(t, empty)
		if m, err = measureTable(t); err != nil {
			return err
		}
	}
	l := layout{headerRow: 0, bodyRows: m.bodyRows}
	if len(t.Header) > 0 {
		l.headerRow = 1
		if len(t.Above) > 0 {
			l.headerRow = len(t.Above) + 2
		}
	}
	if err := wb.sheetParts(name, t, m, l); err != nil {
		return err
	}
	return wb.writeRows(name, t, m, l)
}

// layout is where a table's rows go: the header's row (0: none) and how
// many body rows follow it.
type layout struct{ headerRow, bodyRows int }

// measureTable is the first pass over a table: how wide its columns are,
// how many body rows it has and what its columns add up to.
func measureTable(t Table) (*measure, error) {
	m := newMeasure(len(t.Header), t.MaxWidth)
	for i, line := range t.Above {
		if i > 0 || len(line) != 1 { // a title overflows into the empty cells beside it
			m.row(line)
		}
	}
	m.header(t.Header)
	err := t.Rows(func(values ...any) error { m.bodyRow(values); return nil })
	for _, line := range t.Totals {
		m.row(line)
		for c, v := range line {
			if _, ok := v.(Sum); ok {
				m.filled[c] = true // a column with a total stays, if only to say 0
			}
		}
	}
	for _, line := range t.Below {
		m.row(line)
	}
	return m, err
}

// withoutColumns is the table without the columns drop (in order).
func withoutColumns(t Table, drop []int) Table {
	keep := func(values []any) []any {
		out := make([]any, 0, len(values))
		for c, v := range values {
			if !slices.Contains(drop, c) {
				out = append(out, v)
			}
		}
		return out
	}
	rows, header, frozen := t.Rows, t.Header, t.FrozenColumns
	t.Header = nil
	for c, h := range header {
		if !slices.Contains(drop, c) {
			t.Header = append(t.Header, h)
		}
	}
	t.Rows = func(row func(values ...any) error) error {
		return rows(func(values ...any) error { return row(keep(values)...) })
	}
	totals := t.Totals
	t.Totals = nil
	for _, line := range totals {
		t.Totals = append(t.Totals, keep(line))
	}
	for _, c := range drop {
		if c < frozen {
			t.FrozenColumns--
		}
	}
	return t
}

// sheetParts sets what belongs to the sheet rather than its rows — the
// filter over the header and body, the print layout. They go in before
// the stream writer starts, which copies them as they stand then.
func (wb *Workbook) sheetParts(name string, t Table, m *measure, l layout) error {
	if l.headerRow > 0 {
		from, _ := excelize.CoordinatesToCellName(1, l.headerRow)
		to, _ := excelize.CoordinatesToCellName(m.columns(), l.headerRow+max(l.bodyRows, 1))
		if err := wb.f.AutoFilter(name, from+":"+to, nil); err != nil {
			return err
		}
	}
	return PrintLayout(wb.f, name, m.columns(), l.headerRow)
}

// writeRows is the second pass: the columns' widths, the frozen panes,
// then the rows, streamed.
func (wb *Workbook) writeRows(name string, t Table, m *measure, l layout) error {
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for c, width := range m.widths() {
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
	}
	if l.headerRow > 0 {
		top, _ := excelize.CoordinatesToCellName(t.FrozenColumns+1, l.headerRow+1)
		panes := &excelize.Panes{Freeze: true, XSplit: t.FrozenColumns, YSplit: l.headerRow, TopLeftCell: top, ActivePane: "bottomLeft"}
		if t.FrozenColumns > 0 {
			panes.ActivePane = "bottomRight"
		}
		if err := sw.SetPanes(panes); err != nil {
			return err
		}
	}
	at := 0
	widths := m.widths()
	put := func(st style, values []any) error {
		at++
		cells, err := wb.cells(st, values, m, l)
		if err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(1, at)
		if lines := rowLines(values, widths); lines > 1 {
			// LibreOffice does not grow a row for wrapped text it did not lay
			// out itself: a row of wrapped text gets its height here.
			return sw.SetRow(cell, cells, excelize.RowOpts{Height: lineHeight * float64(lines)})
		}
		return sw.SetRow(cell, cells)
	}
	for i, line := range t.Above {
		if err := put(style{title: i == 0}, line); err != nil {
			return err
		}
	}
	if l.headerRow > 0 {
		at = l.headerRow - 1
		head := make([]any, len(t.Header))
		for i, h := range t.Header {
			head[i] = h
		}
		if err := put(style{header: true}, head); err != nil {
			return err
		}
	}
	written := 0
	if err := t.Rows(func(values ...any) error { written++; return put(style{}, values) }); err != nil {
		return err
	}
	if written != l.bodyRows { // the filter and the totals were laid out for the rows counted first
		return fmt.Errorf("sheet %s: %d rows were counted and %d handed to be written; the data changed during the export, export again", name, l.bodyRows, written)
	}
	for _, line := range t.Totals {
		if err := put(style{bold: true}, line); err != nil {
			return err
		}
	}
	if len(t.Below) > 0 {
		at++ // a blank row between the table and what is below it
	}
	for i, line := range t.Below {
		if err := put(style{bold: i == 0}, line); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// hasCents tells an amount with cents from a whole one.
func hasCents(amount float64) bool { return math.Round(amount*100) != math.Round(amount)*100 }

// newSheet names the next sheet: the first takes over the new workbook's
// "Sheet1"; a name already taken (two partners whose names agree in their
// first 31 characters) gets a number.
func (wb *Workbook) newSheet(want string) (string, error) {
	base := tabular.SheetName(want)
	if strings.TrimSpace(base) == "" {
		base = fmt.Sprintf("Sheet %d", wb.sheets+1)
	}
	name := base
	for n := 2; wb.taken(name); n++ {
		suffix, r := fmt.Sprintf(" (%d)", n), []rune(base)
		name = string(r[:min(len(r), 31-len(suffix))]) + suffix
	}
	wb.sheets++
	if wb.sheets == 1 {
		return name, wb.f.SetSheetName("Sheet1", name)
	}
	_, err := wb.f.NewSheet(name)
	return name, err
}

func (wb *Workbook) taken(name string) bool {
	if wb.sheets == 0 {
		return false
	}
	i, err := wb.f.GetSheetIndex(name)
	return err == nil && i >= 0
}

// cells turns a row's values into the stream writer's styled cells.
func (wb *Workbook) cells(row style, values []any, m *measure, l layout) ([]any, error) {
	out := make([]any, len(values))
	for c, v := range values {
		st := row
		var value any
		formula := ""
		switch v := v.(type) {
		case nil:
			continue
		case string:
			value = v // a string cell: "=1+1" stays text
			st.wrap = m.needsWrap(v)
		case Filled:
			value = v.Text
			st.wrap = m.needsWrap(v.Text)
			st.fill, st.ink, st.bold = v.Fill, v.Ink, true
		case int:
			value, st.format = v, formatWhole
		case int64:
			value, st.format = v, formatWhole
		case float64:
			value, st.format = v, formatDecimal
		case Percent:
			value, st.format = float64(v), formatPercent
		case Money:
			value, st.format, st.currency = v.Amount, formatMoney, v.Currency
			st.cents = hasCents(v.Amount)
		case Date:
			value, st.format = wallClock(time.Time(v)), formatDate
		case DateTime:
			value, st.format = wallClock(time.Time(v)), formatDateTime
		case Sum:
			col, _ := excelize.ColumnNumberToName(c + 1)
			formula = fmt.Sprintf("SUBTOTAL(109,%s%d:%s%d)", col, l.headerRow+1, col, l.headerRow+l.bodyRows)
			value, st.format, st.currency = m.sums[c], m.sumFormat[c], m.sumCurrency[c]
			st.cents = hasCents(m.sums[c])
		default:
			return nil, fmt.Errorf("sheet: a cell cannot hold a %T", v)
		}
		id, err := wb.style(st)
		if err != nil {
			return nil, err
		}
		out[c] = excelize.Cell{StyleID: id, Value: value, Formula: formula}
	}
	return out, nil
}

// wallClock is t as its clock read where it was written: a spreadsheet
// has no time zones, and 10:01 CET must not become 09:01.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// round2 keeps a cached sum free of float noise (0.1+0.2).
func round2(v float64) float64 { return math.Round(v*100) / 100 }
