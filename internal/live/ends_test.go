package live

import (
	"testing"
	"time"
)

// Right on the last question and Left on the first change nothing: voting
// closed there stays closed, a countdown runs on, and the phones are not
// made to reload (Right on the last question reopened voting and stopped
// the countdown).
func TestTheEndsOfTheSurveyStayAsTheyAre(t *testing.T) {
	_, se, _ := startLive(t, DefaultLimits)
	last := len(se.Questions) - 1
	for range last {
		se.Next()
	}
	se.SetOpen(false)
	before := se.State()
	if after := se.Next(); after.Question != last || after.Open || after.Version != before.Version {
		t.Errorf("Right on the closed last question: %+v, before %+v", after, before)
	}
	se.Reopen()
	counting := se.Countdown(time.Minute)
	if after := se.Next(); after.Deadline != counting.Deadline || !after.Open || after.Version != counting.Version {
		t.Errorf("Right on the last question during its countdown: %+v, before %+v", after, counting)
	}
	for range last {
		se.Prev()
	}
	first := se.SetOpen(false)
	if after := se.Prev(); after.Question != 0 || after.Open || after.Version != first.Version {
		t.Errorf("Left on the closed first question: %+v", after)
	}
	if after := se.First(); after.Open || after.Version != first.Version {
		t.Errorf("Home on the closed first question: %+v", after)
	}
	se.ToggleQA()
	if after := se.First(); after.QA || after.Question != 0 {
		t.Errorf("Home from the Q&A over the first question: %+v", after)
	}
}
