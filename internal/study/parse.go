package study

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// maxIndent is the deepest indentation the parser sees. goldmark's time
// grows with the square of list nesting (a 1 MB list nested 1,000 deep
// took 2.5 s); no study nests lists twenty deep, so deeper lines are
// brought back to this column and the parse stays linear.
const maxIndent = 40

// parse reads CommonMark with no extensions (what the editor promises);
// the nodes point into the returned source, not into body.
func parse(body string) (ast.Node, []byte) {
	src := capIndent([]byte(body))
	return goldmark.DefaultParser().Parse(text.NewReader(src)), src
}

// capIndent brings lines indented beyond maxIndent columns back to it.
func capIndent(src []byte) []byte {
	var out []byte // nil until a line needs changing
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n') + 1
		if end == 0 {
			end = len(src) - start
		}
		line := src[start : start+end]
		col, i := 0, 0
		for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
			if line[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
		}
		if col > maxIndent && out == nil {
			out = append(make([]byte, 0, len(src)), src[:start]...)
		}
		switch {
		case col > maxIndent:
			out = append(append(out, bytes.Repeat([]byte{' '}, maxIndent)...), line[i:]...)
		case out != nil:
			out = append(out, line...)
		}
		start += end
	}
	if out == nil {
		return src
	}
	return out
}
