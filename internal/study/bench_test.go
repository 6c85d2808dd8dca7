package study_test

import (
	"context"
	"io"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// BenchmarkExportDemoStudy assembles the demo study from what Load read
// and writes it in each format, as "study export" does (README figures).
func BenchmarkExportDemoStudy(b *testing.B) {
	s, n := testkit.DemoStore(b)
	ctx := context.Background()
	studies, err := s.Studies(ctx, n.ID)
	if err != nil || len(studies) == 0 {
		b.Fatal("the demo has no study", err)
	}
	in, err := study.Load(ctx, s, studies[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	fonts := testkit.Fonts(b)
	writers := []struct {
		name  string
		write func(io.Writer, doc.Document) error
	}{
		{"docx", doc.WriteDOCX},
		{"pdf", func(w io.Writer, d doc.Document) error { return doc.WritePDF(w, d, fonts) }},
		{"html", doc.WriteHTML},
		{"md", doc.WriteMarkdown},
	}
	for _, w := range writers {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				if err := w.write(io.Discard, study.Assemble(in)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := study.Load(ctx, s, studies[0].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPreviewLastSection is what the editor's live preview does on
// each keystroke in the study's last section: the tables before it are
// laid out again to number its own.
func BenchmarkPreviewLastSection(b *testing.B) {
	s, n := testkit.DemoStore(b)
	ctx := context.Background()
	studies, _ := s.Studies(ctx, n.ID)
	in, err := study.Load(ctx, s, studies[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		study.SectionBlocks(in, len(in.Sections)-1)
	}
}
