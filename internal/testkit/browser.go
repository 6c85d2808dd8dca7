package testkit

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Browser drives Debian's headless Chromium through chromedriver's
// WebDriver protocol (plain JSON over HTTP: no library needed).
type Browser struct {
	t       testing.TB
	base    string // chromedriver session URL
	client  *http.Client
	session string
}

// StartBrowser starts Chromium at a phone's screen size (CSS pixels); the
// browser ends with the test.
func StartBrowser(t testing.TB, width, height int) *Browser {
	t.Helper()
	driver := RequireTool(t, "chromedriver")
	chromium := RequireTool(t, "chromium")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(driver, fmt.Sprintf("--port=%d", port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	b := &Browser{t: t, base: fmt.Sprintf("http://127.0.0.1:%d", port), client: &http.Client{Timeout: 60 * time.Second}}
	for i := 0; ; i++ {
		if resp, err := b.client.Get(b.base + "/status"); err == nil {
			resp.Body.Close()
			break
		}
		if i == 100 {
			t.Fatal("chromedriver did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The flags keep Chromium off the network it cannot reach here.
	args := []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(), fmt.Sprintf("--window-size=%d,%d", width, height), "--force-device-scale-factor=2"}
	var created struct {
		Value struct {
			SessionID string `json:"sessionId"`
		} `json:"value"`
	}
	b.call("POST", "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome", "goog:chromeOptions": map[string]any{"binary": chromium, "args": args,
			"mobileEmulation": map[string]any{"deviceMetrics": map[string]any{"width": width, "height": height, "pixelRatio": 2}}}}}}, &created)
	b.session = created.Value.SessionID
	t.Cleanup(func() { b.call("DELETE", "", nil, nil) })
	return b
}

// call sends one WebDriver command and decodes its answer into out.
func (b *Browser) call(method, path string, body, out any) {
	b.t.Helper()
	url := b.base + path
	if b.session != "" {
		url = b.base + "/session/" + b.session + path
	}
	var rd io.Reader
	if body != nil {
		j, _ := json.Marshal(body)
		rd = bytes.NewReader(j)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Content-Type", "application/json")
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		b.t.Fatalf("webdriver %s %s: %d %s", method, path, resp.StatusCode, raw)
	}
	if out != nil {
		json.Unmarshal(raw, out)
	}
}

// Open loads a page.
func (b *Browser) Open(url string) { b.call("POST", "/url", map[string]any{"url": url}, nil) }

// element finds the first element matching a CSS selector.
func (b *Browser) element(css string) string {
	b.t.Helper()
	var found struct {
		Value map[string]string `json:"value"`
	}
	b.call("POST", "/element", map[string]any{"using": "css selector", "value": css}, &found)
	for _, id := range found.Value {
		return id
	}
	b.t.Fatalf("no element %s", css)
	return ""
}

// Type types text into the element matching css.
func (b *Browser) Type(css, text string) {
	b.call("POST", "/element/"+b.element(css)+"/value", map[string]any{"text": text}, nil)
}

// Click clicks the element matching css (a button, a radio button's label).
func (b *Browser) Click(css string) {
	b.call("POST", "/element/"+b.element(css)+"/click", map[string]any{}, nil)
}

// Text is the visible text of the page.
func (b *Browser) Text() string { return b.Exec("return document.body.innerText") }

// Exec runs script in the page with args (arguments[0]…) and returns what
// it returns as text. ChromeDriver types only characters of the Basic
// Multilingual Plane: emoji go in through a script.
func (b *Browser) Exec(script string, args ...any) string {
	var v struct {
		Value any `json:"value"`
	}
	if args == nil {
		args = []any{}
	}
	b.call("POST", "/execute/sync", map[string]any{"script": script, "args": args}, &v)
	return fmt.Sprint(v.Value)
}

// Insert puts text into the element matching css at its caret as typing
// or pasting does (the page's input handlers run), whatever its characters.
func (b *Browser) Insert(css, text string) {
	b.Exec(`var e = document.querySelector(arguments[0]); e.focus(); document.execCommand("insertText", false, arguments[1]);`, css, text)
}

// Screenshot saves the page as PNG.
func (b *Browser) Screenshot(path string) {
	var v struct {
		Value string `json:"value"`
	}
	b.call("GET", "/screenshot", nil, &v)
	png, err := base64.StdEncoding.DecodeString(v.Value)
	if err != nil || !strings.HasPrefix(string(png), "\x89PNG") {
		b.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// WaitText waits up to ten seconds for the page to show want and returns
// its text; a form's submission may still be loading after a click.
func (b *Browser) WaitText(want string) string {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		text := b.Text()
		if strings.Contains(text, want) || time.Now().After(deadline) {
			return text
		}
		time.Sleep(100 * time.Millisecond)
	}
}
