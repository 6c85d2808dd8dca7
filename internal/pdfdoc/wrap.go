package pdfdoc

import (
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// addressSeparators are where a word too long for its line may break — a
// web address, a file path, a hyphenated name — after the separator, as
// LibreOffice breaks them in our DOCX. Only a word with none of them
// within the line is cut between two letters.
const addressSeparators = "/.-_?&="

// SplitText breaks text into the lines that fit width in p's current font
// (less the cell margins, as fpdf's SplitText): at spaces, each "\n"
// starting a line, and a word longer than a line at its separators
// (LongWordPrefix). Every PDF of ours wraps through it, so that the same
// words break the same way in each.
func SplitText(p *fpdf.Fpdf, text string, width float64) []string {
	width -= 2 * p.GetCellMargin()
	var out []string
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && p.GetStringWidth(line+" "+word) <= width {
				line += " " + word
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			for p.GetStringWidth(word) > width {
				piece := LongWordPrefix(p, word, width)
				out = append(out, piece)
				word = word[len(piece):]
			}
			line = word
		}
		out = append(out, line)
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

// LongWordPrefix is the start of a word too long for width that goes on
// its line: up to the last separator that fits (addressSeparators), else
// as many letters as fit — at least one, so that a line always moves on.
func LongWordPrefix(p *fpdf.Fpdf, word string, width float64) string {
	_, first := utf8.DecodeRuneInString(word)
	end, used, lastSep := first, p.GetStringWidth(word[:first]), 0
	for end < len(word) {
		r, n := utf8.DecodeRuneInString(word[end:])
		w := p.GetStringWidth(word[end : end+n])
		if used+w > width {
			break
		}
		used += w
		end += n
		if strings.ContainsRune(addressSeparators, r) && end < len(word) {
			lastSep = end
		}
	}
	if lastSep > 0 {
		return word[:lastSep]
	}
	return word[:end]
}

// WriteLines writes text from the current position as fpdf's MultiCell
// does — lines lineH tall in a column width wide (0: to the right
// margin), then back at the left margin below them — but broken by
// SplitText, so that a long address breaks at its separators.
func WriteLines(p *fpdf.Fpdf, width, lineH float64, text string) {
	x := p.GetX()
	if width == 0 {
		pageW, _ := p.GetPageSize()
		_, _, right, _ := p.GetMargins()
		width = pageW - right - x
	}
	for _, line := range SplitText(p, text, width) {
		p.SetX(x)
		p.CellFormat(width, lineH, line, "", 2, "L", false, 0, "")
	}
	left, _, _, _ := p.GetMargins()
	p.SetX(left)
}
