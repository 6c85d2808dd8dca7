package testkit

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// PDFPages is a PDF's page count and its first page's size in points, as
// pdfinfo reads them.
func PDFPages(t testing.TB, file string) (pages int, width, height float64) {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdfinfo"), file).Output()
	if err != nil {
		t.Fatalf("pdfinfo cannot read %s: %v", filepath.Base(file), err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		fmt.Sscanf(line, "Pages: %d", &pages)
		fmt.Sscanf(line, "Page size: %f x %f", &width, &height)
	}
	if pages == 0 {
		t.Fatalf("pdfinfo found no pages in %s", filepath.Base(file))
	}
	return pages, width, height
}

// PDFImages counts the pictures a PDF draws, as pdfimages lists them.
func PDFImages(t testing.TB, file string) int {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdfimages"), "-list", file).Output()
	if err != nil {
		t.Fatalf("pdfimages cannot read %s: %v", filepath.Base(file), err)
	}
	return strings.Count(string(b), "\n") - 2 // below a heading and a rule
}
