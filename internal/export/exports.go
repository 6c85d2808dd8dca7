package export

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/actiontables"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// Slides draws the 1920×1080 PNG slides. The window's toolkit renders
// them, so the UI provides them (ui.Slides) and the command line hands
// them in; without one, that PNG export (or the deck) is refused and every
// other format still works.
type Slides struct {
	Matrix   func(m *matrix.Matrix, title string) image.Image
	Question func(res survey.Results, index int) image.Image // one picture, the slides of a long question stacked
	// The deck's slides: each as many 1920×1080 slides as it needs to read whole.
	MatrixTheme    func(m *matrix.Matrix, title string, theme int) []image.Image // theme: an index into m.Themes
	QuestionSlides func(res survey.Results, index int) []image.Image             // index: a question, or RespondentsSlide
	Grid           func(sheet grids.Sheet, index int) []image.Image              // index: into sheet.Partners
	// RoadmapAhead draws the half year from a day's month (YYYY-MM-DD), as many slides as it needs; none
	// when the roadmap ends before.
	RoadmapAhead func(r roadmap.Roadmap, from, subtitle string) []image.Image
}

// ErrNoSlides refuses a PNG export when no slide renderer was handed in.
var ErrNoSlides = errors.New("PNG slides are drawn by the window's toolkit, which this build did not hand in")

// paged are the page formats of whatever lays out as a document.
func paged[T any](document func(T) doc.Document) formats[T] {
	return formats[T]{
		{".docx", func(w io.Writer, v T) error { return doc.WriteDOCX(w, document(v)) }},
		{".pdf", func(w io.Writer, v T) error { return doc.WritePDF(w, document(v), pdfdoc.NotoSans()) }},
	}
}

// A matrix export: the matrix, the network's name as its title, the slides.
type matrixJob struct {
	m      *matrix.Matrix
	title  string
	slides Slides
}

var matrixFormats = formats[matrixJob]{
	{".csv", func(w io.Writer, j matrixJob) error { return j.m.WriteCSV(w) }},
	{".xlsx", func(w io.Writer, j matrixJob) error { return j.m.WriteXLSX(w, j.title) }},
	{".docx", func(w io.Writer, j matrixJob) error { return j.m.WriteDOCX(w, j.title) }},
	{".pdf", func(w io.Writer, j matrixJob) error { return j.m.WritePDF(w, j.title, pdfdoc.NotoSans()) }},
	{".png", func(w io.Writer, j matrixJob) error {
		if j.slides.Matrix == nil {
			return ErrNoSlides
		}
		return png.Encode(w, j.slides.Matrix(j.m, j.title))
	}},
}

// MatrixFormats are the extensions Matrix writes.
func MatrixFormats() []string { return matrixFormats.exts() }

// Matrix writes the matrix, titled with the network's name, to path in the
// format its extension names (MatrixFormats; .png as a 1920×1080 slide).
func Matrix(ctx context.Context, m *matrix.Matrix, title, path string, slides Slides, progress Progress) error {
	write, err := matrixFormats.choose(path, "the matrix")
	if err != nil {
		return err
	}
	progress.writing(path)
	return write(ctx, matrixJob{m, title, slides})
}

// SurveyExport says what to export: the whole survey (CSV, XLSX), its
// report (DOCX, PDF; of everybody or of one partner) or one question's
// chart (PNG).
type SurveyExport struct {
	Survey      data.Survey
	PartnerID   string // DOCX, PDF and PNG only: "" for everybody
	PartnerName string
	Question    int // PNG: the question's number, from 1; 0 is the first
}

// A survey export reads the store as it writes: CSV and XLSX stream,
// whatever the survey's size.
type surveyJob struct {
	ctx    context.Context
	s      *data.Store
	e      SurveyExport
	slides Slides
}

var surveyFormats = formats[surveyJob]{
	{".csv", func(w io.Writer, j surveyJob) error { return survey.WriteCSV(j.ctx, j.s, j.e.Survey, w) }},
	{".xlsx", func(w io.Writer, j surveyJob) error { return survey.WriteXLSX(j.ctx, j.s, j.e.Survey, w) }},
	{".docx", func(w io.Writer, j surveyJob) error {
		return survey.WriteDOCX(j.ctx, j.s, j.e.Survey, j.e.PartnerID, j.e.PartnerName, w)
	}},
	{".pdf", func(w io.Writer, j surveyJob) error {
		return survey.WritePDF(j.ctx, j.s, j.e.Survey, j.e.PartnerID, j.e.PartnerName, w, pdfdoc.NotoSans())
	}},
	{".png", func(w io.Writer, j surveyJob) error {
		if j.slides.Question == nil {
			return ErrNoSlides
		}
		res, err := survey.LoadResults(j.ctx, j.s, j.e.Survey, j.e.PartnerID)
		if err != nil {
			return err
		}
		q := max(j.e.Question, 1)
		if q > len(res.Questions) {
			return fmt.Errorf("%s has questions 1 to %d; there is no question %d", j.e.Survey.Title, len(res.Questions), q)
		}
		return png.Encode(w, j.slides.Question(res, q-1))
	}},
}

// SurveyFormats are the extensions a whole survey exports to (Survey
// writes .png too: one question's chart).
func SurveyFormats() []string {
	return slices.DeleteFunc(surveyFormats.exts(), func(ext string) bool { return ext == ".png" })
}

// Survey writes a survey to path in the format its extension names: .csv,
// .xlsx, .docx, .pdf or .png (one question's chart as a 1920×1080 slide).
func Survey(ctx context.Context, s *data.Store, e SurveyExport, path string, slides Slides, progress Progress) error {
	write, err := surveyFormats.choose(path, "a survey")
	if err != nil {
		return err
	}
	progress.writing(path)
	return write(ctx, surveyJob{ctx, s, e, slides})
}

var gridFormats = formats[grids.Sheet]{
	{".xlsx", func(w io.Writer, sh grids.Sheet) error { return sh.WriteXLSX(w) }},
	{".docx", func(w io.Writer, sh grids.Sheet) error { return sh.WriteDOCX(w) }},
	{".pdf", func(w io.Writer, sh grids.Sheet) error { return sh.WritePDF(w, pdfdoc.NotoSans()) }},
}

// GridFormats are the extensions Grids writes.
func GridFormats() []string { return gridFormats.exts() }

// Grids writes a meeting's learning grids, every partner's saved rows, and
// the review of earlier actions held at it, to path as .xlsx, .docx or
// .pdf; it returns what it wrote.
func Grids(ctx context.Context, s *data.Store, network data.Network, meeting data.Meeting, path string, progress Progress) (grids.Sheet, error) {
	return writeSheet(ctx, s, network, meeting, path, gridFormats, "grids", progress)
}

// writeSheet loads a meeting's grids and reviews and writes them to path
// in one of fs.
func writeSheet(ctx context.Context, s *data.Store, network data.Network, meeting data.Meeting, path string, fs formats[grids.Sheet], what string, progress Progress) (grids.Sheet, error) {
	write, err := fs.choose(path, what)
	if err != nil {
		return grids.Sheet{}, err
	}
	progress.report("Reading the grids and reviews of "+meeting.Title+"…", 0.1)
	sheet, err := grids.Load(ctx, s, network, meeting)
	if err != nil {
		return sheet, err
	}
	progress.writing(path)
	return sheet, write(ctx, sheet)
}

var followUpFormats = documents(grids.Sheet.FollowUpDocument)

// FollowUpFormats are the extensions FollowUp writes.
func FollowUpFormats() []string { return followUpFormats.exts() }

// FollowUp writes a meeting's follow-up — the earlier actions reviewed at
// it, the actions agreed at it and their review since — to path as .docx,
// .pdf, .html or .md; it returns what it wrote.
func FollowUp(ctx context.Context, s *data.Store, network data.Network, meeting data.Meeting, path string, progress Progress) (grids.Sheet, error) {
	return writeSheet(ctx, s, network, meeting, path, followUpFormats, "the follow-up", progress)
}

var actionFormats = slices.Concat(formats[actiontables.Tables]{
	{".xlsx", func(w io.Writer, t actiontables.Tables) error { return t.WriteXLSX(w) }},
}, paged(actiontables.Tables.Document))

// ActionTableFormats are the extensions ActionTables writes.
func ActionTableFormats() []string { return actionFormats.exts() }

// ActionTables writes the action tables of one partner, or of every
// partner when partnerID is "", to path as .xlsx, .docx or .pdf; it
// returns what it wrote.
func ActionTables(ctx context.Context, s *data.Store, network data.Network, partnerID, path string, progress Progress) (actiontables.Tables, error) {
	write, err := actionFormats.choose(path, "action tables")
	if err != nil {
		return actiontables.Tables{}, err
	}
	progress.report("Reading the action tables…", 0.1)
	t, err := actiontables.Load(ctx, s, network, partnerID)
	if err != nil {
		return t, err
	}
	progress.writing(path)
	return t, write(ctx, t)
}

// documents are every format of whatever lays out as a document: the
// paged ones, HTML and Markdown.
func documents[T any](document func(T) doc.Document) formats[T] {
	return slices.Concat(paged(document), formats[T]{
		{".html", func(w io.Writer, v T) error { return doc.WriteHTML(w, document(v)) }},
		{".md", func(w io.Writer, v T) error { return doc.WriteMarkdown(w, document(v)) }},
	})
}

var studyFormats = documents(func(d doc.Document) doc.Document { return d })

// StudyFormats are the extensions Study writes.
func StudyFormats() []string { return studyFormats.exts() }

// Study assembles a Baseline Study from the store and writes it to path as
// .docx, .pdf, .html or .md; it returns what it assembled the study from.
func Study(ctx context.Context, s *data.Store, studyID, path string, progress Progress) (study.Inputs, error) {
	write, err := studyFormats.choose(path, "the study")
	if err != nil {
		return study.Inputs{}, err
	}
	progress.report("Reading the study and the network's data…", 0.1)
	in, err := study.Load(ctx, s, studyID)
	if err != nil {
		return in, err
	}
	progress.report("Laying out the document…", 0.3)
	d := study.Assemble(in)
	progress.writing(path)
	return in, write(ctx, d)
}
