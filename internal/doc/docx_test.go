package doc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// docxParts writes d as DOCX and returns its parts by name, each checked
// to be well-formed XML.
func docxParts(t *testing.T, d Document) (map[string]string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(b)
	}
	return parts, buf.Bytes()
}

func TestDOCXStructure(t *testing.T) {
	d := sampleDocument(3, 2)
	parts, _ := docxParts(t, d)
	doc := parts["word/document.xml"]
	levels := map[int]int{}
	for _, b := range d.Blocks {
		if h, ok := b.(Heading); ok {
			levels[h.Level]++
		}
	}
	for level := 1; level <= 3; level++ {
		style := "Heading" + string(rune('0'+level))
		if got := strings.Count(doc, `<w:pStyle w:val="`+style+`"/>`); got != levels[level] || got == 0 {
			t.Errorf("%d paragraphs in %s, want %d", got, style, levels[level])
		}
	}
	for _, want := range []string{
		`<w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText>`,
		`<w:fldChar w:fldCharType="separate"/>`,
		`<w:hyperlink w:anchor="_Toc1" w:history="1">`, `<w:bookmarkStart w:id="1" w:name="_Toc1"/>`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`w:fill="0072B2"`, `<w:color w:val="FFFFFF"/>`, `w:fill="F0E442"`, `<w:tblHeader/>`,
		`<w:pgSz w:w="11906" w:h="16838"/>`, `w:orient="landscape"`, `<w:numId w:val="2"/>`, `<w:br w:type="page"/>`,
		`<w:pStyle w:val="Caption"/>`, "Gdańsk", "Iași",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "\x01") || strings.Contains(doc, "<script>") {
		t.Error("document.xml carries a control character or raw markup")
	}
	// The TOC field and, inside it, a PAGEREF a heading: as many ends as begins.
	heads := 0
	for _, e := range outline(d) {
		if e.inContents() {
			heads++
		}
	}
	if b, e := strings.Count(doc, `w:fldCharType="begin"`), strings.Count(doc, `w:fldCharType="end"`); b != 1+heads || e != 1+heads {
		t.Errorf("%d field begins and %d ends, want %d each", b, e, 1+heads)
	}
	// Each entry's cached page number is the heading's page as docxPages
	// expects LibreOffice and Word to set it (the export check compares).
	entries := outline(d)
	for i, page := range docxPages(d) {
		if !entries[i].inContents() {
			continue
		}
		want := `PAGEREF _Toc` + strconv.Itoa(i+1) + ` \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">` + strconv.Itoa(page) + `</w:t>`
		if !strings.Contains(doc, want) {
			t.Errorf("the contents' entry %d lacks its page %d", i+1, page)
		}
	}
	styles := parts["word/styles.xml"]
	for n, lvl := range []string{"0", "1", "2"} {
		re := regexp.MustCompile(`<w:style w:type="paragraph" w:styleId="Heading` + string(rune('1'+n)) + `"><w:name w:val="heading \d"/>.*?<w:outlineLvl w:val="` + lvl + `"/>`)
		if !re.MatchString(styles) {
			t.Errorf("styles.xml does not define Heading%d with outline level %s", n+1, lvl)
		}
	}
	if !strings.Contains(parts["word/settings.xml"], `<w:updateFields w:val="true"/>`) {
		t.Error("settings.xml does not ask to update fields")
	}
	if !strings.Contains(parts["word/footer1.xml"], `w:instr=" PAGE "`) {
		t.Error("the footer has no PAGE field")
	}
	if !strings.Contains(parts["[Content_Types].xml"], "/word/footer1.xml") {
		t.Error("the footer part is not declared")
	}
}

func TestDOCXEmptyDocumentIsWellFormed(t *testing.T) {
	parts, _ := docxParts(t, Document{Blocks: []Block{TableOfContents{}, Table{}, List{}}})
	if !strings.Contains(parts["word/document.xml"], "TOC") {
		t.Error("an empty contents still needs its field")
	}
}

// TestDOCXOpensInLibreOffice has LibreOffice lay the document out: the
// file is only right if a word processor reads every heading and name.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	d := sampleDocument(len(partners), 1)
	_, raw := docxParts(t, d)
	file := filepath.Join(t.TempDir(), "study.docx")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	text := oneLine(testkit.PDFText(t, testkit.Convert(t, file, "pdf")))
	for _, want := range append(headings(d), partners...) {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's PDF lacks %q", want)
		}
	}
	if !strings.Contains(text, scriptText) {
		t.Error("the script text did not come through as text")
	}
}

// oneLine collapses white space, so text wrapped differently still matches.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestDOCXNoBlankPageAtOrientationChange: the sample puts a page break
// before the matrix's heading, where the landscape section starts too.
func TestDOCXNoBlankPageAtOrientationChange(t *testing.T) {
	parts, _ := docxParts(t, sampleDocument(1, 1))
	doc := parts["word/document.xml"]
	matrix := strings.Index(doc, "Matrix of good practices and knowledge needs</w:t></w:r><w:bookmarkEnd") // the heading, not its contents line
	sectionEnd := strings.LastIndex(doc[:matrix], "<w:sectPr>")
	if sectionEnd < 0 {
		t.Fatal("no section break before the matrix")
	}
	if strings.Contains(doc[strings.LastIndex(doc[:sectionEnd], "</w:tbl>"):matrix], `<w:br w:type="page"/>`) {
		t.Error("a page break next to the section break leaves a blank page")
	}
}
