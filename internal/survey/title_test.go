package survey

import "testing"

// A survey named after its file reads as a title on the slide: no
// extension, words apart, a capital first; a date keeps its hyphens.
func TestTitleFromFile(t *testing.T) {
	cases := [][2]string{{"/tmp/online-academy-2.csv", "Online academy 2"}, {"my_survey.xlsx", "My survey"},
		{"C/x/CNM3 Genk.xlsx", "CNM3 Genk"}, {"iași__ulg--meeting.csv", "Iași ulg meeting"},
		{"2025-03-12_core-network.xlsx", "2025-03-12 core network"}, {"survey100k.csv", "Survey100k"}, {"_.csv", "_.csv"}}
	for _, c := range cases {
		if got := TitleFromFile(c[0]); got != c[1] {
			t.Errorf("TitleFromFile(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
