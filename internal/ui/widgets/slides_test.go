package widgets

import (
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	lines := WrapText("Rank the sub-themes for your Integrated Action Plan in the order you need them most", 300, 20, 2)
	if len(lines) != 2 || lines[0] != "Rank the sub-themes for" || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("%q", lines)
	}
	if got := WrapText("Short", 300, 20, 3); len(got) != 1 || got[0] != "Short" {
		t.Fatalf("%q", got)
	}
}
