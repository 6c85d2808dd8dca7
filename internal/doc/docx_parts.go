package doc

import (
	"strconv"
	"strings"
)

// The fixed parts of the Word package. Style names are Word's built-in
// ones ("heading 1", "toc 1", "caption"), so Word treats the headings as
// its own: the navigation pane, outline view and TOC field find them.

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

const contentTypesXML = xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRelsXML = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

// footerRel is the relationship id every section's footer reference uses.
const footerRel = "rIdFooter"

const documentRelsXML = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
	`<Relationship Id="` + footerRel + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

// settingsXML asks Word to update the fields on opening, so the table of
// contents gets its page numbers (Word asks the user first).
const settingsXML = xmlDecl + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:updateFields w:val="true"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// footerXML numbers the pages with simple PAGE and NUMPAGES fields.
func footerXML(title string) string {
	lead := ""
	if title = clean(title); title != "" {
		lead = title + " — "
	}
	return xmlDecl + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
		docxRun(lead+"Page ", "") +
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>` +
		docxRun(" of ", "") +
		`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>` +
		`</w:p></w:ftr>`
}

func coreXML(title string) string {
	return xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + xmlEsc(title) + `</dc:title><dc:creator>AoCE Desktop</dc:creator></cp:coreProperties>`
}

// Numbering: abstract list 0 is the bullet, 1 the decimal count. All
// bulleted lists share numId 1; each numbered list gets its own numId
// (2, 3, …) restarting at 1, or Word would continue the previous count.
func numberingXML(orderedLists int) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<w:numbering xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for i := range orderedLists {
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(i+2) + `"><w:abstractNumId w:val="1"/>` +
			`<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

// paraStyle defines a paragraph style; pPr and rPr are its properties'
// inner XML in schema order.
func paraStyle(id, name, basedOn, pPr, rPr string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/>`
	}
	s += `<w:next w:val="Normal"/><w:qFormat/><w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
	return s
}

// headingStyle is Heading n: its outline level (n-1) is what Word's
// navigation pane and the TOC \o switch read.
func headingStyle(level int, size string) string {
	n := strconv.Itoa(level)
	return paraStyle("Heading"+n, "heading "+n, "Normal",
		`<w:keepNext/><w:keepLines/><w:spacing w:before="`+[]string{"", "360", "280", "200"}[level]+`" w:after="120"/><w:outlineLvl w:val="`+strconv.Itoa(level-1)+`"/>`,
		`<w:b/><w:bCs/><w:color w:val="0B4F8A"/><w:sz w:val="`+size+`"/><w:szCs w:val="`+size+`"/>`)
}

// stylesXML are the styles, every one in font: the font the table
// layout measured the columns with.
func stylesXML(font Font) string {
	f := string(font)
	return xmlDecl + `<w:styles xmlns:w="` + nsW + `">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:eastAsia="` + f + `" w:cs="` + f + `"/>` +
		`<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
		paraStyle("Title", "Title", "Normal", `<w:spacing w:after="120"/>`, `<w:b/><w:color w:val="0B4F8A"/><w:sz w:val="52"/><w:szCs w:val="52"/>`) +
		paraStyle("Subtitle", "Subtitle", "Normal", `<w:spacing w:after="480"/>`, `<w:color w:val="555555"/><w:sz w:val="28"/><w:szCs w:val="28"/>`) +
		headingStyle(1, "32") + headingStyle(2, "26") + headingStyle(3, "23") +
		// The contents' own title must not list itself: outline level 9 is "body text".
		paraStyle("TOCHeading", "TOC Heading", "Heading1", `<w:outlineLvl w:val="9"/>`, ``) +
		paraStyle("TOC1", "toc 1", "Normal", `<w:spacing w:after="60"/>`, `<w:b/>`) +
		paraStyle("TOC2", "toc 2", "Normal", `<w:spacing w:after="40"/><w:ind w:left="220"/>`, ``) +
		paraStyle("TOC3", "toc 3", "Normal", `<w:spacing w:after="40"/><w:ind w:left="440"/>`, ``) +
		paraStyle("Caption", "caption", "Normal", `<w:keepNext/><w:spacing w:before="120" w:after="60"/>`, `<w:b/><w:sz w:val="19"/><w:szCs w:val="19"/>`) +
		paraStyle("ListParagraph", "List Paragraph", "Normal", `<w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/>`, ``) +
		paraStyle("TableText", "Table Text", "Normal", `<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`, `<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
		paraStyle("WideTableText", "Wide Table Text", "TableText", ``, `<w:sz w:val="14"/><w:szCs w:val="14"/>`) +
		paraStyle("Legend", "Legend", "Normal", `<w:spacing w:before="60" w:after="240"/>`, `<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
		paraStyle("Footer", "footer", "Normal", `<w:spacing w:after="0"/><w:jc w:val="right"/>`, `<w:color w:val="555555"/><w:sz w:val="16"/><w:szCs w:val="16"/>`) +
		`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:styleId="StudyTable"><w:name w:val="Study Table"/><w:tblPr>` +
		`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>` +
		`<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr></w:style>` +
		`</w:styles>`
}
