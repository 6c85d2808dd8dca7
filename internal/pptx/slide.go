package pptx

import (
	"fmt"
	"strings"
)

// slideXML writes one slide and its relationships; pictures get ids after
// the layout's (rId1) and are numbered after the images earlier slides
// hold. It returns the pictures' PNGs in that order.
func slideXML(s Slide, imagesBefore int) (slide, rels string, media [][]byte) {
	var b, r strings.Builder
	b.WriteString(xmlDecl + `<p:sld ` + namespaces + `><p:cSld>`)
	if s.Background != "" {
		b.WriteString(`<p:bg><p:bgPr>` + solidFill(s.Background) + `<a:effectLst/></p:bgPr></p:bg>`)
	}
	b.WriteString(`<p:spTree>` + emptyTree)
	r.WriteString(xmlDecl + `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + relBase + `slideLayout" Target="../slideLayouts/slideLayout1.xml"/>`)
	for i, sh := range s.Shapes {
		id := i + 2 // 1 is the tree itself
		switch sh := sh.(type) {
		case TextBox:
			writeTextBox(&b, id, sh)
		case Table:
			writeTable(&b, id, sh)
		case Picture:
			media = append(media, sh.PNG)
			rel := fmt.Sprintf("rId%d", len(media)+1)
			fmt.Fprintf(&r, `<Relationship Id="%s" Type="`+relBase+`image" Target="../media/image%d.png"/>`, rel, imagesBefore+len(media))
			fmt.Fprintf(&b, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="Picture %d" descr="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
				`<p:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
				`<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`, id, id, escape(sh.Description), rel, xfrm(sh.Box))
		}
	}
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	r.WriteString(`</Relationships>`)
	return b.String(), r.String(), media
}

// writeTextBox writes a text box that wraps at its width and has no
// insets, so that its text sits where the PDF of the same slide puts it.
func writeTextBox(b *strings.Builder, id int, t TextBox) {
	fill := `<a:noFill/>`
	if t.Fill != "" {
		fill = solidFill(t.Fill)
	}
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Text %d"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
		`<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>%s</p:spPr>`+
		`<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>`, id, id, xfrm(t.Box), fill)
	if len(t.Paragraphs) == 0 {
		b.WriteString(`<a:p><a:endParaRPr lang="en-GB"/></a:p>`)
	}
	for _, p := range t.Paragraphs {
		writeParagraph(b, p)
	}
	b.WriteString(`</p:txBody></p:sp>`)
}

// writeParagraph writes one paragraph: its line height exact, its
// indent, bullet, and its runs in Font, a "\n" a line break.
func writeParagraph(b *strings.Builder, p Paragraph) {
	b.WriteString(`<a:p><a:pPr`)
	if p.Center {
		b.WriteString(` algn="ctr"`)
	}
	indent := emu(p.TextIndent())
	if p.Bullet {
		fmt.Fprintf(b, ` marL="%d" indent="-%d">`, indent, indent)
	} else {
		fmt.Fprintf(b, ` marL="%d" indent="0">`, indent)
	}
	fmt.Fprintf(b, `<a:lnSpc><a:spcPts val="%d"/></a:lnSpc><a:spcBef><a:spcPts val="%d"/></a:spcBef>`, int(p.LineHeight()*100), int(p.SpaceBefore*100))
	if p.Bullet {
		fmt.Fprintf(b, `<a:buFont typeface="%s"/><a:buChar char="•"/></a:pPr>`, Font)
	} else {
		b.WriteString(`<a:buNone/></a:pPr>`)
	}
	rpr := fmt.Sprintf(`lang="en-GB" sz="%d" dirty="0"`, int(p.Size*100))
	if p.Bold {
		rpr += ` b="1"`
	}
	color := ""
	if p.Color != "" {
		color = solidFill(p.Color)
	}
	font := `<a:latin typeface="` + Font + `"/><a:cs typeface="` + Font + `"/>`
	// A line break inside a paragraph stays one (a:br), not a new paragraph.
	for i, line := range strings.Split(p.Text, "\n") {
		if i > 0 {
			fmt.Fprintf(b, `<a:br><a:rPr %s/></a:br>`, rpr)
		}
		if line != "" {
			fmt.Fprintf(b, `<a:r><a:rPr %s>%s%s</a:rPr><a:t>%s</a:t></a:r>`, rpr, color, font, escape(line))
		}
	}
	fmt.Fprintf(b, `<a:endParaRPr %s/></a:p>`, rpr)
}

// writeTable writes a table as a graphic frame: its columns' widths, each
// row at its height, every cell's insets, fill and lines given (no table
// style, so that PowerPoint and Impress draw it alike).
func writeTable(b *strings.Builder, id int, t Table) {
	fmt.Fprintf(b, `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="%d" name="Table %d"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>`+
		`<p:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></p:xfrm>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1"/><a:tblGrid>`,
		id, id, emu(t.X), emu(t.Y), emu(t.W), emu(t.H))
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<a:gridCol w="%d"/>`, emu(w))
	}
	b.WriteString(`</a:tblGrid>`)
	none := `<a:noFill/>`
	rule := none
	if t.Rule != "" {
		rule = solidFill(t.Rule)
	}
	for r, row := range t.Rows {
		fmt.Fprintf(b, `<a:tr h="%d">`, emu(t.Heights[r]))
		fill := none
		if r == 0 && t.HeaderFill != "" {
			fill = solidFill(t.HeaderFill)
		}
		for _, cell := range row {
			b.WriteString(`<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>`)
			writeParagraph(b, cell)
			fmt.Fprintf(b, `</a:txBody><a:tcPr marL="%d" marR="%d" marT="%d" marB="%d" anchor="t">`, emu(TableInsetX), emu(TableInsetX), emu(TableInsetY), emu(TableInsetY))
			fmt.Fprintf(b, `<a:lnL w="0">%s</a:lnL><a:lnR w="0">%s</a:lnR><a:lnT w="0">%s</a:lnT><a:lnB w="12700">%s</a:lnB>%s</a:tcPr></a:tc>`, none, none, none, rule, fill)
		}
		b.WriteString(`</a:tr>`)
	}
	b.WriteString(`</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`)
}

// emu is a length in points as OOXML gives it.
func emu(v float64) int64 { return int64(v * emuPerPoint) }

func xfrm(box Box) string {
	return fmt.Sprintf(`<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, emu(box.X), emu(box.Y), emu(box.W), emu(box.H))
}

func solidFill(rgb string) string { return `<a:solidFill><a:srgbClr val="` + rgb + `"/></a:solidFill>` }

// escape makes text safe inside XML, dropping the control characters XML
// 1.0 cannot hold (a pasted form feed would make the file unreadable).
func escape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"':
			b.WriteString("&quot;")
		case c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF:
			b.WriteRune(c)
		}
	}
	return b.String()
}
