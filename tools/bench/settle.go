package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"goconcurrency.dev/playground/tools/internal/browser"
)

// A browser just started is busy for a few seconds with its own pages: on this kind of
// machine Chromium's omnibox and other built-in WebUI took most of a core for 2-4 s after
// every start, the very seconds in which a benchmark that opens the lesson at once
// measures the page. A learner opens the lesson in a browser that is already running, so
// every visit here starts a browser and waits for it to go quiet before opening the page.
const (
	// quietShare is the share of one core below which the browser counts as quiet.
	quietShare = 0.10
	// quietWindow is how long it must stay below quietShare.
	quietWindow = 500 * time.Millisecond
	// settleLimit is the longest wait; a browser still busy then is used as it is.
	settleLimit = 15 * time.Second
)

// startBrowser starts Chromium with its profile in dir (browser.Start) and waits until
// the browser, all its processes together, has gone quiet. The function it returns
// closes the browser as a learner would, its profile written for the next visit.
func startBrowser(dir string) (context.Context, context.CancelFunc, error) {
	ctx, cancel, err := browser.Start(context.Background(), dir)
	if err != nil {
		return nil, nil, err
	}
	if p := chromedp.FromContext(ctx).Browser.Process(); p != nil {
		if waited, ok := waitQuiet(p.Pid, settleLimit); !ok {
			fmt.Printf("  (the browser was still busy after %v)\n", waited.Round(time.Millisecond))
		}
	}
	// Closed the way a learner closes it, the browser writes what it keeps (localStorage,
	// its caches' indexes) before it exits, as the next visit to this profile expects;
	// stopping the process outright lost the page's localStorage.
	closeBrowser := func() {
		closing, stop := context.WithTimeout(ctx, browserClose)
		defer stop()
		if err := chromedp.Cancel(closing); err != nil {
			fmt.Printf("  (closing the browser: %v)\n", err)
		}
		cancel()
	}
	return ctx, closeBrowser, nil
}

// browserClose is how long a browser is given to close itself before it is stopped.
const browserClose = 20 * time.Second

// waitQuiet waits until the process pid and its descendants together use less than
// quietShare of a core over quietWindow, or limit has passed. It reports how long it
// waited and whether the processes went quiet. Without /proc it does not wait.
func waitQuiet(pid int, limit time.Duration) (time.Duration, bool) {
	start := time.Now()
	const step = quietWindow / 2
	last, ok := cpuTime(pid)
	if !ok {
		return 0, true
	}
	var history []time.Duration // CPU time used in each step
	for time.Since(start) < limit {
		time.Sleep(step)
		now, ok := cpuTime(pid)
		if !ok {
			return time.Since(start), true
		}
		history = append(history, now-last)
		last = now
		if n := int(quietWindow / step); len(history) >= n {
			var used time.Duration
			for _, d := range history[len(history)-n:] {
				used += d
			}
			if float64(used) < quietShare*float64(quietWindow) {
				return time.Since(start), true
			}
		}
	}
	return time.Since(start), false
}

// clockTick is the unit of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuTime is the user and system CPU time used so far by pid and all its descendants
// alive now, from /proc.
func cpuTime(pid int) (time.Duration, bool) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, false
	}
	parent := map[int]int{}
	ticks := map[int]int64{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// The command name, in parentheses, may hold spaces: the fields follow its end.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 13 {
			continue
		}
		// After the name: state, ppid, ..., utime (12th), stime (13th).
		pp, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		parent[p] = pp
		ticks[p] = ut + st
	}
	if _, ok := parent[pid]; !ok {
		return 0, false
	}
	var total int64
	for p, t := range ticks {
		for q := p; q > 1; q = parent[q] {
			if q == pid {
				total += t
				break
			}
		}
	}
	return time.Duration(total) * clockTick, true
}
