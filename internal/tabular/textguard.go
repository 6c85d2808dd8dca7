package tabular

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// MaxLineBytes bounds one row of a CSV, its quoted line breaks included: a
// longer row is no survey answer or partner but a broken or hostile file
// (most often a quote that never closes), and encoding/csv would hold it
// whole in memory.
const MaxLineBytes = 1 << 20

// textGuard sits between the decoded text and encoding/csv and refuses, as soon
// as it passes, what must not reach memory or the store: a row longer than
// MaxLineBytes, a NUL byte, a byte that does not fit the encoding. It
// follows the fields itself (as encoding/csv with LazyQuotes splits them),
// so that every error names the real column and, for a quote, the line
// where the quoted cell opened — encoding/csv only knows byte offsets.
type textGuard struct {
	r     io.Reader
	file  string
	delim byte // 0 when the delimiter is not ASCII: columns are then not told apart
	// rawUTF8: the bytes are the file's own UTF-8, so an invalid sequence is
	// a byte that does not fit; otherwise they come from a decoder that
	// writes U+FFFD for a byte that has no character in the encoding.
	rawUTF8 bool
	enc     Encoding

	line, col        int // where the next byte is: physical line, 1-based field
	state            fieldState
	openLine         int // line where the current field (a quoted one) began
	rowLine, rowSize int // the current row's first line and its size so far
	pend             []byte

	// The first quote problems, where encoding/csv in strict mode stops.
	quoteLine, quoteCol, bareLine, bareCol int
	err                                    *FileError
}

type fieldState uint8

const (
	atFieldStart fieldState = iota
	inUnquoted
	inQuoted
	afterQuote // a quote inside a quoted field: closing, or the first of two
)

func newTextGuard(r io.Reader, file string, delim rune, enc Encoding) *textGuard {
	g := &textGuard{r: r, file: file, enc: enc, rawUTF8: enc == UTF8 || enc == UTF8BOM, line: 1, col: 1, rowLine: 1}
	if delim > 0 && delim < utf8.RuneSelf {
		g.delim = byte(delim)
	}
	return g
}

func (g *textGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for _, c := range p[:n] {
		// Most bytes are plain text inside a field: counted, nothing more.
		if c > '"' && c < utf8.RuneSelf && c != g.delim && (g.state == inUnquoted || g.state == inQuoted) && len(g.pend) == 0 && g.rowSize < MaxLineBytes {
			g.rowSize++
			continue
		}
		if fe := g.byte(c); fe != nil {
			g.err = fe
			return 0, fe
		}
	}
	if err == io.EOF {
		if fe := g.end(); fe != nil {
			g.err = fe
			return 0, fe
		}
	}
	return n, err
}

func (g *textGuard) fail(line, col int, msg, hint string) *FileError {
	return &FileError{File: g.file, Line: line, Column: col, Msg: msg, Hint: hint}
}

func (g *textGuard) byte(c byte) *FileError {
	if g.rowSize++; g.rowSize > MaxLineBytes {
		if g.state == inQuoted {
			return g.fail(g.openLine, g.col, fmt.Sprintf("a quoted cell that starts on line %d is still open after %d MB", g.openLine, MaxLineBytes>>20),
				"a quote that never closes: check the quotes around that cell")
		}
		return g.fail(g.rowLine, 0, fmt.Sprintf("has a line longer than %d MB", MaxLineBytes>>20),
			"this is not a survey export, or its quotes are broken: open it in a spreadsheet and save it again as CSV")
	}
	if len(g.pend) > 0 || c >= utf8.RuneSelf {
		return g.rune(c)
	}
	if c == 0 {
		return g.fail(g.line, g.col, "has a NUL byte (a zero byte, which no text holds)",
			"the file is damaged or not a text file: open it in a spreadsheet and save it again as CSV (UTF-8)")
	}
	switch g.state {
	case atFieldStart, inUnquoted:
		switch {
		case c == '"' && g.state == atFieldStart:
			g.state, g.openLine = inQuoted, g.line
		case c == '"':
			if g.bareLine == 0 {
				g.bareLine, g.bareCol = g.line, g.col
			}
		case c == g.delim && g.delim != 0:
			g.col, g.state = g.col+1, atFieldStart
		case c == '\n':
			g.endRow()
		default:
			g.state = inUnquoted
		}
	case inQuoted:
		switch c {
		case '"':
			g.state = afterQuote
		case '\n':
			g.line++
		}
	case afterQuote:
		switch {
		case c == '"':
			g.state = inQuoted
		case c == g.delim && g.delim != 0:
			g.col, g.state = g.col+1, atFieldStart
		case c == '\n':
			g.endRow()
		case c == '\r':
		default: // strict encoding/csv stops here; with LazyQuotes the quote is text
			if g.quoteLine == 0 {
				g.quoteLine, g.quoteCol = g.openLine, g.col
			}
			g.state = inQuoted
		}
	}
	return nil
}

func (g *textGuard) endRow() {
	g.line++
	g.col, g.state, g.rowLine, g.rowSize = 1, atFieldStart, g.line, 0
}

// rune checks one non-ASCII character, collecting its bytes across reads.
func (g *textGuard) rune(c byte) *FileError {
	g.pend = append(g.pend, c)
	if !utf8.FullRune(g.pend) {
		return nil
	}
	r, size := utf8.DecodeRune(g.pend)
	first := g.pend[0]
	g.pend = g.pend[:0]
	if g.state == atFieldStart {
		g.state = inUnquoted
	}
	switch {
	case g.rawUTF8 && r == utf8.RuneError && size <= 1:
		return g.notUTF8(first)
	case !g.rawUTF8 && r == utf8.RuneError:
		return g.fail(g.line, g.col, "has a byte that is not a character in "+string(g.enc),
			"save the file as UTF-8 (in a spreadsheet: CSV UTF-8), or choose its encoding (the preview's Encoding, or --encoding)")
	}
	return nil
}

// notUTF8 is a byte that no UTF-8 text holds: most often a file that is UTF-8
// but for a line pasted in from a Windows program.
func (g *textGuard) notUTF8(b byte) *FileError {
	return g.fail(g.line, g.col, fmt.Sprintf("has a byte (0x%02X) that is not UTF-8, the encoding the rest of the file is read in", b),
		"save the file as UTF-8 (in a spreadsheet: CSV UTF-8), or choose its encoding (the preview's Encoding, or --encoding windows-1250 or windows-1252)")
}

// end checks the file's end: a quoted cell still open swallowed the rest.
func (g *textGuard) end() *FileError {
	if len(g.pend) > 0 && g.rawUTF8 {
		return g.notUTF8(g.pend[0])
	}
	if g.state == inQuoted {
		return g.fail(g.openLine, g.col, fmt.Sprintf("a quoted cell that starts on line %d is not closed", g.openLine),
			"check the quotes around that cell")
	}
	return nil
}

// quoteError places a strict encoding/csv quote error at the cell where the
// guard saw it begin.
func (g *textGuard) quoteError(bare bool) *FileError {
	if bare {
		return g.fail(g.bareLine, g.bareCol, `has a quote (") inside a cell that is not quoted`,
			`put the cell in quotes and double the quote inside ("5"" wide"), or save the file again from a spreadsheet`)
	}
	line, col := g.quoteLine, g.quoteCol
	if line == 0 {
		line, col = g.openLine, g.col
	}
	return g.fail(line, col, fmt.Sprintf("a quoted cell that starts on line %d is not closed properly", line), "check the quotes around that cell")
}

// explain turns what encoding/csv returned into the error to show: the
// guard's own, or a quote error placed at its real cell.
func (g *textGuard) explain(err error) *FileError {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	if g.err != nil {
		return g.err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		fe := g.quoteError(pe.Err == csv.ErrBareQuote)
		if fe.Line == 0 { // not where the guard saw it: the parser's own line
			fe.Line, fe.Column = pe.StartLine, 0
		}
		fe.cause = pe.Err
		return fe
	}
	return &FileError{File: g.file, Msg: "could not be read: " + err.Error()}
}
