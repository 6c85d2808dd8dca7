package doc

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// githubIDs gives goldmark GitHub's heading anchors, the ones our
// contents links point at; goldmark's own drop non-ASCII letters.
type githubIDs map[string]int

func (ids githubIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := slug(string(value))
	if n, dup := ids[id]; dup {
		ids[id] = n + 1
		return []byte(id + "-" + strconv.Itoa(n+1))
	}
	ids[id] = 0
	return []byte(id)
}

func (ids githubIDs) Put(value []byte) { ids[string(value)] = 0 }

// TestMarkdownRoundTrip renders our Markdown with goldmark (GFM): the
// headings must read as written, the contents link to them, the tables
// be tables, and hostile text stay text.
func TestMarkdownRoundTrip(t *testing.T) {
	d := sampleDocument(3, 2)
	root, _ := parseHTML(t, d, func(b *bytes.Buffer, d Document) error {
		var md bytes.Buffer
		if err := WriteMarkdown(&md, d); err != nil {
			return err
		}
		gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
		return gm.Convert(md.Bytes(), b, parser.WithContext(parser.NewContext(parser.WithIDs(githubIDs{}))))
	})
	checkContents(t, root, d, true) // the title is a heading in Markdown
	tables := elements(root, tagIs("table"))
	if len(tables) != 5 {
		t.Fatalf("%d tables, want 5", len(tables))
	}
	if n := len(elements(tables[3], tagIs("th"))); n != 17 {
		t.Errorf("the matrix has %d header cells, want 17", n)
	}
	cells := map[string]bool{}
	for _, td := range elements(tables[0], tagIs("td")) {
		cells[textOf(td)] = true
	}
	if !cells[pipeText] {
		t.Errorf("the cell %q did not survive: %v", pipeText, cells)
	}
	for _, s := range elements(root, tagIs("strong", "em")) {
		if strings.Contains(textOf(s), "not bold") {
			t.Error("literal asterisks became emphasis")
		}
	}
	if !strings.Contains(textOf(root), starsText) {
		t.Error("literal asterisks were lost")
	}
	if n := len(elements(root, tagIs("ol"))); n != 1 {
		t.Errorf("%d numbered lists, want 1 (a list item's text starting with \"1.\" must not start another)", n)
	}
	if !strings.Contains(textOf(root), "Good practice and knowledge need (GP+KN) (#E69F00)") {
		t.Error("the legend is missing")
	}
	var bold []string
	for _, s := range elements(root, tagIs("strong")) {
		bold = append(bold, textOf(s))
	}
	if !strings.Contains(strings.Join(bold, "|"), "where the network starts") {
		t.Errorf("a bold run is not bold: %q", bold)
	}
}

func TestMarkdownInlineEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"# not a heading": `\# not a heading`,
		"1. not a list":   `1\. not a list`,
		"- not a bullet":  `\- not a bullet`,
		"a_b*c*[d](e)":    `a\_b\*c\*\[d\](e)`,
		"x | y":           `x \| y`,
		"plain, text.":    "plain, text.",
	} {
		if got := mdInline(in); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", in, got, want)
		}
	}
}
