package doc

// Texts are the texts a reader of the document reads, in order: title,
// subtitle, headings, paragraphs, list items, tables' captions, headers,
// cells and legends. Tests compare them with what a rendering shows.
func (d Document) Texts() []string {
	out := []string{d.Title, d.Subtitle}
	runs := func(rs []Run) {
		for _, r := range rs {
			out = append(out, r.Text)
		}
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Heading:
			out = append(out, b.Text)
		case Paragraph:
			runs(b.Runs)
		case List:
			for _, item := range b.Items {
				runs(item)
			}
		case Table:
			out = append(out, b.Caption)
			out = append(out, b.Header...)
			for _, row := range b.Rows {
				for _, c := range row {
					out = append(out, c.Text, c.Note)
				}
			}
			for _, li := range b.Legend {
				out = append(out, li.Label)
			}
		case TableOfContents:
			out = append(out, b.Heading())
		}
	}
	return out
}
