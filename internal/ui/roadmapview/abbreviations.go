package roadmapview

import (
	"strings"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
)

// glossary is what the short forms on a roadmap slide stand for: the
// meeting kinds the cells shorten (shortNames) and the URBACT terms the
// network's own entries use. A partner in the room reads "AiA 1" or "sent
// to the LP and LE" without knowing them.
var glossary = func() [][2]string {
	var out [][2]string
	for _, p := range shortNames {
		if p[1] != "ULG" { // the URBACT term below says more than "ULG meeting"
			out = append(out, [2]string{p[1], p[0]})
		}
	}
	return append(out, [][2]string{{"ULG", "URBACT Local Group"}, {"IAP", "Integrated Action Plan"},
		{"LP", "Lead Partner"}, {"LE", "Lead Expert"}}...)
}()

// abbreviations is the legend of a roadmap slide: each short form of the
// glossary that its rows show in months [from, to) — as a whole word, in
// the row labels or the cells — with what it stands for, in the
// glossary's order; "" when none is shown.
func abbreviations(rows []roadmap.Row, from, to int) string {
	words := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[w] = true
		}
	}
	for _, row := range rows {
		add(row.Label)
		for _, cell := range row.Cells[from:to] {
			add(shortTitles(cell))
		}
	}
	var parts []string
	for _, p := range glossary {
		if words[p[0]] {
			parts = append(parts, p[0]+" "+p[1])
		}
	}
	return strings.Join(parts, " · ")
}
