package main

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// runSurveyRun runs a live session without the window: it prints the join
// address and code and takes the presenter's commands on standard input.
func runSurveyRun(c *cmdContext) error {
	s, _, sv, err := c.openSurvey(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	last, ran, err := live.FindLastRun(c.ctx, s, sv)
	if err != nil {
		return err
	}
	se, err := live.NewSession(c.ctx, s, sv)
	if err != nil {
		return err
	}
	if ran { // (so that the presenter is not surprised by question 3)
		fmt.Fprintf(c.stdout, "Taking up the last run: question %d of %d\n", last.Question+1, last.Questions)
	}
	if err := se.SetLanguage(cmp.Or(c.lang, "en")); err != nil {
		se.End()
		return fmt.Errorf("--lang %s: %w", c.lang, err)
	}
	addr := c.listen
	if addr == "" {
		addr = live.DefaultListen()
		if ifs := live.LANInterfaces(); len(ifs) == 0 {
			fmt.Fprintln(c.stderr, "aoce-desktop: this computer is on no network (only loopback): phones cannot reach the session; join a Wi-Fi or turn on a hotspot, or give --listen")
		} else {
			fmt.Fprintf(c.stdout, "Network: %s\n", ifs[0].Label())
		}
	}
	srv, err := live.Start(se, addr, live.DefaultLimits)
	if err != nil {
		se.End()
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	fmt.Fprintf(c.stdout, "Live: %s\nJoin at %s with the code %s\n", sv.Title, srv.URL(), se.Code())
	fmt.Fprintln(c.stdout, "Commands: "+liveCommands)
	printState(c, se)

	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(c.stdin)
		for sc.Scan() {
			lines <- strings.TrimSpace(sc.Text())
		}
		close(lines)
	}()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	for done := false; !done; {
		select {
		case line, ok := <-lines:
			done = !ok || liveCommand(c, se, line)
		case <-signals:
			done = true
		}
	}
	srv.Stop()
	res, err := se.Results(context.Background())
	if err != nil {
		return err
	}
	answers := 0
	for _, q := range res.Questions {
		answers += q.Respondents
	}
	fmt.Fprintf(c.stdout, "Session ended: %s, %s stored.\n", text.Count(res.Survey.Respondents, "participant", "participants"), text.Count(answers, "answer", "answers"))
	return nil
}

const liveCommands = "next, prev, open, close, lock, reopen, countdown SECONDS, stop, results, phones, qa, status, end"

// liveCommand carries out one command; it tells whether the session ends.
func liveCommand(c *cmdContext, se *live.Session, line string) bool {
	cmd, arg, _ := strings.Cut(line, " ")
	switch cmd {
	case "next":
		se.Next()
	case "prev":
		se.Prev()
	case "open":
		se.SetOpen(true)
	case "close":
		se.SetOpen(false)
	case "lock":
		se.Lock()
	case "reopen":
		se.Reopen()
	case "countdown":
		seconds, err := strconv.Atoi(strings.TrimSpace(arg))
		if err != nil || seconds < 1 || seconds > 3600 {
			fmt.Fprintf(c.stdout, "countdown takes seconds from 1 to 3600, as in \"countdown 60\"\n")
			return false
		}
		se.Countdown(time.Duration(seconds) * time.Second)
	case "stop":
		se.StopCountdown()
	case "results":
		se.ToggleResults()
	case "phones":
		se.TogglePhoneResults()
	case "qa":
		se.ToggleQA()
	case "status", "":
	case "end", "quit", "exit":
		return true
	default:
		fmt.Fprintf(c.stdout, "unknown command %q; use %s\n", cmd, liveCommands)
		return false
	}
	printState(c, se)
	return false
}

func printState(c *cmdContext, se *live.Session) {
	st := se.State()
	q := se.Questions[st.Question]
	voting := "voting open"
	switch {
	case st.Open && !st.Deadline.IsZero():
		voting = fmt.Sprintf("voting open, closes in %s", st.Remaining(time.Now()).Round(time.Second))
	case st.Locked:
		voting = "locked"
	case !st.Open:
		voting = "voting closed"
	}
	if err := se.SaveError(); err != nil {
		fmt.Fprintf(c.stderr, "aoce-desktop: the session's controls could not be stored: %v\n", err)
	}
	if st.PhoneResults {
		voting += ", results on the phones"
	}
	if st.QA {
		voting += ", Q&A on"
	}
	answers := "answers unknown"
	if res, err := se.Results(context.Background()); err != nil {
		fmt.Fprintf(c.stderr, "aoce-desktop: could not count the answers: %v\n", err)
	} else {
		answers = fmt.Sprintf("%d answers", res.Questions[st.Question].Respondents)
	}
	fmt.Fprintf(c.stdout, "Question %d of %d (%s, %s): %s\n", st.Question+1, len(se.Questions), voting, answers, q.Prompt)
}
