package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// sniffBytes is how much of a file the detectors look at.
const sniffBytes = 64 << 10

func readCSV(name string, raw []byte, opt Options) (*Table, error) {
	enc := opt.Encoding
	if enc == "" {
		enc = detect(raw[:min(len(raw), sniffBytes)], bytes.NewReader(raw), int64(len(raw)))
	}
	text, err := decodeAll(raw, enc)
	if err != nil {
		return nil, &FileError{File: name, Msg: "could not be decoded as " + string(enc), Hint: "save it as UTF-8 CSV"}
	}
	if looksBinary(text) {
		return nil, &FileError{File: name, Msg: "is not a text or spreadsheet file", Hint: "choose a CSV or XLSX file"}
	}
	delim := opt.Delimiter
	if delim == 0 {
		delim = DetectDelimiter(text[:min(len(text), sniffBytes)])
	}
	if !bytes.Contains(text, []byte("\n")) && bytes.Contains(text, []byte("\r")) {
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n")) // old Mac line ends
	}
	rows, err := parseCSV(name, text, delim, enc)
	if err != nil {
		return nil, err
	}
	return &Table{File: name, Format: "CSV", Encoding: enc, Delimiter: delim, Rows: trimBlank(rows)}, nil
}

// parseCSV parses strictly, so that a quote that never closes is reported
// instead of swallowing the rest of the file; only when the sole problem is
// a bare quote inside an unquoted field (5" screen) is it read leniently.
func parseCSV(name string, text []byte, delim rune, enc Encoding) ([]Row, error) {
	rows, err := parseCSVWith(name, text, delim, enc, false)
	var fe *FileError
	if errors.As(err, &fe) && fe.cause == csv.ErrBareQuote {
		return parseCSVWith(name, text, delim, enc, true)
	}
	return rows, err
}

func parseCSVWith(name string, text []byte, delim rune, enc Encoding, lazy bool) ([]Row, error) {
	g := newTextGuard(bytes.NewReader(text), name, delim, enc)
	r := csv.NewReader(g)
	r.Comma = delim
	r.FieldsPerRecord = -1 // ragged rows are reported by the importer, with their line
	r.LazyQuotes = lazy
	var rows []Row
	cells := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, g.explain(err)
		}
		line, _ := r.FieldPos(0)
		if cells += max(len(rec), 1); len(rows) > tableRows || cells > tableCells {
			return nil, tooLarge(name, "the file", line)
		}
		rows = append(rows, Row{Line: line, Cells: rec})
	}
}

// looksBinary reports text that decoded to control characters: a binary
// file, or a UTF-16 file without BOM that was misread. A few NULs in a text
// are not this but refused with their place while reading.
func looksBinary(text []byte) bool {
	sample := text[:min(len(text), sniffBytes)]
	bad := 0
	for len(sample) > 0 {
		r, size := utf8.DecodeRune(sample)
		sample = sample[size:]
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			bad++
		}
	}
	return bad > 8
}

// DetectDelimiter picks the delimiter among , ; tab | that splits the first
// lines into the same number (more than one) of fields most consistently.
func DetectDelimiter(sample []byte) rune {
	best, bestScore := ',', -1
	for _, d := range []rune{',', ';', '\t', '|'} {
		if s := delimiterScore(sample, d); s > bestScore {
			best, bestScore = d, s
		}
	}
	return best
}

func delimiterScore(sample []byte, d rune) int {
	r := csv.NewReader(bytes.NewReader(sample))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = d, -1, true
	counts := map[int]int{}
	for i := 0; i < 30; i++ {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if len(rec) > 1 || strings.TrimSpace(rec[0]) != "" {
			counts[len(rec)]++
		}
	}
	score := -1
	for width, n := range counts {
		if width > 1 {
			// Consistency first, then width as a tie-break.
			if s := n*1000 + width; s > score {
				score = s
			}
		}
	}
	return score
}

// DelimiterName is how a delimiter is shown to users.
func DelimiterName(d rune) string {
	switch d {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	case 0:
		return "none"
	}
	return fmt.Sprintf("%q", d)
}
