package site_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/browser"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/tools/internal/server"
	"goconcurrency.dev/playground/tools/internal/site"
)

// root is the repository root, three folders above this package.
var root, _ = filepath.Abs(filepath.Join("..", "..", ".."))

// realLessons are the course lessons the browser tests open, next to the test-only
// lessons in testdata/lessons.
var realLessons = []string{"first-goroutine", "serial-vs-concurrent", "lost-update", "dining-deadlock", "recursive-lock", "producer-consumer", "event"}

type fixture struct {
	url     string
	out     string // the built site
	browser context.Context
}

var shared = sync.OnceValues(func() (*fixture, error) {
	dir, err := os.MkdirTemp("", "site-browser-test-")
	if err != nil {
		return nil, err
	}
	lessons := filepath.Join(dir, "lessons")
	if err := os.CopyFS(lessons, os.DirFS(filepath.Join("testdata", "lessons"))); err != nil {
		return nil, err
	}
	if err := copyFile(filepath.Join(root, "lessons", "chapters.yaml"), filepath.Join(lessons, "chapters.yaml")); err != nil {
		return nil, err
	}
	for _, slug := range realLessons {
		if err := os.CopyFS(filepath.Join(lessons, slug), os.DirFS(filepath.Join(root, "lessons", slug))); err != nil {
			return nil, err
		}
	}
	out := filepath.Join(dir, "site")
	err = site.Build(context.Background(), site.Options{
		Root: root, Lessons: lessons, Out: out,
		CacheDir: paths.ProgramCache(root), Minify: os.Getenv("MINIFY") != "0",
	})
	if err != nil {
		return nil, fmt.Errorf("building the site: %w", err)
	}
	srv := httptest.NewServer(server.Handler(out))
	ctx, _, err := browser.Start(context.Background(), filepath.Join(dir, "profile"))
	if err != nil {
		return nil, err
	}
	return &fixture{url: srv.URL, out: out, browser: ctx}, nil
})

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// open gives the test its own tab on the lesson page and a deadline for the test.
func open(t *testing.T, slug string) context.Context {
	t.Helper()
	return openFor(t, slug, 60*time.Second)
}

// pollTimeout is how long a wait may take: until the test's deadline.
func pollTimeout(ctx context.Context) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		return time.Until(d)
	}
	return 45 * time.Second
}

// openFor is open with a deadline of its own, for tests that build test binaries.
func openFor(t *testing.T, slug string, timeout time.Duration) context.Context {
	t.Helper()
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	tab, cancelTab := chromedp.NewContext(f.browser)
	t.Cleanup(cancelTab)
	// Tabs share the profile: start each test without saved edits or settings.
	if err := chromedp.Do(tab, chromedp.Navigate(f.url+"/lessons/"+slug+"/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`localStorage.clear() === undefined`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	t.Cleanup(cancel)
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS("button.run")))
	return ctx
}

func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitOutput waits until the output panel's text contains want.
func waitOutput(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	js := fmt.Sprintf(`document.querySelector("[role=log]").textContent.includes(%q)`, want)
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(pollTimeout(ctx)))); err != nil {
		// The wait may have used up ctx's time: the output is read with a few seconds
		// of its own, so the failure says what the page showed.
		late, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		t.Fatalf("output never showed %q: %v\noutput:\n%s", want, err, outputText(t, late))
	}
}

// outputText returns the output panel as lines of text, without the time column.
func outputText(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `[...document.querySelectorAll("[role=log] .line .text")].map(e => e.textContent).join("\n")`)
}

// TestLessonProgramsMatchExpectedOutput runs every program of the foundation lessons in
// the page, typing its .in lines when it asks for input, and compares the output panel
// with the .out file that the Node runner's golden test also checks.
func TestLessonProgramsMatchExpectedOutput(t *testing.T) {
	for _, slug := range realLessons {
		l, err := lesson.Read(filepath.Join(root, "lessons", slug))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Programs {
			t.Run(slug+"/"+p.Title, func(t *testing.T) {
				ctx := open(t, slug)
				if len(l.Programs) > 1 {
					do(t, ctx, chromedp.Click(chromedp.CSS("#tab-"+p.Title)))
				}
				do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
				typeInput(t, ctx, p.Stdin)
				waitOutput(t, ctx, "Program exited")
				got := outputText(t, ctx)
				// The closing row also shows the elapsed time: "Program exited.  (9.000s)".
				if i := strings.LastIndex(got, "  ("); i >= 0 {
					got = got[:i]
				}
				// The page shows the runtime's report without the playground's own sync
				// frames (diagnose.js shownReport); the .out file has the report whole.
				want := withoutPlaygroundFrames(string(p.Expected))
				if diff := cmp.Diff(noderun.Normalize(want), noderun.Normalize(got+"\n")); diff != "" {
					t.Errorf("page output differs from %s (-want +got):\n%s", p.ExpectedPath(), diff)
				}
			})
		}
	}
}

// withoutPlaygroundFrames drops the stack frames of the playground's own packages, each a
// function line and its file line, from a transcript.
func withoutPlaygroundFrames(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "playground/") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			i++
			continue
		}
		b.WriteString(lines[i])
	}
	return b.String()
}

// typeInput answers each input request with the next line of stdin, until the program
// exits.
func typeInput(t *testing.T, ctx context.Context, stdin []byte) {
	t.Helper()
	lines := strings.SplitAfter(string(stdin), "\n")
	for typed := 1; ; typed++ {
		state := waitFor(t, ctx, `document.querySelector("[role=log]").textContent.includes("Program exited") ? "exited" : !document.querySelector("form.stdin").hidden ? "input" : ""`)
		if state == "exited" {
			return
		}
		if len(lines) == 0 || lines[0] == "" {
			t.Fatalf("the program asks for more input than its .in file has\noutput:\n%s", outputText(t, ctx))
		}
		line := strings.TrimSuffix(lines[0], "\n")
		lines = lines[1:]
		do(t, ctx, chromedp.SendKeys(chromedp.CSS("form.stdin input"), line+"\r"))
		// The line is echoed into the output once the program has it.
		waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll("[role=log] .seg.stdin").length >= %d`, typed))
	}
}

// waitFor polls a JavaScript expression until it gives a non-empty value and returns it.
func waitFor(t *testing.T, ctx context.Context, js string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[any](js, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(pollTimeout(ctx))))
	if err != nil {
		t.Fatalf("waiting for %s: %v\noutput:\n%s", js, err, outputText(t, ctx))
	}
	s, _ := v.(string)
	if b, ok := v.(bool); ok && b {
		s = "true"
	}
	return s
}

// pastIdle waits until the page has been idle (requestIdleCallback, or 3 s at most) and
// then for another moment: past the point where the page starts its idle work.
func pastIdle(t *testing.T, ctx context.Context, moment time.Duration) {
	t.Helper()
	js := fmt.Sprintf(`new Promise((resolve) => requestIdleCallback(() => setTimeout(() => resolve(true), %d), { timeout: 3000 }))`, moment.Milliseconds())
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting past the page's idle moment: %v", err)
	}
}

func TestVirtualClockStampsLines(t *testing.T) {
	for program, wantLast := range map[string]string{"serial": "9.000s", "concurrent": "3.000s"} {
		ctx := open(t, "serial-vs-concurrent")
		do(t, ctx, chromedp.Click(chromedp.CSS("#tab-"+program)), chromedp.Click(chromedp.CSS("button.run")))
		waitOutput(t, ctx, "Program exited.")
		times := eval[[]string](t, ctx, `[...document.querySelectorAll("[role=log] .line.stdout .t")].map(e => e.textContent)`)
		if len(times) == 0 || times[len(times)-1] != wantLast {
			t.Errorf("%s: line times = %v, want the last one %s", program, times, wantLast)
		}
		if !eval[bool](t, ctx, `document.querySelector(".status").textContent.startsWith("Program exited.")`) {
			t.Errorf("%s: status does not say the program exited", program)
		}
	}
}

func TestStopEndsAnEndlessLoop(t *testing.T) {
	ctx := open(t, "test-endless")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "spinning")
	// The loop runs in the worker: the page keeps answering while it spins.
	if got := eval[int](t, ctx, `6 * 7`); got != 42 {
		t.Fatalf("page did not evaluate: %d", got)
	}
	if eval[bool](t, ctx, `document.querySelector("button.stop").disabled`) {
		t.Fatal("Stop is disabled while the program runs")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.stop")))
	waitOutput(t, ctx, "Program stopped.")
	if eval[bool](t, ctx, `document.querySelector("button.run").disabled`) {
		t.Error("Run is still disabled after Stop")
	}
	// A fresh worker runs the next program.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "spinning")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.stop")))
	waitOutput(t, ctx, "Program stopped.")
}

func TestStandardInput(t *testing.T) {
	ctx := open(t, "test-stdin")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")),
		chromedp.WaitVisible(chromedp.CSS("form.stdin input")),
		chromedp.SendKeys(chromedp.CSS("form.stdin input"), "Gopher\r"))
	waitOutput(t, ctx, "Program exited.")
	got := outputText(t, ctx)
	if !strings.Contains(got, "hello, Gopher <b>bold?</b>") {
		t.Errorf("output does not greet the typed name as text:\n%s", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("[role=log] b").length`); n != 0 {
		t.Errorf("program output became HTML: %d <b> elements in the output", n)
	}
	if !eval[bool](t, ctx, `document.querySelector("form.stdin").hidden`) {
		t.Error("the input line is still shown after the program exited")
	}
}

func TestOutputIsCapped(t *testing.T) {
	ctx := open(t, "test-flood")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Output truncated")
	rows := eval[int](t, ctx, `document.querySelectorAll("[role=log] .line").length`)
	if rows > 10100 {
		t.Errorf("output panel holds %d rows; the cap is 10,000 lines", rows)
	}
	if eval[bool](t, ctx, `document.querySelector("button.run").disabled`) {
		t.Error("Run is disabled after the program was cut off")
	}
	// A run cut off has no complete trace; the timeline says why.
	waitFor(t, ctx, `document.querySelector(".timeline-host").textContent.includes("No timeline: the program was cut off before its trace was written.")`)
}

func TestProgramReadsItsDataFiles(t *testing.T) {
	ctx := open(t, "test-files")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "read 38 bytes: a greeting kept in the lesson's files") {
		t.Errorf("output:\n%s", got)
	}
}

func TestRealClockTakesRealTime(t *testing.T) {
	ctx := open(t, "test-clock")
	do(t, ctx, chromedp.Click(chromedp.CSS("input[name=clock][value=real]")), chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	// A real sleep lasts at least what it asks for, and on a busy machine a little more.
	got := outputText(t, ctx)
	var slept time.Duration
	if i := strings.Index(got, "slept "); i >= 0 {
		slept, _ = time.ParseDuration(strings.Fields(got[i+len("slept "):])[0])
	}
	if slept < 300*time.Millisecond || slept > 5*time.Second {
		t.Errorf("output:\n%s\nwant a sleep of 300ms or a little more", got)
	}
	// The exit row's elapsed time is real time, so at least the 300 ms slept.
	elapsed := eval[string](t, ctx, `document.querySelector("[role=log] .line.exit .text").textContent`)
	var ms float64
	if _, err := fmt.Sscanf(elapsed[strings.Index(elapsed, "(")+1:], "%fms", &ms); err != nil || ms < 300 {
		t.Errorf("exit row %q: want an elapsed time of at least 300ms", elapsed)
	}
	// The choice is remembered for the next page.
	if got := eval[string](t, ctx, `localStorage.getItem("playground:clock")`); got != "real" {
		t.Errorf("saved clock = %q", got)
	}
	eval[bool](t, ctx, `localStorage.removeItem("playground:clock") === undefined`)
}

func TestArrowKeysMoveBetweenLessons(t *testing.T) {
	ctx := open(t, "test-flood")
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	waitPath(t, ctx, "/lessons/test-stdin/")
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS("button.run")), chromedp.KeyEvent(kb.ArrowLeft))
	waitPath(t, ctx, "/lessons/test-flood/")
}

// waitPath waits for the tab to show a page whose path is path; evaluation fails while
// the tab is between pages, so failures are retried until the deadline.
func waitPath(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	var last string
	for ctx.Err() == nil {
		loaded, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.pathname : ""`))
		if err == nil && loaded == path {
			return
		}
		last = loaded
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the tab did not reach %s (last seen %q)", path, last)
}

func TestDeadlockIsDiagnosed(t *testing.T) {
	ctx := open(t, "dining-deadlock")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited: status 2.")
	got := eval[[]string](t, ctx, `[...document.querySelectorAll(".diagnosis li")].map(li => li.textContent)`)
	want := []string{
		"A cycle: goroutine 10 holds noodles and wants fork; goroutine 11 holds fork and wants noodles. None of them can go on.",
		"goroutine 1 (main) waits in sync.WaitGroup.Wait at line 41.",
		"goroutine 10 (noodlesFirst) wants fork at line 18, held by goroutine 11; it holds noodles (taken at line 15).",
		"goroutine 11 (forkFirst) wants noodles at line 29, held by goroutine 10; it holds fork (taken at line 26).",
		"goroutine 12 (noodlesFirst) wants noodles at line 15, held by goroutine 10.",
		"goroutine 13 (forkFirst) wants fork at line 26, held by goroutine 11.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnosis (-want +got):\n%s", diff)
	}
	// The raw report is one click away.
	if !eval[bool](t, ctx, `(() => { const d = document.querySelector(".diagnosis details"); return !d.open && d.textContent.includes("fatal error: all goroutines are asleep - deadlock!"); })()`) {
		t.Error("the runtime's report is not folded under the diagnosis")
	}
	// The editor marks the lines where goroutines wait (errors) and took locks (warnings).
	marked := eval[[]int](t, ctx, `window.playground.editors[0].diagnostics().filter(d => d.severity === "error").map(d => d.line)`)
	for _, line := range []int{18, 29, 15, 26, 41} {
		if !slices.Contains(marked, line) {
			t.Errorf("line %d is not marked as a waiting line; marked: %v", line, marked)
		}
	}
}

func TestRecursiveLockIsDiagnosedAsSelfDeadlock(t *testing.T) {
	ctx := open(t, "recursive-lock")
	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-plain")), chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited: status 2.")
	got := eval[string](t, ctx, `document.querySelector(".diagnosis ul").textContent`)
	if !strings.Contains(got, "goroutine 10 (run3) wants mu at line 17, which it already holds (it took it at line 32)") {
		t.Errorf("diagnosis: %s", got)
	}
}

func TestMemoryFloodIsCutOff(t *testing.T) {
	ctx := open(t, "test-memory")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited: status 2.")
	got := outputText(t, ctx)
	if !strings.Contains(got, "fatal error: out of memory") || !strings.Contains(got, "more than 1024 MiB of memory, the playground's limit") {
		t.Errorf("output:\n%s", got)
	}
}

func TestPanicMarksItsLine(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	setSource(t, ctx, "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"x\"] = 1\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited: status 2.")
	if got := outputText(t, ctx); !strings.Contains(got, "The program panicked at line 5 in main: assignment to entry in nil map") {
		t.Errorf("output:\n%s", got)
	}
	marks := eval[[]int](t, ctx, `window.playground.editors[0].diagnostics().map(d => d.line)`)
	if !slices.Equal(marks, []int{5}) {
		t.Errorf("marked lines %v, want [5]", marks)
	}
	waitFor(t, ctx, `document.querySelector(".timeline-host").textContent.includes("No timeline: the program crashed before its trace was written.")`)
}

// TestCrowdedDeadlockIsGrouped: a thousand goroutines waiting for one mutex get one
// sentence, with their numbers a click away, and the panel stays short.
func TestCrowdedDeadlockIsGrouped(t *testing.T) {
	ctx := open(t, "test-crowd")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited: status 2.")
	got := eval[[]string](t, ctx, `[...document.querySelectorAll(".diagnosis > ul > li")].map(li => li.firstChild.textContent)`)
	want := []string{
		"goroutine 1 (main) waits in sync.WaitGroup.Wait at line 16; it holds mu (taken at line 9).",
		"1,000 goroutines (main (a function literal)) want mu at line 12, held by goroutine 1.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnosis (-want +got):\n%s", diff)
	}
	if !eval[bool](t, ctx, `(() => { const d = document.querySelector(".diagnosis li details"); return !!d && !d.open && d.textContent.split(",").length === 1000; })()`) {
		t.Error("the grouped sentence does not fold the list of its goroutines")
	}
	lines := eval[float64](t, ctx, `(() => {
		const box = document.querySelector(".diagnosis"), style = getComputedStyle(box);
		const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
		return box.getBoundingClientRect().height / line;
	})()`)
	if lines >= 20 {
		t.Errorf("the deadlock panel is %.0f lines tall, want under 20", lines)
	}
	if marks := eval[int](t, ctx, `window.playground.editors[0].diagnostics().filter(d => d.line === 12).length`); marks != 1 {
		t.Errorf("line 12 carries %d marks, want one for the thousand", marks)
	}
}
