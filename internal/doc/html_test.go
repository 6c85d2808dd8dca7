package doc

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// parseHTML renders d with write and parses the result as a browser would.
func parseHTML(t *testing.T, d Document, write func(*bytes.Buffer, Document) error) (*html.Node, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, d); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return root, buf.String()
}

// elements lists the element nodes, in document order, that keep says to.
func elements(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

func tagIs(tags ...string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		for _, t := range tags {
			if n.Data == t {
				return true
			}
		}
		return false
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// checkContents checks that the document's headings come out in order,
// that the contents links each to its heading, and that hostile text
// stayed text; Markdown's rendering must pass the same checks.
func checkContents(t *testing.T, root *html.Node, d Document, skipTitle bool) {
	t.Helper()
	heads := elements(root, tagIs("h1", "h2", "h3"))
	var got []*html.Node
	for _, h := range heads {
		if textOf(h) == "Contents" || skipTitle && h == heads[0] {
			continue
		}
		got = append(got, h)
	}
	want := headings(d)
	if len(got) != len(want) {
		t.Fatalf("%d headings, want %d", len(got), len(want))
	}
	ids := map[string]bool{}
	entries := outline(d)
	for i, h := range got {
		if textOf(h) != want[i] {
			t.Errorf("heading %d reads %q, want %q", i, textOf(h), want[i])
		}
		if tag := "h" + strconv.Itoa(entries[i].Level); h.Data != tag {
			t.Errorf("heading %q is %s, want %s", textOf(h), h.Data, tag)
		}
		ids[attr(h, "id")] = true
	}
	var links []*html.Node
	for _, a := range elements(root, tagIs("a")) {
		if strings.HasPrefix(attr(a, "href"), "#") {
			links = append(links, a)
		}
	}
	var listed []*html.Node // the headings the contents list: two levels
	for i, h := range got {
		if entries[i].inContents() {
			listed = append(listed, h)
		}
	}
	if len(links) != len(listed) {
		t.Fatalf("%d links in the contents, want %d", len(links), len(listed))
	}
	for i, a := range links {
		// Browsers percent-decode a fragment before looking for its id.
		id, err := url.PathUnescape(strings.TrimPrefix(attr(a, "href"), "#"))
		if err != nil || !ids[id] || attr(listed[i], "id") != id {
			t.Errorf("contents line %q links to #%s, its heading's id is %q", textOf(a), id, attr(listed[i], "id"))
		}
	}
	if s := elements(root, tagIs("script")); len(s) > 0 {
		t.Error("hostile text became a script element")
	}
	if !strings.Contains(textOf(root), scriptText) {
		t.Error("hostile text is not shown as text")
	}
	if strings.Contains(textOf(root), "\x01") {
		t.Error("the control character came through")
	}
}

func TestHTML(t *testing.T) {
	d := sampleDocument(3, 2)
	root, raw := parseHTML(t, d, func(b *bytes.Buffer, d Document) error { return WriteHTML(b, d) })
	checkContents(t, root, d, false)
	for _, want := range []string{`background:#0072B2;color:#FFFFFF`, `background:#F0E442`, `@media print`, `<meta charset="utf-8">`} {
		if !strings.Contains(raw, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(raw, "http") || strings.Contains(raw, "src=") {
		t.Error("the page refers to an outside resource")
	}
	tables := elements(root, tagIs("table"))
	if len(tables) != 5 {
		t.Fatalf("%d tables, want 5", len(tables))
	}
	matrix := tables[3]
	if n := len(elements(matrix, tagIs("th"))); n != 17 {
		t.Errorf("the matrix has %d header cells, want 17", n)
	}
	if !strings.Contains(attr(matrix, "class"), "wide") {
		t.Error("the matrix is not marked wide for landscape printing")
	}
	if n := len(elements(root, func(n *html.Node) bool { return n.Data == "span" && attr(n, "class") == "swatch" })); n != 3 {
		t.Errorf("%d legend swatches, want 3", n)
	}
}

func TestHTMLRejectsBadColours(t *testing.T) {
	d := Document{Blocks: []Block{Table{Header: []string{"x"}, Rows: [][]Cell{{{Text: "y", Fill: `red;background:url(http://x)`, Ink: `"><b>`}}}}}}
	_, raw := parseHTML(t, d, func(b *bytes.Buffer, d Document) error { return WriteHTML(b, d) })
	if strings.Contains(raw, "url(") || strings.Contains(raw, "<b>") {
		t.Error("a malformed colour reached the page")
	}
}
