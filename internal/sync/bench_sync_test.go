package sync

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// BenchmarkSyncDemoNetwork: B, holding the demo network, syncs after A
// edited 20 of its records — one sync of B with one file to merge, the
// snapshot included (the everyday sync).
func BenchmarkSyncDemoNetwork(b *testing.B) {
	dir := b.TempDir()
	a, bl := newLaptop(b, dir, "A"), newLaptop(b, dir, "B")
	res, err := demo.Load(context.Background(), a.st)
	if err != nil {
		b.Fatal(err)
	}
	network := res.Network.ID
	a.sync(network)
	deliver(b, a, bl)
	bl.sync(network)
	for j := 0; j < 20; j++ {
		a.sql(`UPDATE partners SET next_steps = ? WHERE id = (SELECT id FROM partners WHERE network_id = ?2 ORDER BY id LIMIT 1 OFFSET ?3 % 9)`, fmt.Sprint("edit ", j), network, j)
	}
	a.sync(network)
	deliver(b, a, bl)
	bl.st.Close()
	saved := filepath.Join(dir, "B-saved.db")
	if err := copyFile(bl.st.Path(), saved); err != nil {
		b.Fatal(err)
	}
	base := basePath(bl.st.Path(), network)
	if err := copyFile(base, base+".saved"); err != nil {
		b.Fatal(err)
	}
	var cpuSpent time.Duration
	b.Cleanup(func() { b.ReportMetric(float64(cpuSpent.Milliseconds())/float64(b.N), "cpu-ms/op") })
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		fresh := filepath.Join(dir, fmt.Sprintf("B%d.db", i))
		if err := copyFile(saved, fresh); err != nil {
			b.Fatal(err)
		}
		if err := copyFile(base+".saved", basePath(fresh, network)); err != nil {
			b.Fatal(err)
		}
		l := reopen(b, bl, fresh)
		b.StartTimer()
		cpu := cpuTime()
		r := l.sync(network)
		cpuSpent += cpuTime() - cpu
		b.StopTimer()
		if r.Files != 1 {
			b.Fatalf("merged %d files", r.Files)
		}
		l.st.Close()
		b.StartTimer()
	}
}
