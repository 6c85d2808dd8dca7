package main

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// searchJSON is what `search --json` prints (documented in the README).
type searchJSON struct {
	Network struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"network"`
	Query  string            `json:"query"`
	Groups []searchGroupJSON `json:"groups"`
}

type searchGroupJSON struct {
	Kind    string          `json:"kind"`
	Heading string          `json:"heading"`
	More    bool            `json:"more"` // hits of this kind were left off (survey answers beyond the first 50)
	Hits    []searchHitJSON `json:"hits"`
}

type searchHitJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Snippet    string   `json:"snippet"` // the matching words between [ and ]
	Matches    []string `json:"matches"`
	Question   string   `json:"question,omitempty"` // an answer's question, its respondent and question position (0-based)
	Respondent *int     `json:"respondent,omitempty"`
	Position   *int     `json:"questionPosition,omitempty"`
}

// runSearch searches the network as the window's search does (Ctrl+K):
// the same hits, grouped by kind in the same order.
func runSearch(c *cmdContext) error {
	var kinds []string
	for _, k := range c.kinds {
		kind, err := data.SearchKindNamed(k)
		if err != nil {
			return usageError{err.Error()}
		}
		kinds = append(kinds, kind)
	}
	query := c.args[0]
	if data.MatchQuery(query) == "" {
		return usageError{fmt.Sprintf("nothing to search for in %q: give a word or the start of one", query)}
	}
	s, n, err := c.openNetwork(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	hits, more, err := s.Search(c.ctx, n.ID, query, kinds...)
	if err != nil {
		return err
	}
	groups := data.GroupHits(hits, more)
	if c.json {
		return writeJSON(c, toSearchJSON(n, query, groups))
	}
	if len(groups) == 0 {
		fmt.Fprintf(c.stdout, "No match for “%s” in %s.\n", query, n.Name)
		return nil
	}
	for i, g := range groups {
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		heading := g.Heading
		if g.More {
			heading += fmt.Sprintf(" (the first %d)", len(g.Hits))
		}
		fmt.Fprintln(c.stdout, heading)
		for _, h := range g.Hits {
			fmt.Fprintf(c.stdout, "  %s — %s\n", h.Line(), strings.TrimSpace(data.PlainSnippet(h.Snippet)))
		}
	}
	return nil
}

func toSearchJSON(n data.Network, query string, groups []data.SearchGroup) searchJSON {
	out := searchJSON{Query: query, Groups: []searchGroupJSON{}}
	out.Network.ID, out.Network.Name = n.ID, n.Name
	for _, g := range groups {
		gj := searchGroupJSON{Kind: g.Kind, Heading: g.Heading, More: g.More, Hits: []searchHitJSON{}}
		for _, h := range g.Hits {
			hj := searchHitJSON{ID: h.ID, Title: h.Title, Snippet: strings.TrimSpace(data.PlainSnippet(h.Snippet)), Matches: h.Matches()}
			if h.Kind == data.SearchAnswer {
				hj.Question, hj.Respondent, hj.Position = h.Context, &h.Respondent, &h.Question
			}
			gj.Hits = append(gj.Hits, hj)
		}
		out.Groups = append(out.Groups, gj)
	}
	return out
}
