package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
)

func body(s pptx.Slide) pptx.TextBox { return s.Shapes[len(s.Shapes)-1].(pptx.TextBox) }

// A short review stays on one slide in its full type; forty long actions
// go over several slides in three-quarter type, each slide's body inside
// its box as the PDF's font measures it, every action once and whole, an
// action never split from its comment.
func TestTextSlidesFitOrSplit(t *testing.T) {
	f := newTextFitter(pdfdoc.NotoSans())
	item := func(i int, long bool) []pptx.Paragraph {
		text := fmt.Sprintf("Action %d", i)
		if long {
			text += strings.Repeat(" with a description that runs on over more than one line of the slide", 2)
		}
		return []pptx.Paragraph{{Text: text, Size: 20, Bullet: true, SpaceBefore: 6}, {Text: fmt.Sprintf("Comment %d", i), Size: 18, Indent: 22}}
	}
	var short [][]pptx.Paragraph
	for i := range 3 {
		short = append(short, item(i, false))
	}
	one := f.textSlides("Review", "3 actions", short)
	if len(one) != 1 || body(one[0]).Paragraphs[0].Size != 20 {
		t.Fatalf("3 short actions: %d slides, type %v", len(one), body(one[0]).Paragraphs[0].Size)
	}
	var long [][]pptx.Paragraph
	for i := range 40 {
		long = append(long, item(i, true))
	}
	many := f.textSlides("Review", "40 actions", long)
	if len(many) < 4 {
		t.Fatalf("40 long actions on %d slides", len(many))
	}
	seen := map[string]int{}
	for n, s := range many {
		b := body(s)
		if h := f.height(b.Paragraphs, b.W); h > b.H {
			t.Errorf("slide %d: body %.0f pt tall in a %.0f pt box", n+1, h, b.H)
		}
		title := s.Shapes[1].(pptx.TextBox).Paragraphs[0].Text
		if (n == 0) != (title == "Review") || n > 0 && title != "Review (continued)" {
			t.Errorf("slide %d titled %q", n+1, title)
		}
		if last := b.Paragraphs[len(b.Paragraphs)-1].Text; !strings.HasPrefix(last, "Comment") {
			t.Errorf("slide %d ends on %q, an action without its comment", n+1, last)
		}
		for _, p := range b.Paragraphs {
			seen[p.Text]++
			if p.Size != 20*deckMinScale && p.Size != 18*deckMinScale {
				t.Errorf("slide %d: type %v", n+1, p.Size)
			}
		}
	}
	if len(seen) != 80 {
		t.Errorf("%d different paragraphs over the slides, want 80", len(seen))
	}
	for text, n := range seen {
		if n != 1 {
			t.Errorf("%q on %d slides", text, n)
		}
	}
}

// A title too long for one line shrinks, then wraps, and the body starts
// below it rather than under it.
func TestLongTitlesPushTheBodyDown(t *testing.T) {
	f := newTextFitter(pdfdoc.NotoSans())
	_, shortTop := f.textSlide("Review", "")
	s, longTop := f.textSlide(strings.Repeat("Review of earlier actions at a meeting with a long name ", 3), "")
	head := s.Shapes[1].(pptx.TextBox)
	if head.Paragraphs[0].Size != 24 || len(f.lines(head.Paragraphs[0], head.W)) < 2 || longTop < shortTop+24 || head.Y+head.H > longTop {
		t.Fatalf("title at %v pt on %d lines, box to %.0f, body from %.0f (short title: %.0f)",
			head.Paragraphs[0].Size, len(f.lines(head.Paragraphs[0], head.W)), head.Y+head.H, longTop, shortTop)
	}
}
