package study

import (
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// matrixTable is Table 1 of a baseline study: the matrix's own table
// under the study's numbered caption.
func matrixTable(m *matrix.Matrix, caption func(string) string) []doc.Block {
	if m == nil || len(m.Rows) == 0 {
		return []doc.Block{doc.Text("The matrix of good practices and knowledge needs has no sub-themes yet.")}
	}
	return []doc.Block{m.Table(caption("Matrix of good practices and knowledge needs"))}
}
