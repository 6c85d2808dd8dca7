package export

import (
	"image"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// surveySlides adds the results of each survey linked to the meeting:
// who answered, partner by partner (as the presenter opens with), then a
// slide per answered question. A survey nobody answered yet is one slide
// naming it; a question nobody answered gets no slide of its own — a
// slide of empty counts says nothing in the room — but is named on a
// line of the survey's first slide.
func (b *deckBuilder) surveySlides() error {
	all, err := b.s.Surveys(b.ctx, b.network.ID)
	if err != nil {
		return err
	}
	for _, sv := range all {
		if sv.MeetingID != b.meeting.ID {
			continue
		}
		res, err := survey.LoadResults(b.ctx, b.s, sv, "")
		if err != nil {
			return err
		}
		b.sum.Surveys++
		var slides [][]image.Image
		var descriptions, unanswered []string
		if res.RespondentsByPartner != nil {
			slides = append(slides, b.slides.QuestionSlides(res, RespondentsSlide))
			descriptions = append(descriptions, sv.Title+" — respondents per partner")
		}
		for i, q := range res.Questions {
			if q.Respondents == 0 {
				unanswered = append(unanswered, q.Prompt)
				continue
			}
			slides = append(slides, b.slides.QuestionSlides(res, i))
			descriptions = append(descriptions, sv.Title+" — "+q.Prompt)
			b.sum.Questions++
		}
		if len(slides) == 0 || res.Survey.Respondents == 0 {
			var asked [][]pptx.Paragraph // what the survey will ask, so the slide says what to expect
			for _, q := range res.Questions {
				asked = append(asked, []pptx.Paragraph{{Text: q.Prompt, Size: 22, Bullet: true, SpaceBefore: 8}})
			}
			b.out = append(b.out, b.fit.textSlides(sv.Title+" — no answers yet", surveyQuestionCount(len(res.Questions)), asked)...)
			continue
		}
		first := len(b.out)
		for i, imgs := range slides {
			if err := b.pictures(imgs, descriptions[i]); err != nil {
				return err
			}
		}
		if len(unanswered) > 0 && len(b.out) > first {
			b.out[first] = b.withNote(b.out[first], "Not answered yet: "+strings.Join(unanswered, " · "))
		}
	}
	return nil
}

// surveyQuestionCount says how many questions a survey asks.
func surveyQuestionCount(n int) string {
	if n == 1 {
		return "1 question; nobody has answered it yet."
	}
	return strconv.Itoa(n) + " questions; nobody has answered them yet."
}

// noteSize is the type size of a line under a drawn slide.
const noteSize = 16

// withNote shrinks a drawn slide's picture (keeping its 16:9) to leave a
// strip at the foot of the slide for note, in editable text.
func (b *deckBuilder) withNote(sl pptx.Slide, note string) pptx.Slide {
	width := pptx.SlideWidth - 2*deckMargin
	para := pptx.Paragraph{Text: note, Size: noteSize, Color: deckMuted, Center: true}
	strip := b.fit.height([]pptx.Paragraph{para}, width) + 12
	h := pptx.SlideHeight - strip
	w := h * pptx.SlideWidth / pptx.SlideHeight
	out := pptx.Slide{Background: sl.Background}
	for _, sh := range sl.Shapes {
		if pic, ok := sh.(pptx.Picture); ok {
			pic.Box = pptx.Box{X: (pptx.SlideWidth - w) / 2, W: w, H: h}
			sh = pic
		}
		out.Shapes = append(out.Shapes, sh)
	}
	out.Shapes = append(out.Shapes, pptx.TextBox{Box: pptx.Box{X: deckMargin, Y: h + 4, W: width, H: strip - 4}, Paragraphs: []pptx.Paragraph{para}})
	return out
}
