package shell

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// formatPurposes say, per extension, what a partner does with the file:
// the choice of format is a choice of what the file is for.
var formatPurposes = map[string]string{
	".docx": "DOCX — to edit in Word or LibreOffice Writer",
	".pdf":  "PDF — to send or print; looks the same everywhere",
	".xlsx": "XLSX — to filter, sort and sum in Excel or LibreOffice Calc",
	".csv":  "CSV — a plain table for other programs and scripts",
	".html": "HTML — to open in a browser or put on a website",
	".md":   "Markdown — plain text for a wiki, a repository or an e-mail",
	".png":  "PNG — a 1920×1080 picture for slides and screens",
	".pptx": "PPTX — slides to show or edit in PowerPoint or LibreOffice Impress",
}

// formatLabel is how the chooser offers an extension.
func formatLabel(ext string) string {
	if purpose, ok := formatPurposes[ext]; ok {
		return purpose
	}
	return strings.ToUpper(strings.TrimPrefix(ext, "."))
}

// formatChooser is the save dialog's choice of format, kept in step with
// the file name's extension both ways.
type formatChooser struct {
	formats []string
	radio   *widget.RadioGroup
	name    *widgets.Entry
}

// newFormatChooser offers formats beside the name entry; nil when there
// is nothing to choose.
func newFormatChooser(formats []string, name *widgets.Entry) *formatChooser {
	if len(formats) == 0 {
		return nil
	}
	c := &formatChooser{formats: formats, name: name}
	labels := make([]string, len(formats))
	for i, ext := range formats {
		labels[i] = formatLabel(ext)
	}
	c.radio = widget.NewRadioGroup(labels, nil)
	c.radio.Required = true
	if ext, ok := c.known(name.Text); ok {
		c.radio.SetSelected(formatLabel(ext))
	} else {
		c.radio.SetSelected(labels[0])
	}
	c.radio.OnChanged = func(string) {
		if text := c.withExtension(name.Text); text != name.Text {
			name.SetText(text)
		}
	}
	typed := name.OnChanged
	name.OnChanged = func(text string) {
		if ext, ok := c.known(text); ok && formatLabel(ext) != c.radio.Selected {
			c.radio.SetSelected(formatLabel(ext))
		}
		if typed != nil {
			typed(text)
		}
	}
	return c
}

// known is the name's extension when it is one of the formats.
func (c *formatChooser) known(name string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	return ext, ext != "" && slices.Contains(c.formats, ext)
}

// chosen is the extension of the format chosen.
func (c *formatChooser) chosen() string {
	for _, ext := range c.formats {
		if formatLabel(ext) == c.radio.Selected {
			return ext
		}
	}
	return c.formats[0]
}

// withExtension is name ending in the chosen format's extension: a known
// extension is replaced, any other part of the name kept ("v1.2" stays).
func (c *formatChooser) withExtension(name string) string {
	want := c.chosen()
	if ext, ok := c.known(name); ok {
		if ext == want {
			return name
		}
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	if strings.TrimSpace(name) == "" {
		return name
	}
	return name + want
}
