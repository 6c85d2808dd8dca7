package doc

import (
	"image/color"
	"testing"
)

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Gdańsk":          "Gdańsk",
		"a\x01b\x1fc":     "abc",
		"tab\tand\nline":  "tab\tand\nline",
		"crlf\r\nlone\rx": "crlf\nlone\nx",
		"bad \xff byte":   "bad \uFFFD byte",
		"keep \uFFFD":     "keep \uFFFD",
		"no \uFFFE":       "no ",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHexColour(t *testing.T) {
	for in, want := range map[string]string{"0072b2": "0072B2", "#E69F00": "E69F00", "": "", "red": "", `F0E442" x="`: "", "GGGGGG": ""} {
		got, ok := hexColour(in)
		if got != want || ok != (want != "") {
			t.Errorf("hexColour(%q) = %q, %v", in, got, ok)
		}
	}
}

func TestOutlineAnchorsAreUnique(t *testing.T) {
	d := Document{Blocks: []Block{Heading{Level: 1, Text: "Roadmap"}, Heading{Level: 5, Text: "Roadmap"}, Heading{Level: 0, Text: "Iași: Roadmap!"}, Heading{Text: "?!"}}}
	want := []entry{{1, "Roadmap", "roadmap"}, {3, "Roadmap", "roadmap-1"}, {1, "Iași: Roadmap!", "iași-roadmap"}, {1, "?!", "section"}}
	for i, e := range outline(d) {
		if e != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, e, want[i])
		}
	}
}

func TestColour(t *testing.T) {
	if c, ok := Colour("0072B2"); !ok || c != (color.NRGBA{0x00, 0x72, 0xB2, 0xFF}) {
		t.Fatalf("Colour(0072B2) = %v %v", c, ok)
	}
	for _, bad := range []string{"", "12345", "GG0000", "0072B2FF"} {
		if _, ok := Colour(bad); ok {
			t.Errorf("Colour(%q) read a colour", bad)
		}
	}
}
