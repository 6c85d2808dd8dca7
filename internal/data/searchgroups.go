package data

import (
	"fmt"
	"slices"
	"strings"
)

// SearchGroup is the hits of one kind, as the search window and the
// search command show them: under a heading, in the order of SearchKinds.
type SearchGroup struct {
	Kind    string      `json:"kind"`
	Heading string      `json:"heading"`
	Hits    []SearchHit `json:"hits"`
	// More: hits of this kind were left off (survey answers beyond the first 50).
	More bool `json:"more,omitempty"`
}

// searchHeadings name the groups.
var searchHeadings = map[string]string{
	SearchPartner: "Partners", SearchPractice: "Good practices", SearchSubTheme: "Sub-themes",
	SearchMeeting: "Meetings", SearchNeed: "Learning needs", SearchGridRow: "Learning grid rows",
	SearchAction: "Actions", SearchSection: "Baseline Study sections", SearchAnswer: "Survey answers",
}

// GroupHits puts hits into their kinds' groups, empty groups left out;
// more is Search's (answers were left off).
func GroupHits(hits []SearchHit, more bool) []SearchGroup {
	var out []SearchGroup
	for _, k := range SearchKinds {
		g := SearchGroup{Kind: k, Heading: searchHeadings[k], More: more && k == SearchAnswer}
		for _, h := range hits {
			if h.Kind == k {
				g.Hits = append(g.Hits, h)
			}
		}
		if len(g.Hits) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// SearchKindNamed checks a kind's name as typed on the command line.
func SearchKindNamed(name string) (string, error) {
	if slices.Contains(SearchKinds, name) {
		return name, nil
	}
	return "", fmt.Errorf("unknown kind %q: the kinds are %s", name, strings.Join(SearchKinds, ", "))
}

// PlainSnippet is a snippet with its matching words between [ and ].
func PlainSnippet(s string) string {
	return strings.NewReplacer(MarkStart, "[", MarkEnd, "]", "\r", " ", "\n", " ", "\t", " ").Replace(s)
}

// Line is the hit's first line as the results show it: the record's
// name; for an answer, the survey, the question and the respondent.
func (h SearchHit) Line() string {
	if h.Kind != SearchAnswer {
		return h.Title
	}
	return fmt.Sprintf("%s · %s · respondent %d", h.Title, h.Context, h.Respondent+1)
}

// Matches are the snippet's matching words, as marked.
func (h SearchHit) Matches() []string {
	var out []string
	for i, part := range strings.Split(h.Snippet, MarkStart) {
		if i > 0 {
			if w, _, _ := strings.Cut(part, MarkEnd); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}
