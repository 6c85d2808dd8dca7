package shell

import (
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
)

// A sync's report counts in words: one change, one file, one conflict.
func TestASyncOfOneSaysOne(t *testing.T) {
	got := syncSummary(sync.Report{Sent: 1, Files: 1, Received: 1, Conflicts: 1})
	for _, want := range []string{"Sent 1 change of this laptop.", "Received 1 change of the other laptops (1 file).", "To review: 1 conflict"} {
		if !strings.Contains(got, want) {
			t.Errorf("the report says %q, not %q", got, want)
		}
	}
}
