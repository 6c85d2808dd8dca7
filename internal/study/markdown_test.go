package study

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

func assertBlocks(t *testing.T, md string, level int, want ...doc.Block) {
	t.Helper()
	if got := Markdown(md, level); !reflect.DeepEqual(got, want) {
		t.Fatalf("Markdown(%q, %d)\n got %#v\nwant %#v", md, level, got, want)
	}
}

func TestMarkdownHeadingsNestUnderTheSection(t *testing.T) {
	assertBlocks(t, "# Context\n\n## Figures\n\n### Detail\n\n#\n", 1,
		doc.Heading{Level: 2, Text: "Context"},
		doc.Heading{Level: 3, Text: "Figures"},
		doc.Paragraph{Runs: []doc.Run{{Text: "Detail", Bold: true}}}) // below level 3: a bold line, not lost
	assertBlocks(t, "# *Why* it matters", 0, doc.Heading{Level: 1, Text: "Why it matters"})
}

func TestMarkdownRunsAndLineBreaks(t *testing.T) {
	assertBlocks(t, "Plain **bold** and *italic*, ***both***;\nsoft break  \nhard break\\\nagain &amp; `code` \\*not emphasis\\*",
		0, doc.Paragraph{Runs: []doc.Run{
			{Text: "Plain "}, {Text: "bold", Bold: true}, {Text: " and "}, {Text: "italic", Italic: true}, {Text: ", "},
			{Text: "both", Bold: true, Italic: true},
			{Text: "; soft break\nhard break\nagain & code *not emphasis*"},
		}})
}

func TestMarkdownListsAreFlattenedWithTheirNesting(t *testing.T) {
	md := "- first\n- second\n  1. one\n  2. **two**\n     - deeper\n- third\n\n3. three\n4. four\n"
	nb := "\u00a0\u00a0"
	assertBlocks(t, md, 0,
		doc.List{Items: [][]doc.Run{
			{{Text: "first"}},
			{{Text: "second"}},
			{{Text: nb + "1. one"}},
			{{Text: nb + "2. "}, {Text: "two", Bold: true}},
			{{Text: nb + nb + "– deeper"}},
			{{Text: "third"}},
		}},
		doc.List{Ordered: true, Items: [][]doc.Run{{{Text: "three"}}, {{Text: "four"}}}})
}

func TestMarkdownKeepsWhatTheModelLacksAsText(t *testing.T) {
	md := "<div class=\"box\">\n<b>Boxed</b>\n</div>\n\nSee ![the map](map.png) and [the plan](https://example.org/plan) or <https://urbact.eu>, <i>really</i>.\n\n```go\nfmt.Println(1)\n```\n\n    indented code\n\n> quoted\n\n---\n"
	assertBlocks(t, md, 1,
		doc.Text("<div class=\"box\">\n<b>Boxed</b>\n</div>"),
		doc.Text("See [image: the map map.png] and the plan (https://example.org/plan) or https://urbact.eu, <i>really</i>."),
		doc.Text("fmt.Println(1)"),
		doc.Text("indented code"),
		doc.Text("quoted"),
		doc.Text("* * *"))
}

func TestHostileMarkdown(t *testing.T) {
	t.Run("raw HTML stays inert text", func(t *testing.T) {
		got := blocksText(Markdown("<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>", 0))
		if !strings.Contains(got, "<script>alert('x')</script>") || !strings.Contains(got, "onerror=alert(1)") {
			t.Fatalf("raw HTML was changed or dropped: %q", got)
		}
	})
	t.Run("deeply nested lists", func(t *testing.T) {
		const depth = 500
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- level\n")
		}
		blocks := Markdown(b.String(), 0)
		var items int
		for _, bl := range blocks {
			if l, ok := bl.(doc.List); ok {
				items += len(l.Items)
				for _, it := range l.Items {
					if n := len(runsText(it)); n > 100 {
						t.Fatalf("an item grew to %d bytes", n)
					}
				}
			}
		}
		if items == 0 || WordCount(b.String()) != depth {
			t.Fatalf("%d list items, %d words of %d", items, WordCount(b.String()), depth)
		}
	})
	t.Run("deeply nested quotes", func(t *testing.T) {
		md := strings.Repeat(">", 10000) + " deep"
		if got := blocksText(Markdown(md, 0)); got != "deep" {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("a 1 MB body", func(t *testing.T) {
		para := "The **Citizens' Assembly** of Gdańsk met in 2016 — see [the report](https://example.org).\n\n"
		md := strings.Repeat(para, 1<<20/len(para)+1)
		start := time.Now()
		blocks := Markdown(md, 1)
		words := WordCount(md)
		t.Logf("%d bytes: %d blocks, %d words in %v", len(md), len(blocks), words, time.Since(start))
		paras := strings.Count(md, "\n\n")
		if len(blocks) != paras || words != paras*11 {
			t.Fatalf("%d blocks and %d words, want %d and %d", len(blocks), words, paras, paras*11)
		}
	})
}

func TestWordCountCountsTextNotMarkup(t *testing.T) {
	cases := map[string]int{
		"":                                0,
		"# Title\n\nOne *two* **three**.": 4,
		"- a list\n- of items\n\n1. nine": 5,
		"[link text](https://x.org/a) –":  2,
		"<div>\nraw html\n</div>\n\nword": 1,
		"x<br>y — z":                      3,
		"`code span` and\n\n    a block":  5,
		"Budaörs, Iași:  Kekava\nBreda":   4,
	}
	for md, want := range cases {
		if got := WordCount(md); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", md, got, want)
		}
	}
}

func TestIndentBeyondTheCapIsBroughtBack(t *testing.T) {
	deep := strings.Repeat(" ", 60)
	assertBlocks(t, "para\n\n"+deep+"code *x*\n\tx", 0,
		doc.Text("para"),
		doc.Text(strings.Repeat(" ", maxIndent-4)+"code *x*\nx"))
}
