package survey

import (
	"io"
	"slices"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// maxScanKeys bounds the counts a scan keeps (session × question × option):
// a hostile file of unique answers must not fill the memory.
const maxScanKeys = 200_000

// scanKey is one option of one question in one session.
type scanKey struct {
	session  string
	question int
	option   string
}

// scanVoters reads the whole Voters sheet once before the import, counting
// what the preview tells: the reactions to content slides the import
// ignores, and per session each option's voters, to compare with the
// Session sheets' counts. Only counts are kept, never the rows.
func scanVoters(path string, opt Options, p *Plan) error {
	book := p.Menti
	src, _, err := openSource(path, opt)
	if err != nil {
		return err
	}
	defer src.Close()
	var header []string
	for header == nil {
		rec, _, err := src.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if isMentiHeader(rec) {
			header = rec
		}
	}
	sessionCol := slices.IndexFunc(p.Columns, func(c Column) bool { return c.Role == RoleSession })
	counts := map[scanKey]int{}
	full := false
	book.Reactions, book.reactionsBy = 0, map[string]int{}
	for {
		rec, _, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		session := ""
		if sessionCol >= 0 && sessionCol < len(rec) {
			session = strings.TrimSuffix(strings.TrimSpace(rec[sessionCol]), ".0")
		}
		chosen := map[scanKey]bool{}
		for ci, c := range rec {
			v := strings.TrimSpace(c)
			if v == "" || ci >= len(header) {
				continue
			}
			if strings.HasPrefix(strings.TrimSpace(header[ci]), ":") {
				book.Reactions++
				book.reactionsBy[session]++
				continue
			}
			if ci >= len(p.Columns) || p.Columns[ci].Role != RoleQuestion {
				continue
			}
			qi := p.Columns[ci].Question
			if q := p.Questions[qi]; q.Slide != nil && (q.Kind == data.KindSingleChoice || q.Kind == data.KindMultipleChoice) {
				chosen[scanKey{session, qi, canonicalNumber(v)}] = true // ticked once, counted once
			}
		}
		for k := range chosen {
			if _, ok := counts[k]; ok || len(counts) < maxScanKeys {
				counts[k]++
			} else {
				full = true
			}
		}
	}
	book.Mismatches = nil
	if full {
		return nil // too many different answers to compare honestly
	}
	for _, s := range book.Sessions {
		for qi, q := range p.Questions {
			if q.Slide == nil {
				continue
			}
			sl := s.slide(*q.Slide)
			if sl == nil {
				continue
			}
			listed := map[string]bool{}
			for _, c := range sl.Choices {
				listed[c.Label] = true
				if n := counts[scanKey{s.Name, qi, c.Label}]; n != c.Votes {
					book.Mismatches = append(book.Mismatches, Mismatch{Session: s.Name, Prompt: q.Prompt, Option: c.Label, SessionVotes: c.Votes, Voters: n})
				}
			}
			var unlisted []Mismatch // voters' answers the Session sheet does not list at all
			for k, n := range counts {
				if k.session == s.Name && k.question == qi && !listed[k.option] {
					unlisted = append(unlisted, Mismatch{Session: s.Name, Prompt: q.Prompt, Option: k.option, Voters: n})
				}
			}
			slices.SortFunc(unlisted, func(a, b Mismatch) int { return strings.Compare(a.Option, b.Option) })
			book.Mismatches = append(book.Mismatches, unlisted...)
		}
	}
	return nil
}

// Sessions are the sessions the file holds, as the Session sheets name them.
func (p Plan) Sessions() []string {
	if p.Menti == nil {
		return nil
	}
	var out []string
	for _, s := range p.Menti.Sessions {
		if !slices.Contains(out, s.Name) {
			out = append(out, s.Name)
		}
	}
	return out
}
