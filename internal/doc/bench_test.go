package doc

import (
	"bytes"
	"io"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// studyDocument is a study of the real size: twelve partner profiles,
// each with its figures table and six paragraphs of ~150 words, the
// matrix and the roadmap (8 columns × 20 rows).
func studyDocument() Document { return sampleDocument(12, 6) }

func benchmarkWriter(b *testing.B, write func(io.Writer, Document) error) {
	d := studyDocument()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/doc")
}

func BenchmarkWriteDOCX(b *testing.B)     { benchmarkWriter(b, WriteDOCX) }
func BenchmarkWriteHTML(b *testing.B)     { benchmarkWriter(b, WriteHTML) }
func BenchmarkWriteMarkdown(b *testing.B) { benchmarkWriter(b, WriteMarkdown) }

func BenchmarkWritePDF(b *testing.B) {
	fonts := testkit.Fonts(b)
	benchmarkWriter(b, func(w io.Writer, d Document) error { return WritePDF(w, d, fonts) })
}
