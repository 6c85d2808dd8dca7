package pptx

import (
	"fmt"
	"strings"
	"time"
)

// The fixed parts of the package: one master, one blank layout, one theme.

const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsA     = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsR     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsP     = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase  = "application/vnd.openxmlformats-officedocument.presentationml."
	// namespaces is what every presentation part declares.
	namespaces = `xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"`
)

// slideWidthEMU and slideHeightEMU are the slide size presentation.xml gives.
const (
	slideWidthEMU  = int64(SlideWidth * emuPerPoint)
	slideHeightEMU = int64(SlideHeight * emuPerPoint)
)

func contentTypes(slides int) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="png" ContentType="image/png"/>` +
		`<Override PartName="/ppt/presentation.xml" ContentType="` + ctBase + `presentation.main+xml"/>` +
		`<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="` + ctBase + `slideMaster+xml"/>` +
		`<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="` + ctBase + `slideLayout+xml"/>` +
		`<Override PartName="/ppt/presProps.xml" ContentType="` + ctBase + `presProps+xml"/>` +
		`<Override PartName="/ppt/tableStyles.xml" ContentType="` + ctBase + `tableStyles+xml"/>` +
		`<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := 1; i <= slides; i++ {
		fmt.Fprintf(&b, `<Override PartName="/ppt/slides/slide%d.xml" ContentType="`+ctBase+`slide+xml"/>`, i)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const packageRels = xmlDecl + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="ppt/presentation.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func coreProps(title, author string, created time.Time) string {
	at := created.UTC().Format("2006-01-02T15:04:05Z")
	return xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + escape(title) + `</dc:title><dc:creator>` + escape(author) + `</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + at + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + at + `</dcterms:modified></cp:coreProperties>`
}

func appProps(slides int) string {
	return xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>AoCE Desktop</Application><PresentationFormat>Widescreen</PresentationFormat>` +
		fmt.Sprintf(`<Slides>%d</Slides></Properties>`, slides)
}

// Relationship ids of presentation.xml: the master is rId1, slide i is
// rId(i+1), then the theme and the properties.
func presentationXML(slides int) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<p:presentation ` + namespaces + ` saveSubsetFonts="1">` +
		`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>`)
	for i := 1; i <= slides; i++ {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 255+i, i+1)
	}
	fmt.Fprintf(&b, `</p:sldIdLst><p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`, slideWidthEMU, slideHeightEMU)
	return b.String()
}

func presentationRels(slides int) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + relBase + `slideMaster" Target="slideMasters/slideMaster1.xml"/>`)
	for i := 1; i <= slides; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+relBase+`slide" Target="slides/slide%d.xml"/>`, i+1, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+relBase+`theme" Target="theme/theme1.xml"/>`, slides+2)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+relBase+`presProps" Target="presProps.xml"/>`, slides+3)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+relBase+`tableStyles" Target="tableStyles.xml"/>`, slides+4)
	b.WriteString(`</Relationships>`)
	return b.String()
}

const presProps = xmlDecl + `<p:presentationPr ` + namespaces + `/>`

const tableStyles = xmlDecl + `<a:tblStyleLst xmlns:a="` + nsA + `" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`

// emptyTree is the shape tree's own group properties, which every tree starts with.
const emptyTree = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

func level(tag string, size int) string {
	return fmt.Sprintf(`<p:%s><a:lvl1pPr><a:defRPr sz="%d"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:%s>`, tag, size, tag)
}

var slideMaster = xmlDecl + `<p:sldMaster ` + namespaces + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>` +
	`<p:spTree>` + emptyTree + `</p:spTree></p:cSld>` +
	`<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" ` +
	`accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>` +
	`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>` +
	`<p:txStyles>` + level("titleStyle", 4000) + level("bodyStyle", 2000) + level("otherStyle", 1800) + `</p:txStyles></p:sldMaster>`

const slideMasterRels = xmlDecl + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `slideLayout" Target="../slideLayouts/slideLayout1.xml"/>` +
	`<Relationship Id="rId2" Type="` + relBase + `theme" Target="../theme/theme1.xml"/>` +
	`</Relationships>`

const slideLayout = xmlDecl + `<p:sldLayout ` + namespaces + ` type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>` + emptyTree +
	`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`

const slideLayoutRels = xmlDecl + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `slideMaster" Target="../slideMasters/slideMaster1.xml"/></Relationships>`

// themeXML is a complete theme (PowerPoint refuses a deck whose theme lacks
// a colour, font or format scheme): the app's dark ink and blue accents,
// Arial throughout.
var themeXML = xmlDecl + `<a:theme xmlns:a="` + nsA + `" name="AoCE"><a:themeElements>` +
	`<a:clrScheme name="AoCE"><a:dk1><a:srgbClr val="1F2937"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="1F3A5F"/></a:dk2><a:lt2><a:srgbClr val="EEF2F7"/></a:lt2>` +
	`<a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="E69F00"/></a:accent2>` +
	`<a:accent3><a:srgbClr val="009E73"/></a:accent3><a:accent4><a:srgbClr val="CC79A7"/></a:accent4>` +
	`<a:accent5><a:srgbClr val="56B4E9"/></a:accent5><a:accent6><a:srgbClr val="D55E00"/></a:accent6>` +
	`<a:hlink><a:srgbClr val="0072B2"/></a:hlink><a:folHlink><a:srgbClr val="6B4C9A"/></a:folHlink></a:clrScheme>` +
	`<a:fontScheme name="AoCE"><a:majorFont><a:latin typeface="` + Font + `"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="` + Font + `"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
	`<a:fmtScheme name="AoCE"><a:fillStyleLst>` + strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3) + `</a:fillStyleLst>` +
	`<a:lnStyleLst>` + strings.Repeat(`<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`, 3) + `</a:lnStyleLst>` +
	`<a:effectStyleLst>` + strings.Repeat(`<a:effectStyle><a:effectLst/></a:effectStyle>`, 3) + `</a:effectStyleLst>` +
	`<a:bgFillStyleLst>` + strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3) + `</a:bgFillStyleLst>` +
	`</a:fmtScheme></a:themeElements></a:theme>`
