package sync

import (
	"context"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

func TestZZTiming(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Now()
	a := newLaptop(t, dir, "A")
	t.Log("open", time.Since(t0))
	t0 = time.Now()
	res, _ := demo.Load(context.Background(), a.st)
	t.Log("demo", time.Since(t0))
	t0 = time.Now()
	r := a.sync(res.Network.ID)
	t.Log("sync", time.Since(t0), r.Sent)
	t0 = time.Now()
	a.sync(res.Network.ID)
	t.Log("sync2", time.Since(t0))
	b := newLaptop(t, dir, "B")
	deliver(t, a, b)
	t0 = time.Now()
	b.sync(res.Network.ID)
	t.Log("syncB", time.Since(t0))
	t0 = time.Now()
	b.hashes(res.Network.ID)
	t.Log("hash", time.Since(t0))
}
