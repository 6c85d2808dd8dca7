package survey

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// figureLines writes each question as "prompt [kind] answered: label count, …"
// with its options in the order the results give them.
func figureLines(r Results) []string {
	var out []string
	for _, q := range r.Questions {
		var opts []string
		for _, o := range q.Options {
			opts = append(opts, fmt.Sprintf("%s %d", o.Label, o.Count))
		}
		out = append(out, fmt.Sprintf("%s [%s] %d: %s", q.Prompt, q.Kind, q.Respondents, strings.Join(opts, ", ")))
	}
	return out
}

// Files a reviewer built by hand from the formats' edges (testdata/review):
// the figures the source tool shows, every question, every option, in the
// source's order.
func TestReviewedExports(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		// A content slide with the title of the choice slide after it; a
		// single choice and a multiple choice of the same title side by
		// side; a text option "1.50".
		{"menti-edge.xlsx", []string{
			"Where do you come from? [single_choice] 3: North 2, South 1, Nowhere 0",
			"Pick one [single_choice] 3: Red 2, Blue 1",
			"Pick one [multiple_choice] 3: Cats 2, Dogs 2, Fish 0",
			"Hours per week [single_choice] 3: 1.50 1, 2 2, 0.5 0",
		}},
		// A slide nobody answered that has no Voters column.
		{"menti-unanswered.xlsx", []string{
			"Coffee or tea? [single_choice] 2: Coffee 2, Tea 0",
			"Skipped slide [single_choice] 0: Yes 0, No 0",
			"Nobody answered [single_choice] 0: A 0, B 0",
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s, n := demoStore(t)
			ctx := context.Background()
			sv, _, err := Import(ctx, s, n.ID, "testdata/review/"+tc.file, Options{Title: tc.file})
			if err != nil {
				t.Fatal(err)
			}
			res, err := LoadResults(ctx, s, sv, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := figureLines(res); !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
