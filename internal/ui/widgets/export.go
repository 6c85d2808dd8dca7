package widgets

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/theme"
	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// fileFormat is one file type an export writes.
type FileFormat struct {
	Ext   string
	Write func(io.Writer) error
}

// exportTo writes path in the format its extension names, whole or not at
// all; what names the content in the error for an unknown extension.
func ExportTo(path, what string, formats []FileFormat) error {
	ext := strings.ToLower(filepath.Ext(path))
	var names []string
	for _, f := range formats {
		if f.Ext == ext {
			return atomicfile.Write(path, f.Write)
		}
		names = append(names, f.Ext)
	}
	return fmt.Errorf("cannot export %s as %q: use one of %s", what, ext, strings.Join(names, ", "))
}

// documentFormats are the paged formats of a doc.Document.
func DocumentFormats(d doc.Document) []FileFormat {
	return []FileFormat{
		{".docx", func(w io.Writer) error { return doc.WriteDOCX(w, d) }},
		{".pdf", func(w io.Writer) error { return doc.WritePDF(w, d, PDFFonts()) }},
	}
}

// pdfFonts are the theme's fonts (Noto Sans), which cover every Latin
// script of the EU.
func PDFFonts() pdfdoc.Fonts {
	return pdfdoc.Fonts{Regular: theme.DefaultTextFont().Content(), Bold: theme.DefaultTextBoldFont().Content()}
}
