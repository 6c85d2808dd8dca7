package survey

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

// bigSurvey writes (once per run) a Google-Forms-like export with 100,000
// respondents: a timestamp, a partner column and 18 answer columns making
// 12 questions of every kind a form holds (three of them grids of three
// columns: a scale, a ranking, 100 points) — about 27 MB and 1.7 million
// non-empty answer cells.
func bigSurvey(tb testing.TB) string {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "aoce-bench")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "survey100k.csv")
		f, err := os.Create(bigPath)
		if err != nil {
			bigErr = err
			return
		}
		defer f.Close()
		w := csv.NewWriter(f)
		cities := []string{"Genk", "Gdańsk", "Ķekava", "Budaörs", "Banská Bystrica", "Iași", "Quart de Poblet", "Aarhus", "Breda"}
		opts := []string{"Participation methods", "Youth involvement", "Digital tools", "Communication", "Budgeting", "Leadership"}
		words := []string{"trust", "youth", "budget", "digital", "dialogue", "participation", "communication", "leadership", "training", "co-creation"}
		w.Write([]string{"Timestamp", "Your city", "Main learning need", "Topics of interest", "Usefulness [Content]", "Usefulness [Speakers]",
			"Usefulness [Format]", "Three words", "What should the next meeting cover?", "Rate the online tools", "Would you recommend it?",
			"Preferred month", "Rank the formats [Study visit]", "Rank the formats [Masterclass]", "Rank the formats [Peer review]",
			"Share 100 points [Citizen panels]", "Share 100 points [Staff training]", "Share 100 points [Digital platform]",
			"Which partner city would you visit?", "Anything else?"})
		r := rand.New(rand.NewPCG(1, 2))
		pick := func(s []string) string { return s[r.IntN(len(s))] }
		ranks := [][]string{{"1", "2", "3"}, {"1", "3", "2"}, {"2", "1", "3"}, {"2", "3", "1"}, {"3", "1", "2"}, {"3", "2", "1"}}
		for i := range 100000 {
			topics := []string{pick(opts)}
			if i%2 == 0 {
				topics = append(topics, pick(opts))
			}
			other := ""
			if i%3 == 0 {
				other = "Thanks for the " + pick(words) + " session; next time please share the slides before the meeting"
			}
			rank := ranks[r.IntN(len(ranks))]
			p1 := 10 * r.IntN(8)
			p2 := 10 * r.IntN(10-p1/10)
			row := []string{fmt.Sprintf("2024/01/25 %02d:%02d:00 CET", 10+i%8, i%60), pick(cities), pick(opts), strings.Join(topics, ";"),
				fmt.Sprint(1 + r.IntN(5)), fmt.Sprint(1 + r.IntN(5)), fmt.Sprint(1 + r.IntN(5)), pick(words) + " " + pick(words) + " " + pick(words),
				"More on " + pick(words) + " and " + pick(words) + ", with examples from the partner cities and time for questions", fmt.Sprint(1 + r.IntN(10)), pick([]string{"Yes", "No", "Maybe"}),
				pick([]string{"March", "April", "May"})}
			row = append(row, rank...)
			row = append(row, fmt.Sprint(p1), fmt.Sprint(p2), fmt.Sprint(100-p1-p2), pick(cities), other)
			w.Write(row)
		}
		w.Flush()
		bigErr = w.Error()
	})
	if bigErr != nil {
		tb.Fatalf("writing the 100,000-respondent survey: %v", bigErr)
	}
	return bigPath
}

// BenchmarkCSVRead100k is the baseline: a bare encoding/csv read of the file.
func BenchmarkCSVRead100k(b *testing.B) {
	path := bigSurvey(b)
	for b.Loop() {
		f, _ := os.Open(path)
		r := csv.NewReader(f)
		r.ReuseRecord = true
		n := 0
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			}
			n++
		}
		f.Close()
		if n != 100001 {
			b.Fatal(n)
		}
	}
}

// BenchmarkStreamRead100k reads the file through tabular.OpenCSV, as the
// import does: detection, decoding and the guard (row cap, NULs, encoding),
// to set against BenchmarkCSVRead100k.
func BenchmarkStreamRead100k(b *testing.B) {
	path := bigSurvey(b)
	for b.Loop() {
		st, err := tabular.OpenCSV(path, tabular.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, _, err := st.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		st.Close()
		if n != 100001 {
			b.Fatal(n)
		}
	}
}

// BenchmarkImport100k imports the whole file into a fresh database.
func BenchmarkImport100k(b *testing.B) {
	path := bigSurvey(b)
	for b.Loop() {
		b.StopTimer()
		s, n := demoStore(b)
		b.StartTimer()
		sv, _, err := Import(context.Background(), s, n.ID, path, Options{Title: "Big"})
		if err != nil || sv.Respondents != 100000 {
			b.Fatalf("%v %d", err, sv.Respondents)
		}
	}
}

// BenchmarkIndexAnswers100k indexes the text answers of that import for
// search (Store.IndexSurveyAnswers, which the import's callers run after it).
func BenchmarkIndexAnswers100k(b *testing.B) {
	path := bigSurvey(b)
	for b.Loop() {
		b.StopTimer()
		s, n := demoStore(b)
		sv, _, err := Import(context.Background(), s, n.ID, path, Options{Title: "Big"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.IndexSurveyAnswers(context.Background(), sv.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResults100k computes the results of all 12 questions.
func BenchmarkResults100k(b *testing.B) {
	path := bigSurvey(b)
	s, n := demoStore(b)
	sv, _, err := Import(context.Background(), s, n.ID, path, Options{Title: "Big"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := LoadResults(context.Background(), s, sv, "")
		if err != nil || len(res.Questions) != 12 { // 18 answer columns; each grid of 3 columns is one question
			b.Fatalf("%v %d questions", err, len(res.Questions))
		}
	}
	_ = data.KindScales
}
