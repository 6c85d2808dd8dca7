package survey

import (
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// Figures says a statement's statistics in words, as every screen, slide
// and report writes them: "mean 3.38 · median 4 · 26 answers".
func (st StatementResult) Figures() string {
	return fmt.Sprintf("mean %.2f · median %g · %s", st.Mean, st.Median, text.Count(st.Count, "answer", "answers"))
}
