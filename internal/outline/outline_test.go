package outline

import (
	"strings"
	"testing"
)

func TestParseThemesAndSubThemes(t *testing.T) {
	text := "1 Working with citizens\n  1.1 Participatory budgets\n\t1.2 Neighbourhood councils\n\n2. Green transition\n  Urban gardens\nCulture\n  3.1 Festivals\n"
	themes, problems := Parse("themes", "n1", text)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var got []string
	for i, th := range themes {
		if th.Position != i || th.NetworkID != "n1" {
			t.Errorf("theme %d: position %d network %q", i, th.Position, th.NetworkID)
		}
		got = append(got, th.Label())
		for j, st := range th.SubThemes {
			if st.Position != j {
				t.Errorf("%s: position %d", st.Label(), st.Position)
			}
			got = append(got, "  "+st.Label())
		}
	}
	want := "1 Working with citizens|  1.1 Participatory budgets|  1.2 Neighbourhood councils|2 Green transition|  2.1 Urban gardens|3 Culture|  3.1 Festivals"
	if strings.Join(got, "|") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func TestParseRefusesBadLinesWithTheirNumber(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"  1.1 Orphan", "line 1: \"1.1 Orphan\" comes before any theme"},
		{"1 A\n\n  2.1 Wrong theme", "line 3: sub-theme 2.1 is under theme 1"},
		{"1 A\n1.1 Flush", "line 2: \"1.1 Flush\" is numbered as a sub-theme but not indented"},
		{"1 A\n  2 Indented theme", "line 2: \"2 Indented theme\" is indented but numbered as a theme"},
		{"1 A\n  1.1.1 Deep", "line 2: \"1.1.1 Deep\" is a third level"},
		{"1 A\n  1.1", "line 2: \"1.1\" has no title"},
		{"1 A\n1 B", "line 2: theme 1 is numbered again"},
		{"1 A\n  1.1 X\n  1.1 Y", "line 3: sub-theme 1.1 is numbered again"},
	} {
		_, problems := Parse("themes", "n", c.text)
		if len(problems) != 1 || !strings.Contains(problems[0].Error(), c.want) {
			t.Errorf("%q: got %v, want one problem containing %q", c.text, problems, c.want)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	themes, problems := Parse("themes", "n", "\n  \n")
	if len(themes) != 0 || len(problems) != 0 {
		t.Errorf("got %v %v", themes, problems)
	}
}
