package themes

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// "Add theme" and "Add sub-theme" give the title the focus with the
// default selected: typing replaces "New theme" instead of giving
// "Vibrant public spacesNew theme".
func TestTypingReplacesTheNewThemeDefault(t *testing.T) {
	sh, v := open(t)
	v.addTheme()
	if sh.Window().Canvas().Focused() != v.title || v.title.SelectedText() != "New theme" {
		t.Fatalf("after Add theme the title field has the focus %v and %q selected", sh.Window().Canvas().Focused() == v.title, v.title.SelectedText())
	}
	test.Type(v.title, "Vibrant public spaces")
	if v.title.Text != "Vibrant public spaces" {
		t.Fatalf("typing a name gives %q", v.title.Text)
	}
	v.Save()
	v.addSubTheme()
	test.Type(v.title, "Streets for people")
	if v.title.Text != "Streets for people" {
		t.Fatalf("typing a sub-theme name gives %q", v.title.Text)
	}
}
