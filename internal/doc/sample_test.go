package doc

import (
	"fmt"
	"strings"
)

// partners are the sixteen cities of the sample network: the matrix has
// a label column and one column each.
var partners = []string{
	"Gdańsk", "Iași", "Budaörs", "Banská Bystrica", "Ķekava", "Aarhus", "Tartu", "Ljubljana",
	"Porto", "Thessaloniki", "Nantes", "Łódź", "Cluj-Napoca", "Plzeň", "Bologna", "Kraków",
}

// Hostile texts every writer must carry through as text.
const (
	scriptText = "<script>alert(1)</script>"
	pipeText   = "a | b"
	starsText  = "**not bold**"
)

// Cell states of the matrix, with the fills and inks the app uses.
var (
	cellGP   = Cell{Text: "GP", Fill: "0072B2", Ink: "FFFFFF", Bold: true}
	cellBoth = Cell{Text: "GP+KN", Fill: "E69F00", Ink: "101010", Bold: true}
	cellKN   = Cell{Text: "KN", Fill: "F0E442", Ink: "101010", Bold: true}
)

// sampleDocument is a study shaped like the real one: profiles partners
// long, each with a figures table and paragraphs of ~150 words.
func sampleDocument(profiles, paragraphs int) Document {
	d := Document{Title: "Baseline Study — Cities for Tomorrow", Subtitle: "URBACT Action Planning Network · June 2026"}
	add := func(b ...Block) { d.Blocks = append(d.Blocks, b...) }
	add(TableOfContents{}, PageBreak{})
	add(Heading{Level: 1, Text: "Introduction"},
		Paragraph{Runs: []Run{{Text: "This study sets out "}, {Text: "where the network starts", Bold: true},
			{Text: " and "}, {Text: "what its partners want to learn", Italic: true}, {Text: ". A partner wrote "},
			{Text: scriptText}, {Text: " into the survey, another "}, {Text: starsText}, {Text: " and " + pipeText},
			{Text: ", and a control character \x01 slipped in."}}},
		Heading{Level: 2, Text: "Method"},
		List{Items: [][]Run{{{Text: "Online survey of all partners"}}, {{Text: "Site visits", Bold: true}, {Text: " in spring"}},
			{{Text: "1. not a list item, # not a heading"}}}},
		Heading{Level: 3, Text: "Sources of data"},
		List{Ordered: true, Items: [][]Run{{{Text: "Eurostat urban audit"}}, {{Text: "National statistics"}}, {{Text: "The partners' own figures"}}}},
		Heading{Level: 2, Text: "A very long answer"},
		Text(longText(5000)),
	)
	add(PageBreak{}, Heading{Level: 1, Text: "Partner profiles"})
	for i := range profiles {
		name := partners[i%len(partners)]
		add(Heading{Level: 2, Text: name})
		add(Table{Caption: "Key figures of " + name, Header: []string{"Indicator", "Value", "Year"}, Widths: []float64{3, 1, 1},
			Rows: [][]Cell{{{Text: "Population"}, {Text: fmt.Sprint(50000 + 1000*i)}, {Text: "2024"}},
				{{Text: "Area (km²)"}, {Text: fmt.Sprint(40 + i)}, {Text: "2024"}},
				{{Text: "Unemployment rate (%)"}, {Text: fmt.Sprintf("%.1f", 4+float64(i)/3)}, {Text: "2023"}},
				{{Text: "Note"}, {Text: pipeText}, {Text: ""}}}})
		for j := range paragraphs {
			if j == paragraphs/2 {
				add(Heading{Level: 3, Text: "Challenges in " + name})
			}
			add(Paragraph{Runs: []Run{{Text: name + ": ", Bold: true}, {Text: longText(900 + j)}, {Text: " as the ULG put it.", Italic: true}}})
		}
	}
	add(PageBreak{}, Heading{Level: 1, Text: "Matrix of good practices and knowledge needs"}, matrixTable())
	add(Heading{Level: 1, Text: "Roadmap"}, roadmapTable())
	return d
}

// matrixTable is 17 columns: a sub-theme and one per partner.
func matrixTable() Table {
	t := Table{Caption: "Table 1. Matrix of good practices and knowledge needs",
		Header: append([]string{"Sub-theme"}, partners...), Widths: append([]float64{4}, repeatWidth(1, len(partners))...),
		Legend: []LegendItem{{Fill: "0072B2", Label: "Good practice (GP)"}, {Fill: "E69F00", Label: "Good practice and knowledge need (GP+KN)"},
			{Fill: "F0E442", Label: "Knowledge need (KN)"}}}
	for s := range 20 {
		row := []Cell{{Text: fmt.Sprintf("%d.%d Sub-theme about local food systems", s/5+1, s%5+1)}}
		for p := range partners {
			switch (s + p) % 5 {
			case 0:
				row = append(row, cellGP)
			case 1:
				row = append(row, cellBoth)
			case 2:
				row = append(row, cellKN)
			default:
				row = append(row, Cell{})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func roadmapTable() Table {
	t := Table{Caption: "Table 2. Roadmap", Header: []string{"Step", "Activity", "Partner", "Lead Expert", "Start", "End", "Output", "Status"}}
	for i := range 20 {
		t.Rows = append(t.Rows, []Cell{{Text: fmt.Sprint(i + 1)}, {Text: "Transnational meeting and ULG session on the theme"},
			{Text: partners[i%len(partners)]}, {Text: "Thematic input and report"}, {Text: "2026-09"}, {Text: "2026-10"},
			{Text: "Integrated Action Plan chapter"}, {Text: "planned"}})
	}
	return t
}

func repeatWidth(w float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = w
	}
	return out
}

// longText is n characters of words, so it wraps.
func longText(n int) string {
	const words = "the urban local group met in the town hall to discuss the shared food strategy and agreed on next steps "
	return strings.Repeat(words, n/len(words)+1)[:n]
}

// headings lists the texts of the document's headings.
func headings(d Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if h, ok := b.(Heading); ok {
			out = append(out, h.Text)
		}
	}
	return out
}
