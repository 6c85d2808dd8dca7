package live

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// loadAnswers are the load tests' answers of phone i, by question: the
// counts they add up to are checked by checkLoadResults.
func loadAnswers(se *Session) map[int]func(i int) url.Values {
	qs := se.Questions
	words := []string{"trust", "youth", "dialogue", "budget", "courage"}
	return map[int]func(i int) url.Values{
		0: func(i int) url.Values { return url.Values{"v": {qs[0].Options[i%4]}} },
		1: func(i int) url.Values { return url.Values{"v": {qs[1].Options[i%4], qs[1].Options[(i+1)%4]}} },
		2: func(i int) url.Values {
			v := url.Values{"v0": {strconv.Itoa(i%5 + 1)}, "v1": {strconv.Itoa((i/5)%5 + 1)}}
			if i%7 != 0 {
				v.Set("v2", "3")
			}
			return v
		},
		3: func(i int) url.Values { return url.Values{"v": {"civic trust", words[i%5]}} },
		5: func(i int) url.Values {
			perm := [][3]string{{"1", "2", "3"}, {"1", "3", "2"}, {"2", "1", "3"}, {"2", "3", "1"}, {"3", "1", "2"}, {"3", "2", "1"}}[i%6]
			return url.Values{"v0": {perm[0]}, "v1": {perm[1]}, "v2": {perm[2]}}
		},
	}
}

func firstError(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func expect303(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func percentiles(ds []time.Duration) (p50, p99, worst time.Duration) {
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2], s[len(s)*99/100], s[len(s)-1]
}

// rankingItems are the ranking question's items in the template's order.
var rankingItems = []string{"Participatory budget", "Cooperation with NGOs", "Clear legislative framework"}

// checkLoadResults compares the counts with what the phones sent.
func checkLoadResults(t *testing.T, res survey.Results, n int) {
	t.Helper()
	q := res.Questions
	for _, qi := range []int{0, 1, 2, 3, 5} {
		if q[qi].Respondents != n {
			t.Errorf("question %d counted %d respondents, want %d", qi+1, q[qi].Respondents, n)
		}
	}
	for _, o := range q[0].Options {
		if o.Count != n/4 {
			t.Errorf("single choice %q: %d, want %d", o.Label, o.Count, n/4)
		}
	}
	for _, o := range q[1].Options {
		if o.Count != n/2 {
			t.Errorf("multiple choice %q: %d, want %d", o.Label, o.Count, n/2)
		}
	}
	st := q[2].Statements
	want2 := 0
	for i := range n {
		if i%7 != 0 {
			want2++
		}
	}
	if st[0].Count != n || st[0].Mean != 3 || st[0].Values["1"] != n/5 || st[1].Count != n || st[2].Count != want2 || st[2].Mean != 3 {
		t.Errorf("scales %+v", st)
	}
	words := map[string]int{}
	for _, w := range q[3].Words {
		words[w.Word] = w.Count
	}
	if words["civic trust"] != n || words["trust"] != n/5 || words["courage"] != n/5 {
		t.Errorf("word cloud %v", words)
	}
	perms := [][3]int{{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}}
	totals := map[string]int{}
	for i := range n {
		for item, place := range perms[i%6] {
			totals[rankingItems[item]] += place
		}
	}
	for _, it := range q[5].Items {
		if it.Count != n || it.Total != totals[it.Label] {
			t.Errorf("ranking %+v, want total %d", it, totals[it.Label])
		}
	}
}
