package sync

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
)

// magic opens every changeset file; the JSON header line follows it.
const magic = "AOCE-DESKTOP CHANGESET\n"

// header names what a changeset file holds, so that a file is checked
// before anything of it is applied.
type header struct {
	Schema     int64  `json:"schema"` // the writer's schema version: a newer one is refused
	Network    string `json:"network"`
	Laptop     string `json:"laptop"`
	LaptopName string `json:"laptopName,omitempty"`
	Seq        int64  `json:"seq"`
	Written    string `json:"written"`
	// Seen: the last file of each other laptop applied where this one was
	// written. What it holds may build on them (a row added to a grid
	// another laptop made), so a laptop applies it only after them: a
	// record whose parent has not arrived yet would be taken for one made
	// under a record deleted here.
	Seen   map[string]int64 `json:"seen,omitempty"`
	Size   int              `json:"size"`   // of the changeset after the header
	SHA256 string           `json:"sha256"` // of the changeset: a torn or damaged file is refused
}

// changesetPath is where a laptop's changeset number seq of a network goes.
func changesetPath(folder, network, laptop string, seq int64) string {
	return filepath.Join(folder, network, laptop, fmt.Sprintf("%08d.changeset", seq))
}

// seqOf reads the number from a changeset file's name ("00000012.changeset").
func seqOf(name string) (int64, bool) {
	n, ok := strings.CutSuffix(name, ".changeset")
	if !ok {
		return 0, false
	}
	seq, err := strconv.ParseInt(n, 10, 64)
	return seq, err == nil && seq > 0
}

func writeChangeset(path string, h header, cs []byte) error {
	sum := sha256.Sum256(cs)
	h.Size, h.SHA256 = len(cs), hex.EncodeToString(sum[:])
	hj, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, magic); err != nil {
			return err
		}
		if _, err := w.Write(append(hj, '\n')); err != nil {
			return err
		}
		_, err := w.Write(cs)
		return err
	})
}

// readChangeset reads and checks a changeset file; the error says what is wrong with it.
func readChangeset(path string) (header, []byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return header{}, nil, err
	}
	h, n, err := headerFrom(bufio.NewReader(bytes.NewReader(b)))
	if err != nil {
		return h, nil, err
	}
	cs := b[n:]
	sum := sha256.Sum256(cs)
	if err := checkBody(h, len(cs), sum[:]); err != nil {
		return h, nil, err
	}
	return h, cs, nil
}

// openChangeset opens a changeset file for verifyChangeset; a test counts
// the files read through it.
var openChangeset = os.Open

// verifyChangeset checks a changeset file as readChangeset does, passing
// it through the checksum instead of holding it in memory.
func verifyChangeset(path string) error {
	f, err := openChangeset(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	h, _, err := headerFrom(r)
	if err != nil {
		return err
	}
	sum := sha256.New()
	n, err := io.Copy(sum, io.LimitReader(r, int64(h.Size)+1)) // one byte more tells a longer file
	if err != nil {
		return err
	}
	return checkBody(h, int(n), sum.Sum(nil))
}

// headerFrom reads the opening and the header of a changeset file and says
// how many bytes they took.
func headerFrom(r *bufio.Reader) (header, int, error) {
	var h header
	first, err := r.ReadString('\n')
	if err != nil || first != magic {
		return h, 0, errors.New("is not an AoCE Desktop changeset")
	}
	line, err := r.ReadBytes('\n')
	if err != nil {
		return h, 0, errors.New("has no complete header")
	}
	if err := json.Unmarshal(line, &h); err != nil {
		return h, 0, fmt.Errorf("has a damaged header: %v", err)
	}
	return h, len(first) + len(line), nil
}

// checkBody compares the changeset's length and checksum with its header's.
func checkBody(h header, size int, sum []byte) error {
	if size != h.Size || hex.EncodeToString(sum) != h.SHA256 {
		return fmt.Errorf("is incomplete or damaged (%d bytes of %d, or its checksum differs): the laptop that wrote it puts it back at its next sync, from the copy it keeps", size, h.Size)
	}
	return nil
}
