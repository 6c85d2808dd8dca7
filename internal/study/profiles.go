package study

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// partnerProfiles gives per partner a heading with its name, the box of
// its known figures and its narrative fields, each under its own heading.
func partnerProfiles(partners []data.Partner, level int) []doc.Block {
	var out []doc.Block
	for _, p := range partners {
		out = append(out, heading(level, []doc.Run{{Text: p.Name}}))
		if box := figures(p); len(box.Rows) > 0 {
			out = append(out, box)
		}
		for _, n := range narratives(p) {
			if strings.TrimSpace(n.body) == "" {
				continue
			}
			out = append(out, heading(level+1, []doc.Run{{Text: n.title}}))
			out = append(out, Markdown(n.body, level+1)...)
		}
	}
	return out
}

type narrative struct{ title, body string }

func narratives(p data.Partner) []narrative {
	return []narrative{
		{"Co-existence and citizen participation", p.ParticipationContext},
		{"Citizen participation in practice", p.ParticipationInPractice},
		{"Next steps", p.NextSteps},
	}
}

var english = message.NewPrinter(language.English)

// figures is the box of a partner's known figures; unknown ones are left
// out rather than shown empty.
func figures(p data.Partner) doc.Table {
	t := doc.Table{Header: []string{"Figure", p.Name}, Widths: []float64{1, 2}}
	add := func(label, value string) {
		if value = strings.TrimSpace(value); value != "" {
			t.Rows = append(t.Rows, []doc.Cell{{Text: label, Bold: true}, {Text: value}})
		}
	}
	add("Country", p.Country)
	add("Region", p.Region)
	add("Population", count(p.Population))
	add("Demographic profile", p.DemographicProfile)
	add("Unemployment rate", percent(p.UnemploymentRate))
	add("Youth unemployment rate", percent(p.YouthUnemploymentRate))
	add("Economy", p.EconomyProfile)
	add("Functional urban area", p.FunctionalUrbanArea)
	add("Civil servants", count(p.CivilServants))
	add("ULG coordinator", p.ULGCoordinator)
	return t
}

// count writes a number with thousands separators: 393,574.
func count(n *int64) string {
	if n == nil {
		return ""
	}
	return english.Sprintf("%d", *n)
}

// percent writes a rate as typed, without trailing zeros: 3.03%, 38.1%.
func percent(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64) + "%"
}
