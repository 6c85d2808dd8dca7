//go:build unix

package live

import (
	"fmt"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// BenchmarkVoteWriter stores first votes of the room's phones through the
// vote writer, on a choice question and on the open question of the demo
// survey, in batches as a quiet room (one vote per transaction) and a busy
// one (32) make them. One op is one vote; cpu-ms/op is the process's CPU
// time per vote, which other processes on the machine change less than
// the wall time (the writer is one goroutine: its CPU per vote bounds the
// votes a second the room can send before they queue).
func BenchmarkVoteWriter(b *testing.B) {
	answers := map[string][]string{
		data.KindSingleChoice: nil, // the question's options, in turn
		data.KindOpenEnded: {
			"Working with schools and youth workers in the neighbourhood",
			"A night market run by the residents of the old town",
			"Street football with the police every Friday",
			"Listening first, then a budget the young people decide",
		},
	}
	for _, kind := range []string{data.KindSingleChoice, data.KindOpenEnded} {
		for _, batch := range []int{1, 32} {
			b.Run(fmt.Sprintf("%s/batch=%d", kind, batch), func(b *testing.B) {
				_, se, _ := startLive(b, DefaultLimits)
				qi := -1
				for i, q := range se.Questions {
					if q.Kind == kind && qi < 0 {
						qi = i
					}
				}
				if qi < 0 {
					b.Fatalf("the demo survey has no %s question", kind)
				}
				for range qi {
					se.Next()
				}
				texts := answers[kind]
				if texts == nil {
					texts = se.Questions[qi].Options
				}
				voters := make([]string, b.N)
				for i := range voters {
					voters[i] = fmt.Sprintf("bench-voter-%d", i)
				}
				for i := 0; i < b.N; i += maxBatch {
					joins := make([]writeReq, 0, maxBatch)
					for _, v := range voters[i:min(i+maxBatch, b.N)] {
						joins = append(joins, writeReq{join: true, tokenHash: v, done: make(chan writeResult, 1)})
					}
					se.votes.commit(joins)
				}
				cpu := cpuTime()
				b.ResetTimer()
				for n := 0; n < b.N; n += batch {
					reqs := make([]writeReq, 0, batch)
					for i := n; i < min(n+batch, b.N); i++ {
						reqs = append(reqs, writeReq{tokenHash: voters[i], question: qi, done: make(chan writeResult, 1),
							answer: []string{texts[i%len(texts)]}})
					}
					se.votes.commit(reqs)
					for _, r := range reqs {
						if res := <-r.done; res.err != nil {
							b.Fatal(res.err)
						}
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
