package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The headless live session: start, a phone joins and votes, the
// presenter moves on and ends; the vote is in the results afterwards.
func TestSurveyRunHeadless(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	tmpl, _ := os.ReadFile("../../assets/examples/survey-template.csv")
	file := filepath.Join(dir, "oa4.csv")
	os.WriteFile(file, tmpl, 0o644)
	mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "OA4")

	stdinR, stdinW := io.Pipe()
	stdoutR, stdoutW := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		exit <- run([]string{"survey", "run", "OA4", "--listen", "127.0.0.1:0", "--lang", "hu", "--db", db}, stdinR, stdoutW, io.Discard)
		stdoutW.Close()
	}()
	out := make(chan string, 100)
	go func() { // read the output as it comes, so that the command never waits on it
		sc := bufio.NewScanner(stdoutR)
		for sc.Scan() {
			out <- sc.Text()
		}
		close(out)
	}()
	var join, code string
	joinLine := regexp.MustCompile(`^Join at (\S+) with the code (\d{6})$`)
	for line := range out {
		if m := joinLine.FindStringSubmatch(line); m != nil {
			join, code = m[1], m[2]
			break
		}
	}
	if join == "" {
		t.Fatal("no join line")
	}
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar, Timeout: 5 * time.Second}
	// --lang hu: a phone whose own language is not offered reads Hungarian.
	req, _ := http.NewRequest("GET", join, nil)
	req.Header.Set("Accept-Language", "de-DE,de;q=0.9")
	if resp, err := phone.Do(req); err != nil {
		t.Fatal(err)
	} else {
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(page), `<html lang="hu">`) || !strings.Contains(string(page), "Csatlakozás a felméréshez") {
			t.Fatalf("the join page is not in Hungarian:\n%s", page)
		}
	}
	if resp, err := phone.PostForm(join+"join", url.Values{"code": {code}}); err != nil || resp.StatusCode != 200 {
		t.Fatalf("join: %v %v", resp, err)
	}
	if resp, err := phone.PostForm(join+"vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); err != nil || resp.StatusCode != 200 {
		t.Fatalf("vote: %v %v", resp, err)
	}
	io.WriteString(stdinW, "next\nclose\n")
	waitFor(t, out, "Question 2 of 6 (voting closed, 0 answers)")
	io.WriteString(stdinW, "countdown 90\n")
	waitFor(t, out, "Question 2 of 6 (voting open, closes in 1m30s, 0 answers)")
	io.WriteString(stdinW, "lock\nphones\n")
	waitFor(t, out, "Question 2 of 6 (locked, results on the phones, 0 answers)")
	io.WriteString(stdinW, "countdown soon\n")
	waitFor(t, out, `countdown takes seconds from 1 to 3600, as in "countdown 60"`)
	io.WriteString(stdinW, "end\n")
	waitFor(t, out, "Session ended: 1 participant, 1 answer stored.")
	if code := <-exit; code != 0 {
		t.Fatalf("exit %d", code)
	}
	if _, err := http.Get(join); err == nil {
		t.Fatal("the server still answers after the end")
	}
	var res struct {
		Questions []struct {
			Options []struct {
				Label string `json:"label"`
				Count int    `json:"count"`
			} `json:"options"`
		} `json:"questions"`
	}
	if out, err := mustRun(t, "", "survey", "run", "OA4", "--listen", "127.0.0.1:0", "--lang", "fr", "--db", db); err == nil || !strings.Contains(out+err.Error(), "--lang fr: the participant page is not in fr") {
		t.Fatalf("an unknown --lang: %v\n%s", err, out)
	}
	json.Unmarshal([]byte(mustRunOK(t, "", "survey", "results", "OA4", "--json", "--db", db)), &res)
	// the options in the question's order, not by count: the vote is on the third
	if o := res.Questions[0].Options[2]; o.Label != "Focus on staff" || o.Count != 1 {
		t.Fatalf("results after the session %+v", res.Questions[0])
	}
}

func waitFor(t *testing.T, out <-chan string, want string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-out:
			if !ok {
				t.Fatalf("the output ended without %q", want)
			}
			if strings.Contains(line, want) {
				return
			}
		case <-timeout:
			t.Fatalf("the output never said %q", want)
		}
	}
}
