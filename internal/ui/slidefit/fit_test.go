package slidefit

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestFitWrapsAtWordsAndNeverCuts(t *testing.T) {
	test.NewTempApp(t)
	text := "Increase trust-tackling polarisation-mobilise silent majority"
	l := Fit(text, fyne.NewSize(260, 200), 20, 15, Style{MaxLines: 3})
	if !l.Fits || len(l.Lines) < 2 || strings.Join(l.Lines, " ") != text || l.Size != 20 {
		t.Fatalf("%+v", l)
	}
	for _, line := range l.Lines {
		if w := Measure(line, 20, false).Width; w > 260 {
			t.Errorf("%q is %.0f wide", line, w)
		}
	}
	// One word wider than the line: only then the label's type shrinks.
	word := Fit("Szentendre-Kisoroszi", fyne.NewSize(150, 100), 24, 12, Style{})
	if !word.Fits || word.Size >= 24 || Measure(word.Lines[0], word.Size, false).Width > 150 {
		t.Fatalf("%+v", word)
	}
	if tooMany := Fit(text, fyne.NewSize(120, 400), 20, 20, Style{MaxLines: 2}); tooMany.Fits {
		t.Fatalf("%d lines fit in 2: %+v", len(tooMany.Lines), tooMany)
	}
}

func TestLargestFindsTheBiggestSizeThatFits(t *testing.T) {
	test.NewTempApp(t)
	box := fyne.NewSize(400, 40)
	s, ok := Largest(10, 60, func(s float32) bool { return Fits("Working together with citizens", box, s, Style{}) })
	if !ok || !Fits("Working together with citizens", box, s, Style{}) || Fits("Working together with citizens", box, s+1, Style{}) {
		t.Fatalf("size %v ok %v", s, ok)
	}
	if _, ok := Largest(30, 60, func(float32) bool { return false }); ok {
		t.Fatal("nothing fits, yet ok")
	}
}

// Problems finds what the room could not read.
func TestProblemsReadsTheSlide(t *testing.T) {
	test.NewTempApp(t)
	cut := canvas.NewText("Banská B…", color.Black)
	cut.Resize(cut.MinSize())
	wide := canvas.NewText("Quart de Poblet", color.Black)
	wide.TextSize = 30
	wide.Resize(fyne.NewSize(40, 30))
	overlapA, overlapB := canvas.NewText("Citizens' Assembly", color.Black), canvas.NewText("Local Action Group", color.Black)
	overlapA.Resize(overlapA.MinSize())
	overlapB.Resize(overlapB.MinSize())
	overlapB.Move(fyne.NewPos(40, 200))
	overlapA.Move(fyne.NewPos(0, 200))
	wide.Move(fyne.NewPos(0, 100))
	cell := container.NewWithoutLayout(wide)
	cell.Resize(fyne.NewSize(60, 200))
	slide := container.NewWithoutLayout(cut, cell, overlapA, overlapB)
	slide.Resize(fyne.NewSize(800, 600))
	got := strings.Join(Problems(slide), "\n")
	for _, want := range []string{"ellipsis", "Quart de Poblet\" is", "runs out of its cell", "overlaps"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	good := Text("Working together with citizens", fyne.NewSize(300, 80), 20, Style{MaxLines: 2}, color.Black)
	if p := Problems(good); len(p) > 0 {
		t.Errorf("a fitted label has problems: %q", p)
	}
}

// A frame drawn through a text, and a text below the floor, are problems
// the room would see.
func TestFramesAndSmallTextAreFound(t *testing.T) {
	test.NewTempApp(t)
	head := canvas.NewText("Banská Bystrica", color.Black)
	head.TextSize = 20
	head.Resize(head.MinSize())
	head.Move(fyne.NewPos(100, 100))
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth = color.Black, 5
	frame.Move(fyne.NewPos(60, 90))
	frame.Resize(fyne.NewSize(80, 300)) // its right edge crosses the name
	slide := container.NewWithoutLayout(head, frame)
	slide.Resize(fyne.NewSize(1920, 1080))
	if got := strings.Join(Problems(slide), "\n"); !strings.Contains(got, "frame is drawn through") {
		t.Errorf("the frame through the name is not found: %q", got)
	}
	frame.Move(fyne.NewPos(90, 90))
	frame.Resize(fyne.NewSize(head.Size().Width+20, 60)) // round it
	if got := Problems(slide); len(got) > 0 {
		t.Errorf("a frame round a name is taken for one through it: %q", got)
	}
	if got := Small(slide, 18); len(got) != 0 {
		t.Errorf("20 px is below 18: %q", got)
	}
	head.TextSize = 12
	if got := Small(slide, Floor); len(got) != 1 {
		t.Errorf("12 px at 1080p is not found small: %q", got)
	}
}
