package export

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// stand-in renderers that say what they were asked to draw
func namedSlides(drawn *[]string) Slides {
	pic := func(what string) image.Image {
		*drawn = append(*drawn, what)
		return image.NewRGBA(image.Rect(0, 0, 16, 9))
	}
	return Slides{
		MatrixTheme: func(m *matrix.Matrix, _ string, i int) []image.Image {
			return []image.Image{pic("theme " + m.Themes[i].Number)}
		},
		QuestionSlides: func(res survey.Results, i int) []image.Image {
			if i == RespondentsSlide {
				return []image.Image{pic("respondents")}
			}
			return []image.Image{pic("question")}
		},
		Grid: func(sh grids.Sheet, i int) []image.Image {
			return []image.Image{pic("grid " + sh.Partners[i].Partner.Name)}
		},
		RoadmapAhead: func(r roadmap.Roadmap, from, _ string) []image.Image {
			return []image.Image{pic("roadmap from " + from)}
		},
	}
}

// The deck of Core Network Meeting 2 in the order the brief gives: the
// title, the matrix theme by theme, each partner's grid, a slide naming
// the partners without one, the review of the four actions set at Core
// Network Meeting 1, the roadmap from the meeting's month. Without the
// renderers it is refused and no file is written.
func TestDeckSlidesInOrder(t *testing.T) {
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	m, err := s.MeetingByIDOrTitle(ctx, network.ID, "Core Network Meeting 2")
	if err != nil {
		t.Fatal(err)
	}
	var drawn []string
	path := filepath.Join(t.TempDir(), "cnm2.pptx")
	sum, err := Deck(ctx, s, network, m, path, namedSlides(&drawn), nil)
	if err != nil {
		t.Fatal(err)
	}
	// the grids are tables in a .pptx, not drawn: a slide each here
	want := "theme 1, theme 2, theme 3, theme 4, roadmap from " + m.StartDate
	if got := strings.Join(drawn, ", "); got != want || sum.Slides != 1+len(drawn)+sum.Tables+2 || sum.Tables != 2 || sum.Reviewed != 4 || sum.Grids != 2 {
		t.Fatalf("drew %s (%+v); want %s", got, sum, want)
	}
	_, p, _ := builtDeck(t, s, network, m)
	title := p.Slides[0].Shapes[1].(pptx.TextBox).Paragraphs
	if title[0].Text != network.Name || title[1].Text != "Core Network Meeting 2" || !strings.HasSuffix(title[2].Text, "· "+m.Place) {
		t.Fatalf("title slide %+v", title)
	}
	if _, err := Deck(ctx, s, network, m, filepath.Join(t.TempDir(), "x.pdf"), Slides{}, nil); !errors.Is(err, ErrNoSlides) {
		t.Fatalf("without renderers: %v", err)
	}
}

// A survey's respondents per partner lead its questions in the deck, as
// in the presenter.
func TestDeckHasRespondentsPerPartner(t *testing.T) {
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	m, err := s.MeetingByIDOrTitle(ctx, network.ID, "Core Network Meeting 3")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := survey.Import(ctx, s, network.ID, "../../assets/examples/online-academy-2.csv", survey.Options{MeetingID: m.ID}); err != nil {
		t.Fatal(err)
	}
	var drawn []string
	if _, err := Deck(ctx, s, network, m, filepath.Join(t.TempDir(), "cnm3.pptx"), namedSlides(&drawn), nil); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(drawn, ", ")
	if !strings.Contains(got, "respondents, question") {
		t.Fatalf("the deck drew %s: no respondents slide before the questions", got)
	}
}

// slideTexts is every paragraph of the deck's text slides that have a
// paragraph starting with title (its heading), in order.
func slideTexts(p pptx.Presentation, title string) string {
	var out []string
	for _, sl := range p.Slides {
		var texts []string
		for _, sh := range sl.Shapes {
			if tb, ok := sh.(pptx.TextBox); ok {
				for _, para := range tb.Paragraphs {
					texts = append(texts, para.Text)
				}
			}
		}
		if slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, title) }) {
			out = append(out, texts...)
		}
	}
	return strings.Join(out, "\n")
}

// Every Core Network Meeting the demo has held gives a deck whose grid
// part is the grids made at that meeting — at least one — with the
// partners who made none named on a slide, and the review of the
// actions set at the meeting before (none before the first).
func TestDeckOfEachHeldMeetingHasItsGridsAndReview(t *testing.T) {
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	ps, err := s.Partners(ctx, network.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Core Network Meeting 1", "Core Network Meeting 2", "Core Network Meeting 3"} {
		m, err := s.MeetingByIDOrTitle(ctx, network.ID, title)
		if err != nil {
			t.Fatal(err)
		}
		b, p, drawn := builtDeck(t, s, network, m)
		overview := slideTexts(p, "Learning grids")
		_, without, _ := strings.Cut(overview, "No learning grid yet from ")
		if b.sum.Grids == 0 {
			t.Errorf("%s: the deck has no learning grid", title)
		}
		for _, pt := range ps {
			drewGrid := slices.Contains(drawn, "grid "+pt.Name)
			if named := strings.Contains(without, pt.Name); drewGrid == named {
				t.Errorf("%s: %s has a grid slide %v, is named among those without one %v", title, pt.Name, drewGrid, named)
			}
			if listed := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(pt.Name) + ` · \d+ key learnings?, \d+ actions? until the next meeting$`).MatchString(overview); drewGrid != listed {
				t.Errorf("%s: %s has a grid slide %v, is listed with what its grid holds %v:\n%s", title, pt.Name, drewGrid, listed, overview)
			}
		}
		if hasReview := slideTexts(p, "Review of earlier actions at "+title) != ""; !hasReview || (i > 0) != (b.sum.Reviewed > 0) {
			t.Errorf("%s: review slide %v with %d actions", title, hasReview, b.sum.Reviewed)
		}
	}
}

// builtDeck builds the deck of meeting m as Deck does, with the names of
// the slides drawn, in order.
func builtDeck(t *testing.T, s *data.Store, network data.Network, m data.Meeting) (*deckBuilder, pptx.Presentation, []string) {
	t.Helper()
	var drawn []string
	b := &deckBuilder{ctx: context.Background(), s: s, network: network, meeting: m, slides: namedSlides(&drawn), fit: newTextFitter(pdfdoc.NotoSans())}
	p, err := b.build()
	if err != nil {
		t.Fatal(err)
	}
	return b, p, drawn
}

// deckText is every paragraph of every text box in the deck, in order.
func deckText(p pptx.Presentation) string {
	var out []string
	for _, sl := range p.Slides {
		for _, sh := range sl.Shapes {
			if tb, ok := sh.(pptx.TextBox); ok {
				for _, para := range tb.Paragraphs {
					out = append(out, para.Text)
				}
			}
		}
	}
	return strings.Join(out, "\n")
}

// A survey linked to the meeting that nobody answered yet (a question
// template) is one slide naming it, not its questions drawn empty; in an
// answered survey, a question nobody answered gets no slide of its own
// but is named on the survey's first slide.
func TestDeckLeavesUnansweredQuestionsOut(t *testing.T) {
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	m, err := s.MeetingByIDOrTitle(ctx, network.ID, "Core Network Meeting 3")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := survey.ImportTemplateFor(ctx, s, network.ID, "../../assets/examples/survey-template.csv", "Questions for the next Academy", m.ID); err != nil {
		t.Fatal(err)
	}
	answered, _, err := survey.Import(ctx, s, network.ID, "../../assets/examples/online-academy-2.csv", survey.Options{MeetingID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	before, err := survey.LoadResults(ctx, s, answered, "")
	if err != nil {
		t.Fatal(err)
	}
	const unanswered = "Which city should host the next study visit?"
	if err := s.Update(ctx, func(tx *data.Tx) error {
		_, err := tx.CreateQuestion(data.Question{SurveyID: answered.ID, Position: len(before.Questions) + 1, Kind: data.KindOpenEnded, Prompt: unanswered})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	b, p, drawn := builtDeck(t, s, network, m)
	questions := 0
	for _, d := range drawn {
		if d == "question" {
			questions++
		}
	}
	text := deckText(p)
	if questions != len(before.Questions) || b.sum.Questions != len(before.Questions) {
		t.Errorf("drew %d question slides (summary %d); want the %d answered questions of %s only", questions, b.sum.Questions, len(before.Questions), answered.Title)
	}
	if !strings.Contains(text, "Questions for the next Academy — no answers yet") || !strings.Contains(text, "Rank the sub-themes for your Integrated Action Plan") {
		t.Errorf("no slide names the survey nobody answered:\n%s", text)
	}
	if !strings.Contains(text, "Not answered yet: "+unanswered) {
		t.Errorf("the unanswered question is not named on the survey's first slide:\n%s", text)
	}
}

// Two surveys linked to a meeting each open with a slide of their own —
// the title, how many answered, the questions to come — so that the
// second's results do not run on from the first's.
func TestDeckOpensEachSurveyWithASlide(t *testing.T) {
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	m, err := s.MeetingByIDOrTitle(ctx, network.ID, "Core Network Meeting 3")
	if err != nil {
		t.Fatal(err)
	}
	academy, _, err := survey.Import(ctx, s, network.ID, "../../assets/examples/online-academy-2.csv", survey.Options{MeetingID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "feedback.csv")
	os.WriteFile(csv, []byte(feedbackCSV), 0o644)
	feedback, _, err := survey.Import(ctx, s, network.ID, csv, survey.Options{Title: "Masterclass feedback", MeetingID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	_, p, drawn := builtDeck(t, s, network, m)
	// The deck as a sequence: "open TITLE" for a text slide headed by a
	// survey's title, the drawn slide's name for a picture.
	var seq []string
	next := 0
	for _, sl := range p.Slides {
		for _, sh := range sl.Shapes {
			switch x := sh.(type) {
			case pptx.Picture:
				seq = append(seq, drawn[next])
				next++
			case pptx.TextBox:
				if len(x.Paragraphs) > 0 && (x.Paragraphs[0].Text == academy.Title || x.Paragraphs[0].Text == feedback.Title) {
					seq = append(seq, "open "+x.Paragraphs[0].Text)
				}
			}
		}
	}
	got := strings.Join(seq, ", ")
	for _, sv := range []data.Survey{academy, feedback} {
		if !strings.Contains(got, "open "+sv.Title+", respondents, question") {
			t.Errorf("%s does not open with its slide before its respondents and questions: %s", sv.Title, got)
		}
	}
	opening := slideTexts(p, academy.Title)
	for _, want := range []string{"Survey results · 27 respondents", "Which theme should the next Online Academy cover?", "What should partners learn from your city?"} {
		if !strings.Contains(opening, want) {
			t.Errorf("the opening slide of %s has no %q:\n%s", academy.Title, want, opening)
		}
	}
}
