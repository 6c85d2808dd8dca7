// Package doc is a small document model — headings, paragraphs, lists,
// tables with coloured cells, a table of contents — that the Baseline
// Study is assembled into and that each export format (DOCX, PDF, HTML,
// Markdown) renders. Generated blocks and Markdown text meet here, so a
// writer never needs to know where a block came from.
package doc

// Document is a whole study ready to render.
type Document struct {
	Title    string
	Subtitle string // e.g. the network and the date
	Blocks   []Block
	Layout   Layout // paper and font; the zero Layout is A4 in Calibri
}

// Block is one of the block types below.
type Block interface{ isBlock() }

// Heading is a section heading; Level 1 is a chapter, 2 a section, 3 a sub-section.
type Heading struct {
	Level int
	Text  string
}

// Paragraph is running text made of styled runs.
type Paragraph struct{ Runs []Run }

// Run is a stretch of text in one style.
type Run struct {
	Text         string
	Bold, Italic bool
}

// List is a bulleted or numbered list; each item is a line of runs.
type List struct {
	Ordered bool
	Items   [][]Run
}

// Table is a grid with a header row; cells may be filled with a colour.
type Table struct {
	Caption string // printed above the table, e.g. "Table 1. Matrix of good practices and knowledge needs"
	Header  []string
	Rows    [][]Cell
	Widths  []float64 // relative column widths; nil means equal
	Legend  []LegendItem
	group   *Table // the tables of its kind in the document, whose columns it shares (groupTables)
}

// Cell is one table cell. Fill and Ink are RRGGBB colours, "" for the
// writer's default (no fill, black text).
type Cell struct {
	Text string
	Note string // a paragraph in regular type below Text (an action's description under its title)
	Fill string
	Ink  string
	Bold bool
	// Right aligns the cell's text to the right (amounts, their total).
	Right bool
}

// LegendItem explains one fill colour under a table.
type LegendItem struct {
	Fill  string
	Label string
}

// TableOfContents stands where the index of headings goes, under its own
// title ("Contents" when empty); the title is not itself listed.
type TableOfContents struct{ Title string }

// Heading is the title the contents are shown under.
func (t TableOfContents) Heading() string {
	if t.Title == "" {
		return "Contents"
	}
	return t.Title
}

// PageBreak starts a new page in paged formats (DOCX, PDF); HTML and
// Markdown ignore it.
type PageBreak struct{}

func (Heading) isBlock()         {}
func (Paragraph) isBlock()       {}
func (List) isBlock()            {}
func (Table) isBlock()           {}
func (TableOfContents) isBlock() {}
func (PageBreak) isBlock()       {}

// Text is a paragraph of plain text.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }
