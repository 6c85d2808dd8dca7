package surveys

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// SurveyExport says what to export: the whole survey (CSV, XLSX), its
// report (PDF; of everybody or of one partner) or one question's chart (PNG).
type SurveyExport struct {
	Survey      data.Survey
	PartnerID   string // PDF and PNG only: "" for everybody
	PartnerName string
	Question    int // PNG: the question's number, from 1
}

// ExportSurvey writes a survey to path in the format its extension names;
// the command line and the window both use it. The file appears whole or
// not at all; CSV and XLSX stream, whatever the survey's size.
func ExportSurvey(ctx context.Context, s *data.Store, e SurveyExport, path string) error {
	return widgets.ExportTo(path, "a survey", []widgets.FileFormat{
		{Ext: ".csv", Write: func(w io.Writer) error { return survey.WriteCSV(ctx, s, e.Survey, w) }},
		{Ext: ".xlsx", Write: func(w io.Writer) error { return survey.WriteXLSX(ctx, s, e.Survey, w) }},
		{Ext: ".pdf", Write: func(w io.Writer) error {
			return survey.WritePDF(ctx, s, e.Survey, e.PartnerID, e.PartnerName, w, widgets.PDFFonts())
		}},
		{Ext: ".png", Write: func(w io.Writer) error {
			res, err := survey.LoadResults(ctx, s, e.Survey, e.PartnerID)
			if err != nil {
				return err
			}
			if e.Question < 1 || e.Question > len(res.Questions) {
				return fmt.Errorf("%s has questions 1 to %d; there is no question %d", e.Survey.Title, len(res.Questions), e.Question)
			}
			return png.Encode(w, RenderQuestionPNG(res, e.Question-1))
		}},
	})
}

// RenderQuestionPNG draws one question's results as a 1920×1080 slide.
func RenderQuestionPNG(res survey.Results, index int) image.Image {
	return widgets.RenderSlide(func() fyne.CanvasObject { return questionSlide(res, index, widgets.SlideSize) })
}

// exportDialog asks for a file name (its extension picks the format) and
// exports off the UI goroutine: a large survey's XLSX takes seconds.
func (r *surveyResults) exportDialog(question int) {
	if r.sv.ID == "" {
		return
	}
	e := SurveyExport{Survey: r.sv, PartnerID: r.partnerID(), Question: question}
	if e.PartnerID != "" {
		e.PartnerName = r.partner.Selected
	}
	title, name := "Export the survey (.csv, .xlsx or a .pdf report)", widgets.SafeFileName(r.sv.Title)+".xlsx"
	if question > 0 {
		title, name = "Save the chart of question "+fmt.Sprint(question)+" (.png, 1920×1080)", fmt.Sprintf("%s Q%d.png", widgets.SafeFileName(r.sv.Title), question)
	}
	r.sh.AskSavePath(title, name, func(path string) {
		if strings.EqualFold(filepath.Ext(path), ".png") && e.Question == 0 {
			e.Question = 1
		}
		r.sh.ExportInBackground(path, func(ctx context.Context, _ func(string, float64)) (string, error) {
			return "The survey was written to " + path + ".", ExportSurvey(ctx, r.sh.Store(), e, path)
		})
	})
}
