package survey

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestMain removes the 100,000-respondent file the tests and benchmarks share.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigPath != "" {
		os.RemoveAll(filepath.Dir(bigPath))
	}
	os.Exit(code)
}

// readBound is how long a read of the partners takes while an import
// writes (the median of the reads): a screen must not wait for the import.
// blockedBound catches any read that waited for the writer — those take as
// long as the import, seconds — while leaving room for the odd read a busy
// two-core machine schedules late.
const (
	readBound    = 50 * time.Millisecond
	blockedBound = 1 * time.Second
)

// TestPartnersReadDuringBigImport reads the network's partners again and
// again while a 100,000-respondent import holds the writer, and wants them
// back within readBound (no read near the import's length): reads go through the read-only pool, not
// behind the import's transaction (reads blocked behind it take as long as
// the import: seconds).
func TestPartnersReadDuringBigImport(t *testing.T) {
	if raceDetector {
		t.Skip("a bound in milliseconds means nothing under the race detector (the import takes 30 s there); the normal run checks it")
	}
	path := bigSurvey(t)
	s, n := demoStore(t)
	ctx := context.Background()
	writing := make(chan struct{}) // closed once the import's transaction has stored rows
	var once sync.Once
	done := make(chan error, 1)
	go func() {
		_, _, err := Import(ctx, s, n.ID, path, Options{Title: "Big",
			Progress: func(int, float64) { once.Do(func() { close(writing) }) }})
		done <- err
	}()
	select {
	case <-writing:
	case err := <-done:
		t.Fatalf("the import ended before it wrote: %v", err)
	}
	var took []time.Duration
	importDone := false
	for !importDone {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			importDone = true
			continue
		default:
		}
		start := time.Now()
		ps, err := s.Partners(ctx, n.ID)
		took = append(took, time.Since(start))
		if err != nil || len(ps) != 9 {
			t.Fatalf("read %d partners during the import (%v), want 9", len(ps), err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	sorted := slices.Clone(took)
	slices.Sort(sorted)
	longest, median := sorted[len(sorted)-1], sorted[len(sorted)/2]
	t.Logf("%d reads of the partners during the import: median %v, longest %v", len(took), median, longest)
	if median >= readBound || longest >= blockedBound {
		t.Fatalf("reads of the partners during the import: median %v (want under %v), longest %v (want under %v): reads waited for the writer", median, readBound, longest, blockedBound)
	}
	if len(took) < 5 {
		t.Fatalf("only %d reads started while the import ran (%v); the import was too quick to tell", len(took), took)
	}
}
