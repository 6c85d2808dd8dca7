package study

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

func TestDiffLinesOfAChangedText(t *testing.T) {
	old := "Intro\n\nGenk leads.\n\nNine cities.\n"
	new := "Intro\n\nGenk leads the network.\n\nNine cities.\r\nSix meetings."
	want := []Line{
		{Op: Equal, Text: "Intro", Old: 1, New: 1},
		{Op: Equal, Text: "", Old: 2, New: 2},
		{Op: Delete, Text: "Genk leads.", Old: 3},
		{Op: Insert, Text: "Genk leads the network.", New: 3},
		{Op: Equal, Text: "", Old: 4, New: 4},
		{Op: Equal, Text: "Nine cities.", Old: 5, New: 5},
		{Op: Insert, Text: "Six meetings.", New: 6},
	}
	if got := DiffLines(old, new); !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	if got := DiffLines("", "a"); !reflect.DeepEqual(got, []Line{{Op: Insert, Text: "a", New: 1}}) {
		t.Fatalf("from nothing: %+v", got)
	}
	if got := DiffLines("a\n", ""); !reflect.DeepEqual(got, []Line{{Op: Delete, Text: "a", Old: 1}}) {
		t.Fatalf("to nothing: %+v", got)
	}
}

func TestDiffLinesKeepsBlankLinesInLongTexts(t *testing.T) {
	// difflib's "autojunk" would treat the many blank lines of a long
	// Markdown text as noise and report unchanged paragraphs as changed.
	var paras []string
	for i := range 300 {
		paras = append(paras, strings.Repeat("x", i%7+1))
	}
	old := strings.Join(paras, "\n\n")
	new := strings.Replace(old, "\n\nxxx\n\n", "\n\nyyy\n\n", 1)
	changed := 0
	for _, l := range DiffLines(old, new) {
		if l.Op != Equal {
			changed++
		}
	}
	if changed != 2 {
		t.Fatalf("%d changed lines, want 2 (one deleted, one inserted)", changed)
	}
}

func TestCompareSectionMatchesById(t *testing.T) {
	before := []data.Section{{ID: "a", Body: "one"}, {ID: "b", Body: "two"}}
	after := []data.Section{{ID: "b", Body: "two\nthree"}}
	if got := CompareSection(before, after, "b"); len(got) != 2 || got[1] != (Line{Op: Insert, Text: "three", New: 2}) {
		t.Fatalf("changed section: %+v", got)
	}
	if got := CompareSection(before, after, "a"); len(got) != 1 || got[0].Op != Delete {
		t.Fatalf("removed section: %+v", got)
	}
}
