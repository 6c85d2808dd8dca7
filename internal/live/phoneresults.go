package live

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// The results the phones see are read again at most every resultsEvery
// for the room's size (pollrate.go): every phone's page shares one reading,
// and as each change makes every phone reload, the interval bounds those
// reloads. A phone that has just voted is shown a reading that counts its
// vote (resultsFor's fresh), without making the others reload sooner.

// freshSoonest is the least time between two readings made for voters:
// a busy room's voters then share one, and a voter's page waits for it at
// most this long, less than a person sees.
const freshSoonest = 50 * time.Millisecond

// maxPhoneCards is how many of the newest open answers a phone shows: a
// phone's screen holds a few, and each is in every phone's page.
const maxPhoneCards = 20

// phoneResults caches the current question's results as the phones show them.
type phoneResults struct {
	saved    atomic.Uint64 // votes stored so far (voted)
	readings atomic.Int64  // readings made, for tests of the cache
	mu       sync.Mutex
	at       time.Time // of the last reading
	version  uint64
	counted  uint64 // saved when the last reading began: the votes it counts
	view     *resultsView
	json     string // of view, to tell a change
	stamp    uint64 // counts changes of view: the pages rendered from it differ
	told     uint64 // the stamp the polling phones are told (changes), at most every resultsEvery
	toldAt   time.Time
	polls    pollRate // how many phones follow
}

// voted notes that a vote was stored: a reading begun before counts it not.
func (c *phoneResults) voted() { c.saved.Add(1) }

// resultsView is a question's results on a phone (hidden answers and
// filtered words left out).
type resultsView struct {
	Respondents int
	Bars        []barView   // choices, ranking, 100 points
	Scales      []scaleView // scales: a distribution per statement
	Words       []survey.WordResult
	Cards       []string // open answers, newest first
	Stamp       uint64
}

// barView is a bar; its figure is said in the page's language by the
// template: Figure as it stands ("3 (50%)"), else, when answered
// (Value), the average place or points, else "no answers yet".
type barView struct {
	Label, Figure string
	Place, Points float64 // ranking, 100 points: the average
	Value, Max    int     // for <progress>
}

type scaleView struct {
	Label  string
	Mean   float64
	Count  int // answers; no mean without
	Values []barView
}

// resultsFor is the current question's results for the phones, read at
// most every resultsEvery (or when the state changed); fresh asks for
// a reading that counts every vote stored so far (the page of a phone that
// has just voted): a new one only when the last began before this
// phone's vote was stored, so phones that poll never each recount, and
// voters who wait for one reading are all served by it.
func (se *Session) resultsFor(ctx context.Context, st State, fresh bool) (*resultsView, error) {
	c := &se.phone
	mine := c.saved.Load() // this phone's vote, if it has just voted, is among these
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		every := resultsEvery(c.polls.phones(time.Now()))
		due := c.view == nil || c.version != st.Version || time.Since(c.at) >= every
		if !due && !(fresh && c.counted < mine) {
			return c.view, nil
		}
		wait := freshSoonest - time.Since(c.at)
		if due || wait <= 0 {
			return se.readResults(ctx, st, due, every)
		}
		// The voters of the next freshSoonest share one reading: it waits
		// without the lock, so the others are served meanwhile.
		c.mu.Unlock()
		select {
		case <-time.After(wait):
			c.mu.Lock()
		case <-ctx.Done():
			c.mu.Lock()
			return nil, ctx.Err()
		}
	}
}

// readResults reads the phones' results anew (c.mu held); due: the reading
// the polling phones are told.
func (se *Session) readResults(ctx context.Context, st State, due bool, every time.Duration) (*resultsView, error) {
	c := &se.phone
	saved := c.saved.Load()
	c.readings.Add(1)
	view, err := se.readPhoneResults(ctx, st)
	if err != nil {
		return nil, err
	}
	b, _ := json.Marshal(view) // plain data: cannot fail
	if string(b) != c.json {
		c.stamp++
		c.json = string(b)
	}
	view.Stamp = c.stamp
	c.view, c.version, c.at, c.counted = view, st.Version, time.Now(), saved
	if due || time.Since(c.toldAt) >= every {
		c.told, c.toldAt = c.stamp, time.Now()
	}
	return view, nil
}

// changes is the stamp of the results the polling phones are told: it
// moves at most every resultsEvery, so a room of voters does not
// make every phone reload at each vote.
func (se *Session) changes(ctx context.Context, st State) (uint64, error) {
	if _, err := se.resultsFor(ctx, st, false); err != nil {
		return 0, err
	}
	se.phone.mu.Lock()
	defer se.phone.mu.Unlock()
	return se.phone.told, nil
}

func (se *Session) readPhoneResults(ctx context.Context, st State) (*resultsView, error) {
	res, err := se.Results(ctx)
	if err != nil {
		return nil, err
	}
	q := res.Questions[st.Question]
	v := &resultsView{Respondents: q.Respondents}
	top := max(q.Respondents, 1)
	percents := OptionPercents(q)
	for i, o := range q.Options {
		v.Bars = append(v.Bars, barView{Label: o.Label, Figure: fmt.Sprintf("%d (%d%%)", o.Count, percents[i]), Value: o.Count, Max: top})
	}
	for _, it := range q.Items {
		bar := barView{Label: it.Label, Place: it.Average, Value: it.Count, Max: top}
		if q.Kind == data.KindPoints {
			bar.Place, bar.Points = 0, it.Average
		}
		v.Bars = append(v.Bars, bar)
	}
	for _, s := range q.Statements {
		sv := scaleView{Label: s.Label, Mean: s.Mean, Count: s.Count}
		for _, value := range ScaleValues(s) {
			sv.Values = append(sv.Values, barView{Label: value, Figure: fmt.Sprint(s.Values[value]), Value: s.Values[value], Max: max(s.Count, 1)})
		}
		v.Scales = append(v.Scales, sv)
	}
	switch q.Kind {
	case data.KindSingleChoice, data.KindMultipleChoice, data.KindScales, data.KindRanking, data.KindPoints:
	case data.KindWordCloud:
		v.Words = st.Filter.Words(q.Words, se.WordLanguages())
	default: // open answers
		cards, hidden, err := se.Cards(ctx, st.Question)
		if err != nil {
			return nil, err
		}
		v.Respondents = max(q.Respondents-hidden, 0) // the answers the phones are shown
		for _, c := range cards[:min(len(cards), maxPhoneCards)] {
			v.Cards = append(v.Cards, c.Text)
		}
	}
	return v, nil
}

// OptionPercents are the shares of a question's options in whole
// percentages of its respondents (Percents).
func OptionPercents(q survey.QuestionResult) []int {
	counts := make([]int, len(q.Options))
	for i, o := range q.Options {
		counts[i] = o.Count
	}
	return Percents(counts, q.Respondents)
}

// ScaleValues are a statement's scale values in order ("1" … "5").
func ScaleValues(s survey.StatementResult) []string {
	values := make([]string, 0, len(s.Values))
	for v := range s.Values {
		values = append(values, v)
	}
	slices.SortFunc(values, func(a, b string) int {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return cmp.Compare(x, y)
	})
	return values
}
