package studyview

import (
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Reveal opens a section found by the search, with the cursor on the
// first of its words that matches the search and that word selected
// (shell.Revealer).
func (v *studyView) Reveal(kind, id string) bool {
	if kind != data.SearchSection {
		return false
	}
	at, ok := v.sh.PlaceOf(kind, id)
	if !ok {
		return false
	}
	if v.in.Study.ID != at.StudyID {
		v.load(at.StudyID, 0)
	}
	i := slices.IndexFunc(v.in.Sections, func(s data.Section) bool { return s.ID == id })
	if i < 0 {
		return false
	}
	v.list.Select(i) // the editor follows, once the section on screen is saved
	v.list.ScrollTo(i)
	if v.current != i {
		return false
	}
	v.editor.selectWords(v.sh.SearchWords())
	return true
}

// maxSelectOffset: beyond this many characters into a section the
// cursor is not walked to the match (the words still show in the hit).
const maxSelectOffset = 20000

// selectWords puts the cursor in the body and selects the first word that
// starts with one of the typed words (accents and case folded, as the
// search does); the cursor is walked there key by key, so wrapped lines
// count as the entry counts them.
func (e *sectionEditor) selectWords(typed string) {
	start, n := firstMatch(e.body.Text, typed)
	canvas := e.sh.Window().Canvas()
	canvas.Focus(e.body)
	if n == 0 || start > maxSelectOffset {
		return
	}
	e.body.CursorRow, e.body.CursorColumn = 0, 0
	right := &fyne.KeyEvent{Name: fyne.KeyRight}
	for range start {
		e.body.TypedKey(right)
	}
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	e.body.KeyDown(shift)
	for range n {
		e.body.TypedKey(right)
	}
	e.body.KeyUp(shift)
}

// firstMatch is where, in runes, the first word of text starting with
// one of the typed words begins, and its length; 0, 0 for none.
func firstMatch(text, typed string) (start, n int) {
	var want []string
	for _, w := range strings.FieldsFunc(typed, notWordRune) {
		want = append(want, data.NameKey(w))
	}
	runes := []rune(text)
	for i := 0; i < len(runes); {
		if notWordRune(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && !notWordRune(runes[j]) {
			j++
		}
		word := data.NameKey(string(runes[i:j]))
		for _, w := range want {
			if w != "" && strings.HasPrefix(word, w) {
				return i, j - i
			}
		}
		i = j
	}
	return 0, 0
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
