package sheet

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// HeaderWidth is how much of a long heading a column makes room for
// before the heading wraps (the header row wraps; a question's prompt as
// a heading should not make its column half a screen wide).
const HeaderWidth = 30

// measure gathers, from a table's rows, how wide each column's content is
// in characters and what its numbers add up to (for the Sum cells).
type measure struct {
	limit            float64 // the widest a column gets
	bodyRows         int
	content, heading []float64
	sums             []float64
	sumFormat        []string
	sumCurrency      []string
	filled           []bool // a body row has something in the column
}

func newMeasure(columns, maxWidth int) *measure {
	if maxWidth <= 0 {
		maxWidth = MaxWidth
	}
	m := &measure{limit: float64(maxWidth)}
	m.grow(columns)
	return m
}

func (m *measure) grow(columns int) {
	for len(m.content) < columns {
		m.content = append(m.content, 0)
		m.heading = append(m.heading, 0)
		m.sums = append(m.sums, 0)
		m.sumFormat = append(m.sumFormat, formatDecimal)
		m.sumCurrency = append(m.sumCurrency, "")
		m.filled = append(m.filled, false)
	}
}

func (m *measure) columns() int { return len(m.content) }

// header makes room for each heading up to HeaderWidth, and always for
// its longest word: a heading wraps between words, never inside one.
func (m *measure) header(headings []string) {
	m.grow(len(headings))
	for c, h := range headings {
		width := min(float64(utf8.RuneCountInString(h)), HeaderWidth)
		for _, word := range strings.Fields(h) {
			width = max(width, float64(utf8.RuneCountInString(word)))
		}
		m.heading[c] = max(m.heading[c], width*1.1) // bold is wider
	}
}

// bodyRow measures a body row and notes the columns it fills.
func (m *measure) bodyRow(values []any) {
	m.bodyRows++
	m.row(values)
	for c, v := range values {
		if v != nil && v != "" {
			m.filled[c] = true
		}
	}
}

// emptyColumns are the columns no body row fills and no total sums (none
// for a table without body rows, whose header says what will come).
func (m *measure) emptyColumns() []int {
	var out []int
	for c, f := range m.filled {
		if !f && m.bodyRows > 0 {
			out = append(out, c)
		}
	}
	return out
}

func (m *measure) row(values []any) {
	m.grow(len(values))
	for c, v := range values {
		m.content[c] = max(m.content[c], width(v))
		switch v := v.(type) {
		case int:
			m.sums[c] += float64(v)
			m.sumFormat[c] = formatWhole
		case int64:
			m.sums[c] += float64(v)
			m.sumFormat[c] = formatWhole
		case float64:
			m.sums[c] = round2(m.sums[c] + v)
		case Money:
			m.sums[c] = round2(m.sums[c] + v.Amount)
			m.sumFormat[c], m.sumCurrency[c] = formatMoney, v.Currency
		case Sum:
			if m.sumCurrency[c] == "" && v.Currency != "" {
				m.sumFormat[c], m.sumCurrency[c] = formatMoney, v.Currency
			}
			m.content[c] = max(m.content[c], width(Money{m.sums[c], m.sumCurrency[c]}))
		}
	}
}

// width is how many characters a value takes as its format shows it.
func width(v any) float64 {
	switch v := v.(type) {
	case string:
		return longestLine(v)
	case Filled:
		return longestLine(v.Text) * 1.1
	case int:
		return float64(len(strconv.Itoa(v)))
	case int64:
		return float64(len(strconv.FormatInt(v, 10)))
	case float64:
		return float64(len(strconv.FormatFloat(v, 'f', 2, 64)))
	case Percent:
		return float64(len(strconv.FormatFloat(float64(v)*100, 'f', 1, 64))) + 1
	case Money:
		digits := len(strconv.FormatFloat(v.Amount, 'f', 0, 64))
		return float64(digits+digits/3+3+1+len(v.Currency)) + 1 // separators, cents, space, "EUR"
	case Date:
		return 10
	case DateTime:
		return 16
	}
	return 0
}

func longestLine(s string) float64 {
	longest := 0
	for line := range strings.SplitSeq(s, "\n") {
		longest = max(longest, utf8.RuneCountInString(line))
	}
	return float64(longest)
}

// needsWrap tells whether text must wrap to show: it has lines, or is
// longer than the widest column.
func (m *measure) needsWrap(s string) bool {
	return strings.Contains(s, "\n") || float64(utf8.RuneCountInString(s)) > m.limit
}

// widths are the columns' widths: their content plus a margin, between
// MinWidth and the table's limit (text longer wraps), and room for the heading.
func (m *measure) widths() []float64 {
	out := make([]float64, len(m.content))
	for c := range m.content {
		w := max(min(m.content[c], m.limit), m.heading[c]) + 2
		out[c] = min(max(w, MinWidth), m.limit+2)
	}
	return out
}

// lineHeight is the height of one line of the workbook's 11-point type, in points.
const lineHeight = 15

// rowLines is how many lines the row's tallest text takes in its column.
func rowLines(values []any, widths []float64) int {
	lines := 1
	for c, v := range values {
		if c >= len(widths) {
			break
		}
		switch v := v.(type) {
		case string:
			lines = max(lines, wrappedLines(v, widths[c]))
		case Filled:
			lines = max(lines, wrappedLines(v.Text, widths[c]/1.1))
		}
	}
	return lines
}

// wrappedLines is about how many lines text takes in a column width
// characters wide, breaking between words.
func wrappedLines(text string, width float64) int {
	lines := 0
	for para := range strings.SplitSeq(text, "\n") {
		lines++
		used := 0.0
		for _, w := range strings.Fields(para) {
			n := float64(utf8.RuneCountInString(w))
			if used > 0 && used+1+n > width-1 { // a character's slack for the cell's margins
				lines++
				used = 0
			}
			if used > 0 {
				used++
			}
			used += n
		}
	}
	return lines
}
