package main

import (
	"github.com/aoce-desktop/aoce-desktop/internal/survey/corpus"

	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

// formQuestion is one question of a synthetic form.
type formQuestion struct {
	Title   string
	Kind    string   // checkbox, radio, text, short (free text of a few repeated answers)
	Options []string // checkbox and radio, in the form's order
	Texts   []string // text: phrases, each made unique with a city
}

// formFile is one synthetic CSV export of Google Forms ("google", checkbox
// answers joined by Sep: ";" as downloaded, ", " as saved from Google
// Sheets), Microsoft Forms ("msforms": ";" and a trailing ";") or
// SurveyMonkey ("surveymonkey": two header rows, checkboxes over columns).
type formFile struct {
	Name, Case, Format, Sep string
	Respondents             int
	Questions               []formQuestion
	Seed                    uint64
}

var cities = []string{"Genk", "Gdańsk", "Iași", "Budaörs", "Banská Bystrica", "Braga"}

// answers draws every respondent's answers: respondent i always picks
// option i mod n among others, so that every option is chosen by someone
// (a CSV cannot list an option nobody chose).
func (f formFile) answers() [][][]string {
	rng := rand.New(rand.NewPCG(f.Seed, 5))
	out := make([][][]string, f.Respondents)
	for i := range out {
		out[i] = make([][]string, len(f.Questions))
		for qi, q := range f.Questions {
			switch q.Kind {
			case "radio":
				out[i][qi] = []string{q.Options[(i+rng.IntN(2))%len(q.Options)]}
			case "checkbox":
				picked := map[int]bool{i % len(q.Options): true}
				for range rng.IntN(3) {
					picked[rng.IntN(len(q.Options))] = true
				}
				for oi, o := range q.Options { // in the form's order, as the tools write them
					if picked[oi] {
						out[i][qi] = append(out[i][qi], o)
					}
				}
			case "short": // free text whose answers are short and given again: never split
				out[i][qi] = []string{q.Texts[(i+rng.IntN(2))%len(q.Texts)]}
			case "text":
				if rng.IntN(5) > 0 {
					out[i][qi] = []string{fmt.Sprintf("%s (%s, group %d)", q.Texts[rng.IntN(len(q.Texts))], cities[i%len(cities)], i+1)}
				}
			}
		}
	}
	return out
}

func (f formFile) write(path string) error {
	ans := f.answers()
	var rows [][]string
	switch f.Format {
	case "google":
		h := []string{"Timestamp"}
		for _, q := range f.Questions {
			h = append(h, q.Title)
		}
		rows = append(rows, h)
		for i, a := range ans {
			r := []string{fmt.Sprintf("2026/11/12 10:%02d:%02d AM CET", i%60, (i*13)%60)}
			for _, v := range a {
				r = append(r, strings.Join(v, f.Sep))
			}
			rows = append(rows, r)
		}
	case "msforms":
		h := []string{"ID", "Start time", "Completion time", "Email", "Name"}
		for _, q := range f.Questions {
			h = append(h, q.Title)
		}
		rows = append(rows, h)
		for i, a := range ans {
			r := []string{fmt.Sprint(i + 1), "11/12/26 10:00:00", "11/12/26 10:04:00", "anonymous", ""}
			for qi, v := range a {
				cell := strings.Join(v, ";")
				if f.Questions[qi].Kind == "checkbox" && cell != "" {
					cell += ";"
				}
				r = append(r, cell)
			}
			rows = append(rows, r)
		}
	case "surveymonkey":
		h := []string{"Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"}
		sub := make([]string, len(h))
		for _, q := range f.Questions {
			switch q.Kind {
			case "checkbox":
				for oi, o := range q.Options {
					if oi == 0 {
						h = append(h, q.Title)
					} else {
						h = append(h, "")
					}
					sub = append(sub, o)
				}
			case "text":
				h, sub = append(h, q.Title), append(sub, "Open-Ended Response")
			default:
				h, sub = append(h, q.Title), append(sub, "Response")
			}
		}
		rows = append(rows, h, sub)
		for i, a := range ans {
			r := []string{fmt.Sprint(114000000 + i), "4500001", "11/12/2026 10:00:00 AM", "11/12/2026 10:05:00 AM", fmt.Sprintf("192.0.2.%d", i%250+1), "", "", "", ""}
			for qi, v := range a {
				q := f.Questions[qi]
				if q.Kind != "checkbox" {
					r = append(r, strings.Join(v, ""))
					continue
				}
				for _, o := range q.Options {
					if contains(v, o) {
						r = append(r, o)
					} else {
						r = append(r, "")
					}
				}
			}
			rows = append(rows, r)
		}
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// figures are the source tool's summary: every option's count, and how
// many answered a text question.
func (f formFile) figures() corpus.Figures {
	fig := corpus.Figures{File: f.Name, Format: f.Format, Case: f.Case, Respondents: f.Respondents}
	ans := f.answers()
	for qi, q := range f.Questions {
		kind := map[string]string{"radio": "single_choice", "checkbox": "multiple_choice", "text": "open_ended", "short": "single_choice"}[q.Kind]
		qf := corpus.QFigures{Prompt: q.Title, Kind: kind}
		counts := map[string]int{}
		for _, a := range ans {
			if len(a[qi]) > 0 {
				qf.Answered++
			}
			for _, v := range a[qi] {
				counts[v]++
			}
		}
		for _, o := range q.Options {
			qf.Options = append(qf.Options, corpus.OptFigures{Label: o, Count: counts[o]})
		}
		fig.Questions = append(fig.Questions, qf)
	}
	return fig
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
