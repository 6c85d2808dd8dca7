package survey

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// PartnerColumn is the heading of the plan's partner column ("" for none).
func (p Plan) PartnerColumn() string {
	for _, c := range p.Columns {
		if c.Role == RolePartner {
			return c.Header
		}
	}
	return ""
}

// choosePartner makes the column the user named (Options.PartnerColumn)
// the respondents' partner, refusing a heading the file lacks. Without a
// name, a Mentimeter file's one-column question that asks the voter's
// city and is answered mostly with the network's partner names ("Which
// city do you represent?") becomes it,
// as other formats' columns do when their plan is made.
func choosePartner(path string, p Plan, s *Sample, partners []data.Partner, heading string) (Plan, error) {
	target := -1
	if heading != "" {
		for ci, c := range p.Columns {
			if sameHeading(c.Header, heading) || c.Role == RoleQuestion && sameHeading(p.Questions[c.Question].Prompt, heading) && len(p.columnsOf(c.Question)) == 1 {
				target = ci
				break
			}
		}
		if target < 0 {
			return p, &tabular.FileError{File: path, Msg: fmt.Sprintf("has no column headed %q to take as the partner", heading),
				Hint: "give a heading of the file's header row, as written (a question spread over several columns cannot be the partner)"}
		}
	} else {
		if p.Format != "mentimeter" || p.PartnerColumn() != "" || len(partners) == 0 {
			return p, nil
		}
		keys := map[string]bool{}
		for _, pt := range partners {
			keys[data.NameKey(pt.Name)] = true
		}
		for ci, c := range p.Columns {
			if c.Role == RoleQuestion && len(p.columnsOf(c.Question)) == 1 && asksOwnCity.MatchString(p.Questions[c.Question].Prompt) && mostlyPartners(s.column(ci), keys) {
				target = ci
				break
			}
		}
		if target < 0 {
			return p, nil
		}
	}
	choices := p.Choices()
	for i, ch := range choices {
		switch {
		case ch.Role == RolePartner:
			choices[i].Role = RoleIgnore // one partner column: the one chosen
		case ch.Column == target || ch.Question >= 0 && ch.Question == p.Columns[target].Question && p.Columns[target].Role == RoleQuestion:
			choices[i] = Choice{Question: ch.Question, Column: ch.Column, Role: RolePartner}
		}
	}
	return p.Apply(choices, s)
}

// asksOwnCity tells a slide that asks the voter's own city from one that
// asks about cities ("Which city should host the next meeting?"), whose
// answers are partner names too but no voter's partner.
var asksOwnCity = regexp.MustCompile(`(?i)\b(represent|you (come )?from|are you from|your (city|partner|municipality|organi[sz]ation|town))\b`)

// sameHeading compares headings as the user types them: case and spaces
// aside, and without Mentimeter's trailing ":".
func sameHeading(a, b string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":")) }
	return strings.EqualFold(norm(a), norm(b))
}
