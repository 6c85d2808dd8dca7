package study

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// FuzzMarkdown: any body converts without panicking into well-formed
// blocks, and a body of only letters, digits and spaces keeps every word
// in order. Seeds are in testdata/fuzz/FuzzMarkdown.
func FuzzMarkdown(f *testing.F) {
	f.Add("# Title\n\nSome **bold** and *italic* text.\n\n- a\n  - b\n", 1)
	f.Fuzz(func(t *testing.T, md string, level int) {
		level = max(level, -level) % 3 // sections are at levels 1 and 2; 0 is the document
		if level < 0 {
			level = 0 // -MinInt is MinInt
		}
		blocks := withinTime(t, md, func() []doc.Block { return Markdown(md, level) })
		for _, b := range blocks {
			checkBlock(t, b, level, utf8.ValidString(md))
		}
		words := WordCount(md)
		if !isPlain(md) {
			return
		}
		if got, want := strings.Fields(blocksText(blocks)), strings.Fields(md); !slices.Equal(got, want) {
			t.Fatalf("plain words changed:\n got %q\nwant %q", got, want)
		}
		if want := len(strings.Fields(md)); words != want {
			t.Fatalf("WordCount = %d, want %d", words, want)
		}
	})
}

// withinTime fails the input when convert runs away (the fuzzer's own
// hang report does not keep the input), naming the input.
func withinTime(t *testing.T, md string, convert func() []doc.Block) []doc.Block {
	t.Helper()
	done := make(chan []doc.Block, 1)
	go func() { done <- convert() }()
	select {
	case blocks := <-done:
		return blocks
	case <-time.After(10 * time.Second):
		t.Fatalf("still converting after 10 s: %q", md)
		return nil
	}
}

func checkBlock(t *testing.T, b doc.Block, level int, validUTF8 bool) {
	t.Helper()
	checkText := func(s string) {
		t.Helper()
		if strings.Trim(s, asciiSpace) == "" || strings.ContainsRune(s, 0) || (validUTF8 && !utf8.ValidString(s)) {
			t.Fatalf("bad text %q in %#v", s, b)
		}
	}
	checkRuns := func(runs []doc.Run) {
		t.Helper()
		checkText(runsText(runs))
		for _, r := range runs {
			if r.Text == "" {
				t.Fatalf("empty run in %#v", b)
			}
		}
	}
	switch b := b.(type) {
	case doc.Heading:
		if b.Level <= level || b.Level > maxHeadingLevel {
			t.Fatalf("heading at level %d inside a level %d section", b.Level, level)
		}
		checkText(b.Text)
	case doc.Paragraph:
		checkRuns(b.Runs)
	case doc.List:
		if len(b.Items) == 0 {
			t.Fatal("an empty list")
		}
		for _, item := range b.Items {
			checkRuns(item)
		}
	default:
		t.Fatalf("unexpected block %#v", b)
	}
}

// isPlain tells whether a body has nothing Markdown could read as markup.
func isPlain(md string) bool {
	if !utf8.ValidString(md) {
		return false
	}
	for _, r := range md {
		if r != ' ' && r != '\n' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
