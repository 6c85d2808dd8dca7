package export

import (
	"image"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// surveySlides adds the results of each survey linked to the meeting:
// a slide opening it (its title, how many answered, the questions that
// follow), who answered, partner by partner (as the presenter opens with),
// then a slide per answered question. Without the opening slide two
// surveys ran into each other. A survey nobody answered yet is one slide
// naming it; a question nobody answered gets no slide of its own — a
// slide of empty counts says nothing in the room — but is named on the
// opening slide.
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
		b.out = append(b.out, b.surveyOpening(res, unanswered)...)
		for i, imgs := range slides {
			if err := b.pictures(imgs, descriptions[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// surveyOpening is the slide before a survey's results: its title, how
// many answered, and its questions in the order the slides show them,
// with those nobody answered named apart.
func (b *deckBuilder) surveyOpening(res survey.Results, unanswered []string) []pptx.Slide {
	var items [][]pptx.Paragraph
	for _, q := range res.Questions {
		if q.Respondents > 0 {
			items = append(items, []pptx.Paragraph{{Text: q.Prompt, Size: 24, Bullet: true, SpaceBefore: 8}})
		}
	}
	if len(unanswered) > 0 {
		items = append(items, []pptx.Paragraph{{Text: "Not answered yet: " + strings.Join(unanswered, " · "), Size: 20, Color: deckMuted, SpaceBefore: 18}})
	}
	return b.fit.textSlides(res.Survey.Title, "Survey results · "+survey.RespondentsText(res.Survey.Respondents, res.Survey.CountsOnly), items)
}

// surveyQuestionCount says how many questions a survey asks.
func surveyQuestionCount(n int) string {
	if n == 1 {
		return "1 question; nobody has answered it yet."
	}
	return strconv.Itoa(n) + " questions; nobody has answered them yet."
}
