package doc

import (
	"bytes"
	"strings"
	"testing"
)

// The contents list chapters and sections, not sub-sections: the study's
// three sub-headings under each of nine partners took two pages.
func TestContentsListTwoLevels(t *testing.T) {
	d := Document{Blocks: []Block{
		TableOfContents{},
		Heading{Level: 1, Text: "Partner profiles"},
		Heading{Level: 2, Text: "Genk"},
		Heading{Level: 3, Text: "Next steps"},
		Text("Genk wants communication that reaches people."),
	}}
	var md, html bytes.Buffer
	if err := WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&html, d); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"Markdown": md.String(), "HTML": html.String()} {
		if !strings.Contains(out, "(#genk)") && !strings.Contains(out, `href="#genk"`) {
			t.Errorf("%s contents miss the section: %s", name, out)
		}
		if strings.Contains(out, "(#next-steps)") || strings.Contains(out, `href="#next-steps"`) {
			t.Errorf("%s contents list a sub-section: %s", name, out)
		}
	}
	body := newDocxBody(d, docxPages(d))
	for i, b := range d.Blocks {
		body.block(d.Blocks, i, b)
	}
	x := body.document()
	if !strings.Contains(x, `TOC \o "1-2"`) || strings.Contains(x, `w:anchor="_Toc3"`) {
		t.Errorf("the DOCX contents list a sub-section: %s", x)
	}
}
