package surveys

import (
	"context"
	"fmt"
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderQuestionPNG draws one question's results as 1920×1080 slides: one
// image, the slides one under the other when the results need more than one.
func RenderQuestionPNG(res survey.Results, index int) image.Image {
	return widgets.StackImages(RenderQuestionSlides(res, index))
}

// RenderQuestionSlides draws question index's results as the presenter
// shows them: as many 1920×1080 slides as its options need to read whole.
func RenderQuestionSlides(res survey.Results, index int) []image.Image {
	return widgets.RenderSlides(questionPages(res), func(qp questionPage) bool { return qp.question == index },
		func(qp questionPage) fyne.CanvasObject { return questionSlide(res, qp, widgets.SlideSize) })
}

// exportDialog asks for a file name and a format, and
// exports off the UI goroutine: a large survey's XLSX takes seconds.
func (r *surveyResults) exportDialog(question int) {
	if r.sv.ID == "" {
		return
	}
	e := export.SurveyExport{Survey: r.sv, PartnerID: r.partnerID(), Question: question}
	if e.PartnerID != "" {
		e.PartnerName = r.partner.Selected
	}
	title, name, formats := "Export the survey (its answers, or a report as PDF)", widgets.SafeFileName(r.sv.Title)+".xlsx", export.SurveyFormats()
	if question > 0 {
		title, name, formats = "Save the chart of question "+fmt.Sprint(question), fmt.Sprintf("%s Q%d.png", widgets.SafeFileName(r.sv.Title), question), []string{".png"}
	}
	r.sh.AskExportPath(title, name, formats, func(path string) {
		r.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			return "The survey was written to " + path + ".", export.Survey(ctx, r.sh.Store(), e, path, export.Slides{Question: RenderQuestionPNG}, progress)
		})
	})
}
