package pdfdoc_test

import (
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// Text wraps at spaces; a word longer than the line breaks after a
// separator of an address when one fits, and only a word with none is cut
// between letters. Nothing is lost or added.
func TestSplitTextBreaksLongWordsAtSeparators(t *testing.T) {
	p := pdfdoc.New("P", "t", "t", testkit.Fonts(t))
	p.AddPage()
	p.SetFont(pdfdoc.Body, "", 9)
	link := "https://urbact.eu/networks/agents-of-co-existence/good_practices?tab=partners&lang=en"
	lines := pdfdoc.SplitText(p, "Read "+link+" first", 40)
	if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != "Read"+link+"first" {
		t.Fatalf("lines %q lose or add text", lines)
	}
	if lines[0] != "Read" || len(lines) < 4 {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines[1 : len(lines)-1] {
		if !strings.ContainsAny(l[len(l)-1:], "/.-_?&=") {
			t.Errorf("line %q of %q ends inside a word", l, lines)
		}
	}
	long := strings.Repeat("participation", 8)
	cut := pdfdoc.SplitText(p, long, 40)
	if strings.Join(cut, "") != long || len(cut) < 2 {
		t.Errorf("a word without separators: %q", cut)
	}
	if got := pdfdoc.SplitText(p, "", 40); got != nil {
		t.Errorf("empty text gives %q", got)
	}
}
