package testkit

import (
	"fmt"
	"html"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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

// Word is one word pdftotext reads from a page, and its box in points
// from the page's top left.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// PDFWords are the words of each page of a PDF with their boxes, as
// pdftotext -bbox reads them.
func PDFWords(t testing.TB, file string) [][]Word {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdftotext"), "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read %s: %v", filepath.Base(file), err)
	}
	var pages [][]Word
	for _, page := range strings.Split(string(b), "<page ")[1:] {
		var words []Word
		for _, m := range wordBox.FindAllStringSubmatch(page, -1) {
			w := Word{Text: html.UnescapeString(m[5])}
			for i, v := range []*float64{&w.XMin, &w.YMin, &w.XMax, &w.YMax} {
				*v, _ = strconv.ParseFloat(m[i+1], 64)
			}
			words = append(words, w)
		}
		pages = append(pages, words)
	}
	return pages
}

var wordBox = regexp.MustCompile(`<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>`)
