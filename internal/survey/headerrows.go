package survey

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// secondHeaderRow tells a header written on two rows with merged cells
// ("Rate the sessions" over "Morning" and "Afternoon"): the first row
// leaves blank the columns a merged heading spans, and the second names
// them while it is blank under every heading that spans one column — no respondent's row
// looks so (a respondent has a timestamp or some answer under a heading).
func secondHeaderRow(header, next []string) bool {
	spanned, carried := false, false
	blank := func(i int) bool { return i >= len(header) || strings.TrimSpace(header[i]) == "" }
	for i, h := range header {
		v := ""
		if i < len(next) {
			v = strings.TrimSpace(next[i])
		}
		switch {
		case strings.TrimSpace(h) != "" && v != "" && !blank(i+1):
			return false // an answer under a heading that spans no other column
		case strings.TrimSpace(h) != "":
			carried = true
		case v != "" && carried:
			spanned = true
		}
	}
	return spanned
}

// joinHeaderRows makes one heading per column of the two rows: a merged
// heading with the second row's name in brackets, as Google Forms heads a
// grid's columns ("Rate the sessions [Morning]"), so that the columns
// become one question with a statement each. The merged heading's first
// column is named by the second row too.
func joinHeaderRows(header, next []string) []string {
	out := make([]string, max(len(header), len(next)))
	merged := ""
	for i := range out {
		h, v := "", ""
		if i < len(header) {
			h = strings.TrimSpace(header[i])
		}
		if i < len(next) {
			v = strings.TrimSpace(next[i])
		}
		if h != "" {
			merged = h
		}
		switch {
		case v == "":
			out[i] = h
		default:
			out[i] = fmt.Sprintf("%s [%s]", merged, v)
		}
	}
	return out
}

// blankHeadings refuses a column that holds answers under no heading: its
// question would have no title, and a merged header would have been read
// as a respondent.
func blankHeadings(path string, header []string, sample [][]string, line int) error {
	for i, h := range header {
		if strings.TrimSpace(h) == "" && len(columnValues(sample, i)) > 0 {
			return &tabular.FileError{File: path, Line: line, Column: i + 1, Msg: fmt.Sprintf("column %s holds answers but has no heading", tabular.ColumnLetters(i+1)),
				Hint: "give it a heading in the file (its question), or delete the column"}
		}
	}
	return nil
}
