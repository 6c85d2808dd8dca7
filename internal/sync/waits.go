package sync

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/text"

	"zombiezen.com/go/sqlite"
)

// wait is why files of a laptop cannot be applied yet: the changeset seq
// of laptop for, which is not in the folder (a file of for itself when
// laptop == for, else one of another laptop that it was written on).
type wait struct {
	laptop, awaited string
	seq             int64
	files           int // how many files wait
}

// waitWords puts the waits into words that name the laptops and say what
// to do; a laptop whose folder is not there at all is said to be gone from
// the folder (a folder removed, a tool that has not copied it yet).
func waitWords(c *sqlite.Conn, folder, network string, waits []wait) ([]string, error) {
	if len(waits) == 0 {
		return nil, nil
	}
	_, name, err := namer(c, folder, network)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(waits, func(a, b wait) int {
		return cmp.Or(strings.Compare(a.laptop, b.laptop), strings.Compare(a.awaited, b.awaited))
	})
	var out []string
	for _, w := range waits {
		files, verb, pronoun := text.Count(w.files, "file", "files"), "waits", "it was"
		if w.files != 1 {
			verb, pronoun = "wait", "they were"
		}
		line := fmt.Sprintf("%s of %s %s for its changeset %d.", files, name(w.laptop), verb, w.seq)
		if w.awaited != w.laptop {
			line = fmt.Sprintf("%s of %s %s for changeset %d of %s, which %s written on.", files, name(w.laptop), verb, w.seq, name(w.awaited), pronoun)
		}
		if info, err := os.Stat(filepath.Join(folder, network, w.awaited)); err != nil || !info.IsDir() {
			line += fmt.Sprintf(" The folder has no files of %s at all: if its folder was removed, let %s sync with this folder again, or start this laptop from a hand-over.", name(w.awaited), name(w.awaited))
		} else {
			line += fmt.Sprintf(" It comes once the folder tool has copied it, or %s syncs again.", name(w.awaited))
		}
		out = append(out, line)
	}
	return out, nil
}
