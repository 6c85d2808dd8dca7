package text

import "testing"

func TestTruncateAndOneLine(t *testing.T) {
	if got := Truncate("Gdańsk", 4); got != "Gda…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("Iași", 4); got != "Iași" {
		t.Errorf("Truncate kept = %q", got)
	}
	if got := OneLine(" a\n b\t c "); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
}
