package study

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
)

// Inputs is everything a study is assembled from. The caller builds the
// roadmap (roadmap.Build) so that this package follows whatever rows it has.
type Inputs struct {
	Network  data.Network
	Study    data.Study
	Sections []data.Section
	Partners []data.Partner // in the order of the profiles and the focus table
	Matrix   *matrix.Matrix // nil when the network has no matrix yet
	Roadmap  roadmap.Roadmap
}

// Assemble builds the document: each section's heading at its level, its
// Markdown body, then the block it generates. Chapters after the first
// start on a new page; the generated tables are numbered in order.
func Assemble(in Inputs) doc.Document {
	a := assembler{in: in}
	d := doc.Document{Title: in.Study.Title, Subtitle: subtitle(in.Network)}
	for i, sec := range in.Sections {
		if sec.Level == 1 && i > 0 {
			d.Blocks = append(d.Blocks, doc.PageBreak{})
		}
		d.Blocks = append(d.Blocks, a.section(sec)...)
	}
	return d
}

// SectionBlocks is section i as it will print: its heading, its text and
// the block it generates, with tables numbered as in the whole study.
func SectionBlocks(in Inputs, i int) []doc.Block {
	a := assembler{in: in}
	for j := 0; j < i && j < len(in.Sections); j++ {
		a.generated(in.Sections[j]) // counts the tables before it
	}
	if i < 0 || i >= len(in.Sections) {
		return nil
	}
	return a.section(in.Sections[i])
}

// section is a section's heading, text and generated block. The index
// has no heading of its own: the contents carry its title and do not
// list themselves.
func (a *assembler) section(sec data.Section) []doc.Block {
	var blocks []doc.Block
	if sec.Kind != data.SectionIndex {
		blocks = append(blocks, doc.Heading{Level: sec.Level, Text: sec.Title})
	}
	blocks = append(blocks, Markdown(sec.Body, sec.Level)...)
	return append(blocks, a.generated(sec)...)
}

type assembler struct {
	in     Inputs
	tables int // tables numbered so far
}

func (a *assembler) generated(sec data.Section) []doc.Block {
	switch sec.Kind {
	case data.SectionIndex:
		return []doc.Block{doc.TableOfContents{Title: sec.Title}}
	case data.SectionPartnerProfiles:
		return partnerProfiles(a.in.Partners, sec.Level+1)
	case data.SectionMatrix:
		return matrixTable(a.in.Matrix, a.caption)
	case data.SectionFocusTable:
		return []doc.Block{focusTable(a.in.Partners, a.caption("Focus of the Integrated Action Plans and ideas for testing actions"))}
	case data.SectionRoadmap:
		return roadmapTables(a.in.Roadmap, a.caption)
	}
	return nil
}

// caption numbers a table: "Table 2. …".
func (a *assembler) caption(title string) string {
	a.tables++
	return fmt.Sprintf("Table %d. %s", a.tables, title)
}

func subtitle(n data.Network) string {
	name := n.Name
	if n.Acronym != "" {
		name += " (" + n.Acronym + ")"
	}
	return strings.Join(nonEmpty(name, n.Programme), " – ")
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// plainText is Markdown reduced to its text, for table cells.
func plainText(md string) string { return blocksText(Markdown(md, maxHeadingLevel)) }
