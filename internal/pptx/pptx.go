// Package pptx writes PowerPoint presentations (Office Open XML) that
// PowerPoint and LibreOffice Impress open: 16:9 slides of text boxes and
// PNG pictures and tables on one blank layout. Text stays text, so whoever gets the
// deck can edit it. No library in our module proxy writes PPTX; this one
// writes only what the meeting deck needs.
package pptx

import (
	"archive/zip"
	"fmt"
	"io"
	"time"
)

// SlideWidth and SlideHeight are the slide's size in points (16:9, the
// 13.33 × 7.5 inch size of PowerPoint's widescreen slides). Boxes are
// placed in points from the top left.
const (
	SlideWidth  = 960.0
	SlideHeight = 540.0
)

// emuPerPoint converts points to the English Metric Units OOXML counts in.
const emuPerPoint = 12700

// Presentation is a deck: its properties and its slides, in order.
type Presentation struct {
	Title   string
	Author  string
	Created time.Time // zero: now
	Slides  []Slide
}

// Slide is what one slide shows, drawn in order (later shapes on top).
type Slide struct {
	Background string // RRGGBB; "" for white
	Shapes     []Shape
}

// Shape is a TextBox, a Picture or a Table.
type Shape interface{ isShape() }

// Box is a shape's place on the slide, in points.
type Box struct{ X, Y, W, H float64 }

// TextBox is editable text in a box: paragraphs top to bottom, wrapped
// at the box's width.
type TextBox struct {
	Box
	Paragraphs []Paragraph
	Fill       string // RRGGBB behind the text; "" for none
}

// Paragraph is one paragraph of a text box in one style; a "\n" in Text
// breaks the line within it. Lines are as tall as LineHeight says.
type Paragraph struct {
	Text        string
	Size        float64 // points
	Bold        bool
	Color       string // RRGGBB; "" for the theme's text colour
	Bullet      bool
	Center      bool
	Indent      float64 // points from the box's left edge (a bullet's text starts here; default 1.1 × Size)
	SpaceBefore float64 // points above the paragraph
}

// LineHeight is the height of one line of p in points: 1.2 times its
// size, set exactly in the file so that Impress, PowerPoint and our PDF
// break slides alike.
func (p Paragraph) LineHeight() float64 { return p.Size * 1.2 }

// TextIndent is where p's text starts from the box's left edge.
func (p Paragraph) TextIndent() float64 {
	if p.Indent == 0 && p.Bullet {
		return p.Size * 1.1
	}
	return p.Indent
}

// Picture is a PNG image stretched over its box; Description is its
// alternative text (what a screen reader says, what a search finds).
type Picture struct {
	Box
	PNG         []byte
	Description string
}

// Table is an editable table (a DrawingML table in a graphic frame, which
// PowerPoint and Impress edit as a table): its rows top to bottom, each
// cell one paragraph, the first row the header on HeaderFill, a Rule line
// under every row. A row is Heights tall, its cells' text TableInsetX and
// TableInsetY inside its edges; the box's H is the heights together.
type Table struct {
	Box
	Widths     []float64     // each column's, in points; together the box's W
	Rows       [][]Paragraph // each row's cells, in the columns' order
	Heights    []float64     // each row's, in points
	HeaderFill string        // RRGGBB; "" for none
	Rule       string        // RRGGBB; "" for none
}

// The room between a table cell's edges and its text, in points.
const (
	TableInsetX = 5.0
	TableInsetY = 4.0
)

func (TextBox) isShape() {}
func (Picture) isShape() {}
func (Table) isShape()   {}

// Font is the typeface the text boxes name: Arial is on every Windows and
// Mac, and LibreOffice lays it out with its metric twin Liberation Sans.
const Font = "Arial"

// Write writes p as a .pptx package.
func Write(w io.Writer, p Presentation) error {
	if len(p.Slides) == 0 {
		return fmt.Errorf("a presentation needs at least one slide")
	}
	created := p.Created
	if created.IsZero() {
		created = time.Now()
	}
	z := zip.NewWriter(w)
	put := func(name, content string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: created})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	// [Content_Types].xml first: some readers look for it at the start.
	for _, part := range []struct{ name, content string }{
		{"[Content_Types].xml", contentTypes(len(p.Slides))},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(p.Title, p.Author, created)},
		{"docProps/app.xml", appProps(len(p.Slides))},
		{"ppt/presentation.xml", presentationXML(len(p.Slides))},
		{"ppt/_rels/presentation.xml.rels", presentationRels(len(p.Slides))},
		{"ppt/presProps.xml", presProps},
		{"ppt/tableStyles.xml", tableStyles},
		{"ppt/slideMasters/slideMaster1.xml", slideMaster},
		{"ppt/slideMasters/_rels/slideMaster1.xml.rels", slideMasterRels},
		{"ppt/slideLayouts/slideLayout1.xml", slideLayout},
		{"ppt/slideLayouts/_rels/slideLayout1.xml.rels", slideLayoutRels},
		{"ppt/theme/theme1.xml", themeXML},
	} {
		if err := put(part.name, part.content); err != nil {
			return err
		}
	}
	images := 0
	for i, s := range p.Slides {
		xml, rels, media := slideXML(s, images)
		for _, m := range media {
			images++
			f, err := z.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("ppt/media/image%d.png", images), Method: zip.Store, Modified: created})
			if err != nil {
				return err
			}
			if _, err := f.Write(m); err != nil {
				return err
			}
		}
		name := fmt.Sprintf("slide%d.xml", i+1)
		if err := put("ppt/slides/"+name, xml); err != nil {
			return err
		}
		if err := put("ppt/slides/_rels/"+name+".rels", rels); err != nil {
			return err
		}
	}
	return z.Close()
}
