package survey

import (
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// tally counts answers while an import reads them. Its keys are small
// integers (question and partner positions) rather than the ids the store
// uses: hashing ids was 40 % of a 100,000-respondent import.
type tally struct {
	answered map[[2]int32]int            // (question, partner) → respondents who answered
	counts   map[[4]int32]int            // (question, partner, option, value) → how often
	words    map[[2]int32]map[string]int // (question, partner) → word → how often
	entries  int                         // words held, over every question and partner
	floor    int                         // counts at or below it were dropped to bound the memory
}

// maxWordEntries bounds the words a tally holds: open text of half a
// million respondents has a different word (a number, a name) in nearly
// every answer, and counting each held 400 MB. Beyond it the rarest words
// are dropped (lossy counting): a word cloud shows the most frequent
// words, whose counts stay exact unless they were rare for a long while.
const maxWordEntries = 300_000

func newTally() *tally {
	return &tally{answered: map[[2]int32]int{}, counts: map[[4]int32]int{}, words: map[[2]int32]map[string]int{}}
}

// everybody is the partner position of the counts over all respondents.
const everybody = 0

// add counts one respondent's answers for everybody and, when the
// respondent has one, for their partner (position > 0).
func (t *tally) add(plan Plan, r data.Respondent, partner int32, option func(q int, label string) int) {
	keys := [2]int32{everybody, partner}
	n := 1
	if partner > 0 {
		n = 2
	}
	for qi, ans := range r.Answers {
		if !answered(ans) {
			continue
		}
		q := plan.Questions[qi]
		for _, pk := range keys[:n] {
			t.answered[[2]int32{int32(qi), pk}]++
		}
		switch q.Kind {
		case data.KindSingleChoice, data.KindMultipleChoice:
			for _, label := range ans {
				opt := int32(option(qi, label))
				for _, pk := range keys[:n] {
					t.counts[[4]int32{int32(qi), pk, opt, 0}]++
				}
			}
		case data.KindScales, data.KindRanking, data.KindPoints:
			for si, v := range ans { // the number given to each statement or item
				if num, err := strconv.Atoi(v); err == nil {
					for _, pk := range keys[:n] {
						t.counts[[4]int32{int32(qi), pk, int32(si), int32(num)}]++
					}
				}
			}
		default:
			count := func(word string) {
				for _, pk := range keys[:n] {
					t.word(int32(qi), pk, word)
				}
			}
			for _, text := range ans {
				if q.Kind == data.KindWordCloud && q.WholeEntries {
					if entry := wholeEntry(text); entry != "" {
						count(entry)
					}
					continue
				}
				if q.Kind == data.KindWordCloud && q.CloudEntries {
					for _, entry := range CloudEntries(text) {
						count(entry)
					}
					continue
				}
				eachWord(text, count)
			}
		}
	}
}

func (t *tally) word(q, partner int32, word string) {
	m := t.words[[2]int32{q, partner}]
	if m == nil {
		m = map[string]int{}
		t.words[[2]int32{q, partner}] = m
	}
	if m[word]++; m[word] == 1 {
		if t.entries++; t.entries > maxWordEntries {
			t.dropRareWords()
		}
	}
}

// dropRareWords forgets the words counted least, raising the floor until
// at most half the budget is held.
func (t *tally) dropRareWords() {
	for t.entries > maxWordEntries/2 {
		t.floor++
		for _, m := range t.words {
			for w, n := range m {
				if n <= t.floor {
					delete(m, w)
					t.entries--
				}
			}
		}
	}
}

// aggregates turns the tally into the store's aggregates, naming each
// question by its id and each partner by its id ("" for everybody).
func (t *tally) aggregates(questionIDs, partnerKeys []string) *data.Aggregates {
	a := data.NewAggregates()
	for k, n := range t.answered {
		a.Answered[[2]string{questionIDs[k[0]], partnerKeys[k[1]]}] = n
	}
	for k, n := range t.counts {
		a.Counts[data.CountKey{QuestionID: questionIDs[k[0]], PartnerKey: partnerKeys[k[1]], Option: int(k[2]), Value: int(k[3])}] = n
	}
	for k, words := range t.words {
		for w, n := range words {
			a.Words[[3]string{questionIDs[k[0]], partnerKeys[k[1]], w}] = n
		}
	}
	return a
}
