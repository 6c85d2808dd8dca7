package data_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// BenchmarkSearch100k searches the demo network with a survey of 100,000
// respondents, two text questions each answered (200,000 answers in the
// index): a city name (the partner and a few thousand answers), a common
// word (tens of thousands of answers), a rare one and a prefix.
func BenchmarkSearch100k(b *testing.B) {
	ctx := context.Background()
	s, n := testkit.DemoStore(b)
	words := []string{"trust", "youth", "budget", "digital", "dialogue", "participation", "communication", "leadership", "training", "co-creation"}
	cities := []string{"Genk", "Gdańsk", "Ķekava", "Budaörs", "Banská Bystrica", "Iași", "Quart de Poblet", "Aarhus", "Breda"}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	rs := make([]data.Respondent, 100000)
	for i := range rs {
		open := fmt.Sprintf("More on %s and %s, with examples from %s and time for questions", pick(words), pick(words), pick(cities))
		if i == 4242 {
			open += " — and a visit to the zeppelin hangar"
		}
		rs[i] = data.Respondent{Position: i, Answers: [][]string{{pick(cities)}, {open}, {pick(words), pick(words), pick(words)}}}
	}
	answersSurvey(b, s, n.ID, rs)
	for _, typed := range []string{"iasi", "budget", "zeppelin", "gda", "youth dialogue"} {
		b.Run(typed, func(b *testing.B) {
			for b.Loop() {
				hits, _, err := s.Search(ctx, n.ID, typed)
				if err != nil || len(hits) == 0 {
					b.Fatal(err, len(hits))
				}
			}
		})
	}
}
