package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// fileFormat is one file type an export writes.
type fileFormat struct {
	ext   string
	write func(io.Writer) error
}

// exportTo writes path in the format its extension names, whole or not at
// all; what names the content in the error for an unknown extension.
func exportTo(path, what string, formats []fileFormat) error {
	ext := strings.ToLower(filepath.Ext(path))
	var names []string
	for _, f := range formats {
		if f.ext == ext {
			return atomicfile.Write(path, f.write)
		}
		names = append(names, f.ext)
	}
	return fmt.Errorf("cannot export %s as %q: use one of %s", what, ext, strings.Join(names, ", "))
}

// documentFormats are the paged formats of a doc.Document.
func documentFormats(d doc.Document) []fileFormat {
	return []fileFormat{
		{".docx", func(w io.Writer) error { return doc.WriteDOCX(w, d) }},
		{".pdf", func(w io.Writer) error { return doc.WritePDF(w, d, pdfFonts()) }},
	}
}
