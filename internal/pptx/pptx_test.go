package pptx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func samplePNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 160, 90))
	for x := range 160 {
		for y := range 90 {
			img.Set(x, y, color.RGBA{uint8(x), 0x72, 0xB2, 0xFF})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sample(t *testing.T) Presentation {
	pic := samplePNG(t)
	return Presentation{Title: "Core Network Meeting 3 — deck", Author: "Lead Expert", Created: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
		Slides: []Slide{
			{Shapes: []Shape{
				TextBox{Box: Box{60, 160, 840, 80}, Paragraphs: []Paragraph{{Text: "Agents of Co-Existence", Size: 44, Bold: true, Center: true}}},
				TextBox{Box: Box{60, 260, 840, 60}, Paragraphs: []Paragraph{{Text: "Gdańsk & <Sopot> · 1 June 2024", Size: 24, Center: true, Color: "1F3A5F"}}},
				Table{Box: Box{60, 340, 840, 80}, Widths: []float64{500, 340}, Heights: []float64{30, 50}, HeaderFill: "EEF2F7", Rule: "9CA3AF",
					Rows: [][]Paragraph{
						{{Text: "Key learning", Size: 16, Bold: true}, {Text: "Who", Size: 16, Bold: true}},
						{{Text: "Brokers between residents & the city", Size: 16}, {Text: "HR department\nwith the ULG", Size: 16}},
					}},
			}},
			{Shapes: []Shape{Picture{Box: Box{0, 0, SlideWidth, SlideHeight}, PNG: pic, Description: "The matrix, theme 1"}}},
			{Background: "EEF2F7", Shapes: []Shape{
				TextBox{Box: Box{40, 30, 880, 50}, Paragraphs: []Paragraph{{Text: "Review of earlier actions", Size: 32, Bold: true}}},
				TextBox{Box: Box{40, 100, 880, 400}, Fill: "FFFFFF", Paragraphs: []Paragraph{
					{Text: "Done — Describe the tasks of a participation contact point", Size: 20, Bullet: true},
					{Text: "Task description ready;\nHR agreed to a part-time pilot role.", Size: 16},
				}},
				Picture{Box: Box{760, 420, 160, 90}, PNG: pic, Description: "small"},
			}},
		}}
}

// Every part of the package is well-formed XML, every relationship points
// at a part that exists, every part has a content type, and each picture
// is stored once as a PNG.
func TestPackageIsWhole(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample(t)); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	types := string(parts["[Content_Types].xml"])
	for name, content := range parts {
		if strings.HasSuffix(name, ".png") {
			if _, err := png.Decode(bytes.NewReader(content)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(content))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not XML: %v", name, err)
			}
		}
		if name != "[Content_Types].xml" && !strings.HasSuffix(name, ".rels") && !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("%s has no content type", name)
		}
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				Target string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(content, &rels); err != nil {
			t.Fatal(err)
		}
		base := path.Dir(path.Dir(name)) // the folder of the part the .rels belongs to
		for _, r := range rels.Rel {
			target := path.Clean(path.Join(base, r.Target))
			if _, ok := parts[target]; !ok {
				t.Errorf("%s points at %s, which is not in the package", name, target)
			}
		}
	}
	if n := strings.Count(types, "presentationml.slide+xml"); n != 3 {
		t.Errorf("%d slides have a content type, want 3", n)
	}
	if _, ok := parts["ppt/media/image2.png"]; !ok || len(parts) != 21 {
		t.Errorf("%d parts; want 21 with two images", len(parts))
	}
	if s := string(parts["ppt/slides/slide1.xml"]); !strings.Contains(s, "Gdańsk &amp; &lt;Sopot&gt;") || !strings.Contains(s, `txBox="1"`) {
		t.Errorf("slide 1 text: %s", s)
	}
	// the table: a graphic frame holding a:tbl, a column per width, a row per height, a cell per paragraph
	s := string(parts["ppt/slides/slide1.xml"])
	tbl := regexp.MustCompile(`<p:graphicFrame>.*<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>(.*)</a:tbl>`).FindStringSubmatch(s)
	if tbl == nil || strings.Count(tbl[1], `<a:gridCol w="6350000"/>`) != 1 || strings.Count(tbl[1], "<a:tr ") != 2 || strings.Count(tbl[1], "<a:tc>") != 4 ||
		!strings.Contains(tbl[1], `<a:tr h="635000">`) || !strings.Contains(tbl[1], "<a:t>Brokers between residents &amp; the city</a:t>") {
		t.Errorf("slide 1 has no table of 2 columns, 2 rows and 4 cells: %s", s)
	}
}

// LibreOffice Impress opens the deck: one 16:9 page per slide, the text
// boxes read back as text (so they are editable text, not pictures) and
// the pictures are there.
func TestImpressOpensTheDeck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "deck.pptx")
	var b bytes.Buffer
	if err := Write(&b, sample(t)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := testkit.Convert(t, file, "pdf")
	text := strings.Join(strings.Fields(testkit.PDFText(t, pdf)), " ")
	for _, want := range []string{"Agents of Co-Existence", "Gdańsk & <Sopot> · 1 June 2024", "Review of earlier actions", "Key learning", "Brokers between residents & the city", "HR department",
		"Describe the tasks of a participation contact point", "HR agreed to a part-time pilot role."} {
		if !strings.Contains(text, want) {
			t.Errorf("Impress's rendering lacks %q:\n%s", want, text)
		}
	}
	if pages, w, h := testkit.PDFPages(t, pdf); pages != 3 || math.Round(w) != 960 || h != 540 {
		t.Errorf("%d pages of %.1f × %.1f points; want 3 of 960 × 540 (16:9)", pages, w, h)
	}
	if n := testkit.PDFImages(t, pdf); n != 2 {
		t.Errorf("%d pictures in Impress's rendering, want 2", n)
	}
}
