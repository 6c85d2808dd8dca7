package tabular

import (
	"fmt"
	"path/filepath"
	"strings"
)

// FileError is a problem at a place in a file, said so a user can find it.
type FileError struct {
	File   string // file name as the user knows it
	Line   int    // 1-based line (CSV) or row (XLSX); 0 when the whole file
	Column int    // 1-based column; 0 when the whole line
	Msg    string // what is wrong
	Hint   string // what to do about it
	cause  error  // the parser's error, for callers that retry
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(filepath.Base(e.File))
	if e.Line > 0 {
		fmt.Fprintf(&b, ", line %d", e.Line)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %s", ColumnLabel(e.Column))
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" — ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// ColumnLabel names a 1-based column as a number and a spreadsheet letter: "3 (C)".
func ColumnLabel(col int) string {
	return fmt.Sprintf("%d (%s)", col, ColumnLetters(col))
}

// ColumnLetters converts a 1-based column number to spreadsheet letters: 28 → "AB".
func ColumnLetters(col int) string {
	var s []byte
	for col > 0 {
		col--
		s = append([]byte{byte('A' + col%26)}, s...)
		col /= 26
	}
	return string(s)
}
