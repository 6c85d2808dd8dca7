package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

func JoinedPartnerNames(ps []data.Partner) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func Labels(lines []string, empty string) []fyne.CanvasObject {
	if len(lines) == 0 {
		lines = []string{empty}
	}
	out := make([]fyne.CanvasObject, len(lines))
	for i, l := range lines {
		lbl := widget.NewLabel(l)
		lbl.Wrapping = fyne.TextWrapWord
		out[i] = lbl
	}
	return out
}

func Bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func NumberedTitle(number, title string) string {
	if number == "" {
		return title
	}
	return number + "  " + title
}

func OrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// Truncate fits user text on one short line.
func Truncate(s string, n int) string { return text.Truncate(text.OneLine(s), n) }

// SafeFileName keeps a title usable as a file name on every system.
func SafeFileName(title string) string { return text.SafeFileName(title) }
