package study

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// WordCount counts the words a reader sees in a Markdown body: the text of
// paragraphs, headings, lists, links and code, not the markup around it,
// link addresses or raw HTML. A word is a run of non-space characters
// holding at least one letter or digit, so a lone dash is not one.
func WordCount(body string) int {
	root, src := parse(body)
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			b.WriteByte(' ') // x<br>y is two words
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.WriteString(textValue(n, src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.WriteString(" " + string(n.Label(src)) + " ")
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			b.WriteString(" " + literalLines(n, src) + " ")
		default:
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ') // blocks never run into each other's words
			}
		}
		return ast.WalkContinue, nil
	})
	return countWords(b.String())
}

func countWords(s string) int {
	n := 0
	for _, field := range strings.Fields(s) {
		if strings.IndexFunc(field, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
