package export

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"path/filepath"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/dates"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// RespondentsSlide is the index QuestionSlides is given for a survey's
// respondents per partner (the survey presenter's first slide).
const RespondentsSlide = -1

// DeckSummary counts what a meeting deck holds.
type DeckSummary struct {
	Slides, Themes, Surveys, Questions, Grids, Reviewed int
	Pictures                                            int // slides that are one drawn picture (a long view takes several)
	Tables                                              int // slides holding a grid as an editable table (in a .pptx)
	RoadmapAhead                                        bool
}

var deckFormats = formats[pptx.Presentation]{
	{".pptx", func(w io.Writer, p pptx.Presentation) error { return pptx.Write(w, p) }},
	{".pdf", func(w io.Writer, p pptx.Presentation) error { return writeSlidesPDF(w, p, pdfdoc.NotoSans()) }},
}

// DeckFormats are the extensions Deck writes.
func DeckFormats() []string { return deckFormats.exts() }

// Deck writes the meeting's deck — a title slide, the matrix theme by
// theme, the results of the surveys linked to the meeting, each partner's
// learning grid, the review of earlier actions held at it and the roadmap
// ahead — to path as .pptx (editable text, the grids editable tables,
// pictures for the drawn slides) or .pdf (one 16:9 page a slide, the grids
// drawn too). The drawn slides come from slides; without them the deck is
// refused.
func Deck(ctx context.Context, s *data.Store, network data.Network, meeting data.Meeting, path string, slides Slides, progress Progress) (DeckSummary, error) {
	write, err := deckFormats.choose(path, "the meeting deck")
	if err != nil {
		return DeckSummary{}, err
	}
	if slides.MatrixTheme == nil || slides.QuestionSlides == nil || slides.Grid == nil || slides.RoadmapAhead == nil {
		return DeckSummary{}, ErrNoSlides
	}
	b := deckBuilder{ctx: ctx, s: s, network: network, meeting: meeting, slides: slides, progress: progress, fit: newTextFitter(pdfdoc.NotoSans()),
		gridTables: strings.EqualFold(filepath.Ext(path), ".pptx")}
	p, err := b.build()
	if err != nil {
		return b.sum, err
	}
	progress.writing(path)
	return b.sum, write(ctx, p)
}

// deckBuilder adds the deck's slides section by section.
type deckBuilder struct {
	ctx      context.Context
	s        *data.Store
	network  data.Network
	meeting  data.Meeting
	slides   Slides
	progress Progress
	fit      *textFitter
	// gridTables makes the grids tables (the .pptx's, which partners
	// edit) rather than the pictures the presenter shows.
	gridTables bool
	out        []pptx.Slide
	sum        DeckSummary
}

func (b *deckBuilder) build() (pptx.Presentation, error) {
	b.titleSlide()
	for _, section := range []struct {
		step string
		add  func() error
	}{
		{"Drawing the matrix…", b.matrixSlides},
		{"Drawing the survey results…", b.surveySlides},
		{"Drawing the learning grids and the review…", b.gridSlides},
		{"Drawing the roadmap…", b.roadmapSlide},
	} {
		if err := b.ctx.Err(); err != nil {
			return pptx.Presentation{}, err
		}
		b.progress.report(section.step, 0.1+0.4*float64(len(b.out))/float64(len(b.out)+8))
		if err := section.add(); err != nil {
			return pptx.Presentation{}, err
		}
	}
	b.sum.Slides = len(b.out)
	return pptx.Presentation{Title: DeckTitle(b.meeting), Author: b.network.Name, Slides: b.out}, nil
}

// DeckTitle names a meeting's deck.
func DeckTitle(m data.Meeting) string { return "Meeting deck — " + m.Title }

func (b *deckBuilder) titleSlide() {
	when := dates.Show(b.meeting.StartDate)
	if b.meeting.EndDate != "" && b.meeting.EndDate != b.meeting.StartDate {
		when += " – " + dates.Show(b.meeting.EndDate)
	}
	lines := []pptx.Paragraph{
		{Text: b.network.Name, Size: 44, Bold: true, Center: true},
		{Text: b.meeting.Title, Size: 32, Center: true, SpaceBefore: 16, Color: deckAccent},
		{Text: strings.Trim(when+" · "+b.meeting.Place, " ·"), Size: 24, Center: true, SpaceBefore: 12},
	}
	b.out = append(b.out, pptx.Slide{Shapes: []pptx.Shape{
		pptx.TextBox{Box: pptx.Box{W: pptx.SlideWidth, H: 14}, Fill: deckAccent},
		pptx.TextBox{Box: pptx.Box{X: deckMargin, Y: 150, W: pptx.SlideWidth - 2*deckMargin, H: 300}, Paragraphs: lines},
	}})
}

func (b *deckBuilder) matrixSlides() error {
	m, err := matrix.Load(b.ctx, b.s, b.network.ID)
	if err != nil {
		return err
	}
	for i, th := range m.Themes {
		if err := b.pictures(b.slides.MatrixTheme(m, b.network.Name, i), "The matrix of good practices and knowledge needs — theme "+th.Label()); err != nil {
			return err
		}
	}
	b.sum.Themes = len(m.Themes)
	return nil
}

// gridSlides adds a slide on who filled a grid at the meeting (how much
// each holds, and who has not yet), the grids partner by partner, and the
// review of the earlier actions that came up at the meeting (a slide
// saying there were none rather than no review at all).
func (b *deckBuilder) gridSlides() error {
	sheet, err := grids.Load(b.ctx, b.s, b.network, b.meeting)
	if err != nil {
		return err
	}
	all, err := b.s.Partners(b.ctx, b.network.ID)
	if err != nil {
		return err
	}
	if len(all) > 0 {
		without := partnersWithoutGrid(all, sheet.Partners)
		sub := gridsSubtitle(b.meeting.Title, len(all)-len(without), len(all))
		b.out = append(b.out, b.fit.textSlides("Learning grids", sub, gridOverview(sheet.Partners, without, len(all)))...)
	}
	for i, pg := range sheet.Partners {
		if b.gridTables {
			tables := b.fit.gridTableSlides(sheet, i)
			b.out, b.sum.Tables = append(b.out, tables...), b.sum.Tables+len(tables)
		} else if err := b.pictures(b.slides.Grid(sheet, i), "Learning grid of "+pg.Heading()); err != nil {
			return err
		}
	}
	b.sum.Grids = len(sheet.Partners)
	review, summary := reviewItems(sheet.Review), b.meeting.Title
	if len(review) == 0 {
		review = [][]pptx.Paragraph{{{Text: "No action set at an earlier meeting was left to review here.", Size: 24}}}
	} else {
		summary = grids.StatusSummary(sheet.Review)
	}
	b.out = append(b.out, b.fit.textSlides(sheet.ReviewTitle(), summary, review)...)
	b.sum.Reviewed = len(sheet.Review)
	return nil
}

// gridsSubtitle says how many partners filled a grid at the meeting.
func gridsSubtitle(meeting string, made, partners int) string {
	return fmt.Sprintf("%s · grids from %d of %d partners", meeting, made, partners)
}

// gridOverview is a line per grid made — the partner and how many key
// learnings and actions it holds — and then who has not filled one yet.
func gridOverview(made []grids.PartnerGrid, without []string, partners int) [][]pptx.Paragraph {
	var items [][]pptx.Paragraph
	for _, pg := range made {
		learnings, actions := 0, 0
		for _, r := range pg.Rows {
			if strings.TrimSpace(r.Learning) != "" {
				learnings++
			}
			if strings.TrimSpace(r.Action) != "" {
				actions++
			}
		}
		items = append(items, []pptx.Paragraph{{Text: pg.Heading() + " · " + text.Count(learnings, "key learning", "key learnings") + ", " + text.Count(actions, "action", "actions") + " until the next meeting", Size: 24, Bullet: true, SpaceBefore: 8}})
	}
	if len(without) > 0 {
		items = append(items, []pptx.Paragraph{{Text: noGridText(without, partners), Size: 24, Color: deckMuted, SpaceBefore: 20}})
	}
	return items
}

// partnersWithoutGrid are the names of the partners, in the network's
// order, with no grid among those given.
func partnersWithoutGrid(all []data.Partner, made []grids.PartnerGrid) []string {
	has := map[string]bool{}
	for _, pg := range made {
		has[pg.Partner.ID] = true
	}
	var out []string
	for _, p := range all {
		if !has[p.ID] {
			out = append(out, p.Name)
		}
	}
	return out
}

// noGridText says which partners made no grid at the meeting.
func noGridText(without []string, partners int) string {
	if len(without) == partners {
		return "No partner has filled a learning grid for this meeting yet."
	}
	return "No learning grid yet from " + text.AndList(without) + "."
}

// reviewItems are the review's paragraphs in groups a slide keeps
// together: a partner's name with its first action, then each action with
// its comment.
func reviewItems(actions []grids.ReviewedAction) [][]pptx.Paragraph {
	var items [][]pptx.Paragraph
	for i, a := range actions {
		var item []pptx.Paragraph
		if i == 0 || a.Partner.ID != actions[i-1].Partner.ID {
			item = append(item, pptx.Paragraph{Text: a.Partner.Name, Size: 24, Bold: true, Color: deckAccent, SpaceBefore: 14})
		}
		who := strings.Trim(a.Row.ActionWho+", "+a.Row.ActionBy, ", ")
		line := grids.ReviewStatuses.Label(a.Row.ReviewStatus) + " · " + a.Row.Action
		if who != "" {
			line += " (" + who + ")"
		}
		item = append(item, pptx.Paragraph{Text: line, Size: 20, Bullet: true, SpaceBefore: 6})
		if a.Row.ReviewComment != "" {
			item = append(item, pptx.Paragraph{Text: a.Row.ReviewComment, Size: 18, Color: deckMuted, Indent: 22})
		}
		items = append(items, item)
	}
	return items
}

func (b *deckBuilder) roadmapSlide() error {
	in, err := roadmap.Load(b.ctx, b.s, b.network)
	if err != nil {
		return err
	}
	imgs := b.slides.RoadmapAhead(roadmap.Build(in), b.meeting.StartDate, "The roadmap ahead, from "+b.meeting.Title)
	b.sum.RoadmapAhead = len(imgs) > 0
	return b.pictures(imgs, "The network roadmap from "+b.meeting.Title+" on")
}

// pictures adds a slide for each of a view's pictures (a view too long
// for one slide is drawn as several, each read whole).
func (b *deckBuilder) pictures(imgs []image.Image, description string) error {
	for _, img := range imgs {
		if err := b.picture(img, description); err != nil {
			return err
		}
	}
	return nil
}

// picture adds a slide that is one drawn 1920×1080 picture, over the
// whole 16:9 slide.
func (b *deckBuilder) picture(img image.Image, description string) error {
	b.sum.Pictures++
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return fmt.Errorf("drawing the slide %q: %w", description, err)
	}
	b.out = append(b.out, pptx.Slide{Shapes: []pptx.Shape{
		pptx.Picture{Box: pptx.Box{W: pptx.SlideWidth, H: pptx.SlideHeight}, PNG: buf.Bytes(), Description: description},
	}})
	return nil
}
