package study

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Op says what happened to a line between two versions.
type Op int

// Line operations.
const (
	Equal Op = iota
	Insert
	Delete
)

// Line is one line of a comparison. Old and New are 1-based line numbers
// in each version, 0 where the line is not in that version.
type Line struct {
	Op   Op
	Text string
	Old  int
	New  int
}

// DiffLines compares two texts line by line: unchanged lines, lines only
// in old (deleted) and lines only in new (inserted), in reading order; a
// changed line is a deletion followed by an insertion.
func DiffLines(old, new string) []Line {
	a, b := splitLines(old), splitLines(new)
	// Without "autojunk": difflib otherwise ignores lines that are common
	// in long texts, and blank lines are common in Markdown.
	m := difflib.NewMatcherWithJunk(a, b, false, nil)
	var out []Line
	for _, op := range m.GetOpCodes() {
		if op.Tag == 'e' {
			for k := 0; k < op.I2-op.I1; k++ {
				out = append(out, Line{Op: Equal, Text: a[op.I1+k], Old: op.I1 + k + 1, New: op.J1 + k + 1})
			}
			continue
		}
		for i := op.I1; i < op.I2; i++ { // 'd' and 'r'
			out = append(out, Line{Op: Delete, Text: a[i], Old: i + 1})
		}
		for j := op.J1; j < op.J2; j++ { // 'i' and 'r'
			out = append(out, Line{Op: Insert, Text: b[j], New: j + 1})
		}
	}
	return out
}

// splitLines cuts a text into lines; a final line break ends the last line
// rather than starting an empty one, and CRLF counts as one break.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// CompareSection compares the body of one section between two versions of
// a study (snapshots, or a snapshot and the study as it is); sections are
// matched by id, and a section missing from a version counts as empty.
func CompareSection(before, after []data.Section, sectionID string) []Line {
	return DiffLines(bodyOf(before, sectionID), bodyOf(after, sectionID))
}

func bodyOf(sections []data.Section, id string) string {
	for _, s := range sections {
		if s.ID == id {
			return s.Body
		}
	}
	return ""
}
