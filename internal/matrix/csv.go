package matrix

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// The CSV has Table 1's shape: one row per sub-theme; columns Theme,
// Sub-theme, one per partner, and Outside the network. A partner cell is
// empty (nothing), "KN" (knowledge need only), "GP: name | name" (good
// practices) or "GP+KN: name | name" (both); "GP" alone is a good practice
// not yet named. The outside cell lists "name (City, Country) | …".
const (
	headerTheme    = "Theme"
	headerSubTheme = "Sub-theme"
	headerOutside  = "Outside the network"
	nameSeparator  = " | "
)

// WriteCSV writes the matrix as UTF-8 CSV (with a BOM, so Excel reads the
// accents right), neutralising anything a spreadsheet would run as a formula.
func (m *Matrix) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := []string{headerTheme, headerSubTheme}
	for _, p := range m.Partners {
		header = append(header, p.Name)
	}
	header = append(header, headerOutside)
	if err := cw.Write(safeRow(header)); err != nil {
		return err
	}
	for _, r := range m.Rows {
		rec := []string{numbered(r.Theme.Number, r.Theme.Title), numbered(r.SubTheme.Number, r.SubTheme.Title)}
		for _, p := range m.Partners {
			rec = append(rec, CellText(m.Cell(p.ID, r.SubTheme.ID)))
		}
		rec = append(rec, OutsideText(m.Outside(r.SubTheme.ID)))
		if err := cw.Write(safeRow(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func safeRow(rec []string) []string {
	for i, c := range rec {
		rec[i] = tabular.SafeCell(c)
	}
	return rec
}

func numbered(number, title string) string {
	if number == "" {
		return title
	}
	return number + " " + title
}

// CellText writes a cell in the CSV syntax.
func CellText(c Cell) string {
	names := make([]string, len(c.Practices))
	for i, gp := range c.Practices {
		names[i] = gp.Title
	}
	switch c.State {
	case KnowledgeNeed:
		return "KN"
	case GoodPractice, GoodPracticeAndKN:
		prefix := "GP"
		if c.State == GoodPracticeAndKN {
			prefix = "GP+KN"
		}
		if len(names) == 0 {
			return prefix
		}
		return prefix + ": " + strings.Join(names, nameSeparator)
	}
	return ""
}

// OutsideText writes the outside practices of a sub-theme.
func OutsideText(gps []data.GoodPractice) string {
	parts := make([]string, len(gps))
	for i, gp := range gps {
		parts[i] = gp.Title + " (" + strings.Join(nonEmpty(gp.OutsideCity, gp.OutsideCountry), ", ") + ")"
	}
	return strings.Join(parts, nameSeparator)
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parsedCell is a partner cell read from CSV.
type parsedCell struct {
	state string
	names []string
}

// ParseCell reads the CSV syntax of a partner cell.
func ParseCell(text string) (parsedCell, error) {
	text = strings.TrimSpace(tabular.UnsafeCell(text))
	if text == "" {
		return parsedCell{}, nil
	}
	head, rest, hasNames := strings.Cut(text, ":")
	var c parsedCell
	switch strings.ToUpper(strings.Join(strings.Fields(head), "")) {
	case "KN":
		c.state = KnowledgeNeed
	case "GP":
		c.state = GoodPractice
	case "GP+KN", "KN+GP":
		c.state = GoodPracticeAndKN
	default:
		return c, fmt.Errorf("unknown cell %q: write KN, GP: practice names, or GP+KN: practice names", truncate(text, 40))
	}
	if hasNames {
		if c.state == KnowledgeNeed && strings.TrimSpace(rest) != "" {
			return c, fmt.Errorf("a KN cell names no practices; write GP+KN: %s", strings.TrimSpace(rest))
		}
		for _, n := range strings.Split(rest, "|") {
			if n = strings.TrimSpace(n); n != "" {
				c.names = append(c.names, n)
			}
		}
	}
	return c, nil
}

// outsideRef is one practice from outside the network, read from CSV.
type outsideRef struct{ title, city, country string }

// parseOutside reads "name (City, Country) | …".
func parseOutside(text string) ([]outsideRef, error) {
	var out []outsideRef
	for _, part := range strings.Split(tabular.UnsafeCell(text), "|") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		open := strings.LastIndex(part, "(")
		if open <= 0 || !strings.HasSuffix(part, ")") {
			return nil, fmt.Errorf("%q names no city: write practice (City, Country)", truncate(part, 40))
		}
		city, country, _ := strings.Cut(part[open+1:len(part)-1], ",")
		ref := outsideRef{title: strings.TrimSpace(part[:open]), city: strings.TrimSpace(city), country: strings.TrimSpace(country)}
		if ref.title == "" || ref.city == "" {
			return nil, fmt.Errorf("%q needs a practice name and a city", truncate(part, 40))
		}
		out = append(out, ref)
	}
	return out, nil
}

// truncate shortens text shown in messages.
func truncate(s string, n int) string { return text.Truncate(s, n) }
