package live

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// pageCache keeps the question pages of the current state: when the
// presenter moves on, every phone reloads the same page (and most send one
// of a few answers back), so one rendering serves them all instead of
// each running the template.
type pageCache struct {
	mu      sync.Mutex
	version uint64 // of the state the pages show; a newer one empties the cache
	pages   map[string][]byte
}

// maxCachedPages bounds the cache (word clouds and open answers differ per
// phone: beyond this, their pages are rendered each time).
const maxCachedPages = 1024

// html renders a page, from the cache when it is a question page rendered
// before for the same state, notice and answer.
func (c *pageCache) html(d pageData) ([]byte, error) {
	key, cacheable := pageKey(d)
	if cacheable {
		c.mu.Lock()
		if d.Version > c.version { // a late request of an older state leaves the cache alone
			c.version, c.pages = d.Version, nil
		}
		b, ok := c.pages[key]
		ok = ok && c.version == d.Version
		c.mu.Unlock()
		if ok {
			return b, nil
		}
	}
	var buf bytes.Buffer
	if err := pages[d.L.Code].ExecuteTemplate(&buf, "page", d); err != nil {
		return nil, err
	}
	if cacheable {
		c.mu.Lock()
		if c.version == d.Version && len(c.pages) < maxCachedPages {
			if c.pages == nil {
				c.pages = map[string][]byte{}
			}
			c.pages[key] = buf.Bytes()
		}
		c.mu.Unlock()
	}
	return buf.Bytes(), nil
}

// pageKey names what a question page shows besides the state's version and
// the survey (the same for the whole session); pages with an error or
// other views are not cached.
func pageKey(d pageData) (string, bool) {
	if d.View != "question" || d.Q == nil || d.Error != "" || d.Message != "" || d.Code != "" || d.Partners != nil {
		return "", false
	}
	results := ""
	if d.Q.Results != nil {
		results = strconv.FormatUint(d.Q.Results.Stamp, 10)
	}
	return d.L.Code + "\x00" + d.Notice + "\x00" + strconv.Itoa(d.Q.Index) + "\x00" + strconv.FormatBool(d.Q.Open) + "\x00" + results + "\x00" + strings.Join(d.Q.given, "\x00"), true
}

// The countdown's placeholders in a page: the time left is filled in as
// the page is sent, so that cached pages tell each phone the server's time.
var (
	remainingMark = []byte("__REMAINING__")
	clockMark     = []byte("__CLOCK__")
)

// withRemaining fills the countdown's placeholders with the time left.
func withRemaining(page []byte, left time.Duration) []byte {
	if !bytes.Contains(page, remainingMark) {
		return page
	}
	seconds := int((left + time.Second - 1) / time.Second)
	page = bytes.ReplaceAll(page, remainingMark, []byte(strconv.Itoa(seconds)))
	return bytes.ReplaceAll(page, clockMark, []byte(fmt.Sprintf("%d:%02d", seconds/60, seconds%60)))
}
