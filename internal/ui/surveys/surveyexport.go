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
	var imgs []image.Image
	for _, qp := range questionPages(res) {
		if qp.question == index {
			imgs = append(imgs, widgets.RenderSlide(func() fyne.CanvasObject { return questionSlide(res, qp, widgets.SlideSize) }))
		}
	}
	return widgets.StackImages(imgs)
}

// exportDialog asks for a file name (its extension picks the format) and
// exports off the UI goroutine: a large survey's XLSX takes seconds.
func (r *surveyResults) exportDialog(question int) {
	if r.sv.ID == "" {
		return
	}
	e := export.SurveyExport{Survey: r.sv, PartnerID: r.partnerID(), Question: question}
	if e.PartnerID != "" {
		e.PartnerName = r.partner.Selected
	}
	title, name := "Export the survey (.csv, .xlsx or a .pdf report)", widgets.SafeFileName(r.sv.Title)+".xlsx"
	if question > 0 {
		title, name = "Save the chart of question "+fmt.Sprint(question)+" (.png, 1920×1080)", fmt.Sprintf("%s Q%d.png", widgets.SafeFileName(r.sv.Title), question)
	}
	r.sh.AskSavePath(title, name, func(path string) {
		r.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			return "The survey was written to " + path + ".", export.Survey(ctx, r.sh.Store(), e, path, export.Slides{Question: RenderQuestionPNG}, progress)
		})
	})
}
