// Command bench measures the playground in headless Chromium against a baseline measured
// in the same run: native "go build" and run of the same file.
//
//	go run ./tools/bench [-runs 5] [-cold 3]
//
// It prints, as medians:
//
//	precompiled  click Run → first output line, a lesson's precompiled program
//	             (cold: fresh browser profile; warm: the second run)
//	edit-warm    edit → Run → first output line, compiled in the browser, toolchain warm  (a)
//	edit-cold    the same with an empty browser cache: toolchain download included       (b)
//	returning    the same in that browser profile opened again: the toolchain in its cache;
//	             once with the edit at once, once with the edit 5 s after the page opens
//	             and the tools' compiled code in the browser's (the first visit stays open
//	             until the page's warm-up builds are done, and a few seconds more); then
//	             the later edits of that second visit, after its warm-up builds
//	paused       Run pressed 1 s after the last keystroke (the pause's build under way)
//	native       go build + run of the same edited file → first output line              (c)
//	page bytes   compressed bytes a lesson page transfers before and during its first run
//	stop         Stop of a running program → Run enabled again, with the runner worker
//	             ready (loaded, the program compiled), and → the next run's first line
//	flood        the longest main-thread task while a program prints as fast as it can
//	timeline     drawing a goroutine timeline of 5,000 spans (50 goroutines), in the page;
//	             reading a real trace of about 4,800 spans (an edited ping-pong program)
//	             into a timeline, in the runner worker
//
// and the ratios a/c and b/c, and the timeline's draw time against one frame at 60 Hz.
// Each browser is started and left to finish its own start-up work before a page is
// opened (settle.go), as a learner's browser is already running when they open a lesson.
// With -cold 0 the cold measurements (cold precompiled, b, b/c, page bytes) are skipped.
//
// Then, unless -worker=false, the Cloudflare Worker under workerd (worker.go): its wasm
// size raw and gzip, the cold first request, the median POST+GET of a shared program, and
// 50 concurrent clients for 30 s on loopback. -browser=false skips the Chromium part.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"

	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/tools/internal/server"
	"goconcurrency.dev/playground/tools/internal/site"
)

const lesson = "serial-vs-concurrent"

func main() {
	runs := flag.Int("runs", 5, "warm measurements of each kind")
	colds := flag.Int("cold", 3, "cold measurements (each a fresh browser); 0 skips them")
	browserBench := flag.Bool("browser", true, "measure the site in headless Chromium")
	workerBench := flag.Bool("worker", true, "measure the Cloudflare Worker under workerd (see worker.go)")
	workerClients := flag.Int("worker-clients", 50, "concurrent clients of the Worker's load measurement")
	workerLoad := flag.Duration("worker-load", 30*time.Second, "how long the Worker's load measurement lasts")
	flag.Parse()
	if *runs < 1 || *colds < 0 {
		fmt.Fprintln(os.Stderr, "bench: -runs must be at least 1 and -cold at least 0 (0 skips the cold runs)")
		os.Exit(2)
	}
	if *browserBench {
		if err := run(*runs, *colds); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	}
	if *workerBench {
		if err := benchWorker(*workerClients, *workerLoad); err != nil {
			fmt.Fprintln(os.Stderr, "bench: worker:", err)
			os.Exit(1)
		}
	}
}

func run(runs, colds int) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	fmt.Println("building the site…")
	out, err := oneLessonSite(root, tmp)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	counter := &countingHandler{next: server.Handler(out)}
	// Serve returns only if the listener fails; the page loads that follow then fail too.
	go func() { fmt.Fprintln(os.Stderr, "bench: serving the site:", http.Serve(ln, counter)) }()
	url := fmt.Sprintf("http://%s/lessons/%s/", ln.Addr(), lesson)

	source, err := os.ReadFile(filepath.Join(root, "lessons", lesson, "serial.go"))
	if err != nil {
		return err
	}
	edit := func(i int) string { return fmt.Sprintf("%s\n// edit %d\n", source, i) }

	var pre, preWarm, editCold, editReturning, editReturningRead, editReturningLater, editWarm, editPaused, native, wholeRun, embedCold []time.Duration
	var pageBytes, embedBytes []int64

	// Cold: each measurement in a fresh browser with an empty profile.
	for i := range colds {
		fmt.Printf("cold browser %d/%d…\n", i+1, colds)
		d, bytes, err := coldPrecompiled(tmp, url, i, counter)
		if err != nil {
			return err
		}
		pre = append(pre, d)
		pageBytes = append(pageBytes, bytes)
		d, err = coldEdit(tmp, url, edit(1000+i), i)
		if err != nil {
			return err
		}
		editCold = append(editCold, d)
		d, _, err = returningEdit(tmp, url, edit, 2000+10*i, i, 0, 0)
		if err != nil {
			return err
		}
		editReturning = append(editReturning, d)
		d, later, err := returningEdit(tmp, url, edit, 3000+10*i, i, returningRead, runs)
		if err != nil {
			return err
		}
		editReturningRead = append(editReturningRead, d)
		editReturningLater = append(editReturningLater, later...)
		d, bytes, err = coldEmbed(tmp, fmt.Sprintf("http://%s/embed/%s/?program=concurrent", ln.Addr(), lesson), i, counter)
		if err != nil {
			return err
		}
		embedCold = append(embedCold, d)
		embedBytes = append(embedBytes, bytes)
	}

	// Warm: one browser, toolchain loaded and warmed once.
	ctx, cancel, err := startBrowser(filepath.Join(tmp, "warm-profile"))
	if err != nil {
		return err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("button.run"))); err != nil {
		return err
	}
	if _, err := clickToFirstLine(ctx); err != nil { // loads the precompiled program
		return err
	}
	for range runs {
		d, err := clickToFirstLine(ctx)
		if err != nil {
			return err
		}
		preWarm = append(preWarm, d)
	}
	// The serial program sleeps 9 s in all; under the virtual clock the whole run takes
	// a moment.
	for range runs {
		d, err := clickToExit(ctx)
		if err != nil {
			return err
		}
		wholeRun = append(wholeRun, d)
	}
	// Stop in the middle of a run (the serial program under the real clock), then Run.
	var stopEnabled, stopFirstLine []time.Duration
	for range runs {
		stats, err := chromedp.Run(ctx, chromedp.Evaluate[stopStats](stopThenRun, chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("stopping a run: %w", err)
		}
		stopEnabled = append(stopEnabled, time.Duration(stats.EnabledMs*float64(time.Millisecond)))
		stopFirstLine = append(stopFirstLine, time.Duration(stats.FirstLineMs*float64(time.Millisecond)))
	}
	// The timeline of the whole run above was drawn from its trace; now a large one.
	var draws []time.Duration
	for i := range runs + 1 {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(syntheticTimeline, 5000, 50, i)))
		if err != nil {
			return fmt.Errorf("drawing a timeline: %w", err)
		}
		if i > 0 { // the first warms the drawing code
			draws = append(draws, time.Duration(ms*float64(time.Millisecond)))
		}
	}
	if err := setSource(ctx, edit(0)); err != nil {
		return err
	}
	if _, err := clickToFirstLine(ctx); err != nil { // loads the toolchain
		return err
	}
	// Warm means after the page's background warm-up builds.
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`window.playground.builder.warmedUp`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		return err
	}
	for i := range runs {
		if err := setSource(ctx, edit(i+1)); err != nil {
			return err
		}
		d, err := clickToFirstLine(ctx)
		if err != nil {
			return err
		}
		editWarm = append(editWarm, d)
	}
	// What a learner meets: Run pressed a second after the last keystroke, while the
	// build that typing's pause started is under way or done.
	for i := range runs {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(runAfterPause, strconv.Quote(edit(3000+i))), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("running after a pause in typing: %w", err)
		}
		editPaused = append(editPaused, time.Duration(ms*float64(time.Millisecond)))
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.querySelector("[role=log]").textContent.includes("Program exited")`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			return err
		}
	}

	// A program printing as fast as it can, until the output cap stops it.
	var floodTasks []time.Duration
	for i := range runs + 1 {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(floodLongestTask, strconv.Quote(flood)), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("flooding the output: %w", err)
		}
		if i > 0 { // the first builds the program
			floodTasks = append(floodTasks, time.Duration(ms*float64(time.Millisecond)))
		}
	}
	if err := setSource(ctx, edit(0)); err != nil { // back to the lesson's program
		return err
	}

	// Check → verdict: the lesson's exercise built with its tests and run, main.go edited
	// each time so that nothing comes from the build cache.
	var checks []time.Duration
	for i := range runs + 1 {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(checkAfterEdit, i), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("checking the exercise: %w", err)
		}
		if i > 0 { // the first fetches the testing package's archives and the test main's generator
			checks = append(checks, time.Duration(ms*float64(time.Millisecond)))
		}
	}

	// A real trace of a few thousand spans, read in the worker and drawn in the page.
	var reads, realDraws []time.Duration
	var realSpans int
	if err := setSource(ctx, pingPong); err != nil {
		return err
	}
	for i := range runs + 1 {
		stats, err := chromedp.Run(ctx, chromedp.Evaluate[timelineStats](timelineAfterRun, chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("reading a real trace: %w", err)
		}
		realSpans = stats.Spans
		if i > 0 { // the first run builds the program
			reads = append(reads, time.Duration(stats.ReadMs*float64(time.Millisecond)))
			realDraws = append(realDraws, time.Duration(stats.DrawMs*float64(time.Millisecond)))
		}
	}

	// A run of 10,000 goroutines: the longest main-thread task from its exit until its
	// timeline is drawn (0 when none took 50 ms, the Long Tasks API's threshold).
	var crowdTasks []time.Duration
	for i := range runs + 1 {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(crowdTimeline, strconv.Quote(crowd), i), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("running 10,000 goroutines: %w", err)
		}
		if i > 0 { // the first builds the program
			crowdTasks = append(crowdTasks, time.Duration(ms*float64(time.Millisecond)))
		}
	}

	// Native: go build + run of the same edited file, to its first line of output.
	for i := range runs + 1 {
		d, err := nativeBuildRun(tmp, edit(2000+i))
		if err != nil {
			return err
		}
		if i > 0 { // the first fills the build cache for the standard library
			native = append(native, d)
		}
	}

	a, b, c := median(editWarm), median(editCold), median(native)
	fmt.Println()
	fmt.Printf("%-44s %10s   %s\n", "measurement (median)", "value", "runs")
	row := func(name string, d time.Duration, all []time.Duration) {
		if len(all) == 0 {
			fmt.Printf("%-44s %10s\n", name, "skipped")
			return
		}
		fmt.Printf("%-44s %10s   %v\n", name, d.Round(time.Millisecond), rounded(all))
	}
	row("precompiled: click Run → first line (cold)", median(pre), pre)
	row("precompiled: click Run → first line (warm)", median(preWarm), preWarm)
	row("serial lesson (9 s of sleeps): Run → exit", median(wholeRun), wholeRun)
	row("Stop → Run enabled again", median(stopEnabled), stopEnabled)
	row("Stop → Run → first line", median(stopFirstLine), stopFirstLine)
	row("(a) edit → Run → first line, warm toolchain", a, editWarm)
	row("(b) edit → Run → first line, empty cache", b, editCold)
	row("(c) native go build + run → first line", c, native)
	fmt.Printf("%-44s %10.2f\n", "a/c", float64(a)/float64(c))
	row("Run 1 s after the last keystroke → first line", median(editPaused), editPaused)
	fmt.Printf("%-44s %10.2f\n", "(Run 1 s after typing) / c", float64(median(editPaused))/float64(c))
	row("returning visitor: first edit → first line", median(editReturning), editReturning)
	if len(editReturning) > 0 {
		fmt.Printf("%-44s %10.2f\n", "returning / c", float64(median(editReturning))/float64(c))
		row(fmt.Sprintf("returning, the first edit %v after opening", returningRead), median(editReturningRead), editReturningRead)
		fmt.Printf("%-44s %10.2f\n", "(returning, edit after reading) / c", float64(median(editReturningRead))/float64(c))
		row("returning, the edits after that one", median(editReturningLater), editReturningLater)
		fmt.Printf("%-44s %10.2f\n", "(returning, later edits) / c", float64(median(editReturningLater))/float64(c))
	}
	row("exercise: Check → verdict, warm toolchain", median(checks), checks)
	fmt.Printf("%-44s %10.2f\n", "Check / c", float64(median(checks))/float64(c))
	if len(editCold) > 0 {
		fmt.Printf("%-44s %10.2f\n", "b/c", float64(b)/float64(c))
	}

	draw := median(draws)
	fmt.Printf("%-44s %10s   %v\n", "timeline: draw 5,000 spans", draw.Round(10*time.Microsecond), roundedFine(draws))
	fmt.Printf("%-44s %10.2f\n", "timeline draw / one frame (16.7 ms)", float64(draw)/float64(time.Second/60))
	fmt.Printf("%-44s %10s   %v\n", fmt.Sprintf("timeline: read a real trace (%d spans)", realSpans), median(reads).Round(100*time.Microsecond), roundedFine(reads))
	fmt.Printf("%-44s %10s   %v\n", fmt.Sprintf("timeline: draw it (%d spans)", realSpans), median(realDraws).Round(10*time.Microsecond), roundedFine(realDraws))
	row("10,000 goroutines: longest task, exit → drawn", median(crowdTasks), crowdTasks)
	row("longest main-thread task while a program floods output", median(floodTasks), floodTasks)
	if len(pageBytes) > 0 { // counted in the cold runs
		slices.Sort(pageBytes)
		fmt.Printf("%-44s %10s   %v\n", "lesson page + first run: bytes sent", kb(pageBytes[len(pageBytes)/2]), pageBytes)
	} else {
		fmt.Printf("%-44s %10s\n", "lesson page + first run: bytes sent", "skipped")
	}
	row("embedded lesson: click Run → first line (cold)", median(embedCold), embedCold)
	if len(embedBytes) > 0 {
		slices.Sort(embedBytes)
		fmt.Printf("%-44s %10s   %v\n", "embedded lesson before Run: bytes sent", kb(embedBytes[len(embedBytes)/2]), embedBytes)
	}
	return nil
}

// syntheticTimeline draws, in the page, a timeline of %[1]d spans over %[2]d goroutines
// (seed %[3]d): each goroutine alternates running, runnable and blocked spans of varied
// lengths, with an output line every 50 spans. It evaluates to the draw time in ms.
const syntheticTimeline = `(() => {
	let seed = %[3]d + 1;
	const rand = () => ((seed = (seed * 1103515245 + 12345) %% 2147483648) / 2147483648);
	const reasons = ["channel", "select", "mutex", "sleep", "waitgroup"];
	const perRow = %[1]d / %[2]d;
	const goroutines = [];
	let end = 0;
	for (let g = 0; g < %[2]d; g++) {
		const spans = [];
		let t = rand() * 10;
		for (let i = 0; i < perRow; i++) {
			const state = ["running", "runnable", "blocked"][i %% 3];
			const len = state === "blocked" ? rand() * 40 : rand() * 2;
			const s = { start: t, end: t + len, state };
			if (state === "blocked") Object.assign(s, { reason: reasons[i %% 5], wait: "chan receive", line: 10 + (i %% 30) });
			spans.push(s);
			t += len;
		}
		end = Math.max(end, t);
		goroutines.push({ id: g + 1, name: g ? "worker" : "main", func: g ? "main.worker" : "main.main", createdLine: g ? 12 : 0, spans });
	}
	const lines = [];
	for (let i = 0; i < %[1]d / 50; i++) lines.push({ t: (end * i) / (%[1]d / 50), text: "line " + i });
	return window.playground.timeline.show({ end, spans: %[1]d, goroutines }, lines);
})()`

// crowd starts 10,000 goroutines that each take a mutex once.
const crowd = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for range 10000 {
		wg.Go(func() {
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("n =", n)
}
`

// crowdTimeline runs the program %[1]s (edited with a comment, %[2]d, so that it is
// built) and evaluates to the longest task, in ms, between its exit and its timeline
// being drawn.
const crowdTimeline = `(async () => {
	const p = window.playground;
	const tasks = [];
	const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e); });
	observer.observe({ type: "longtask" });
	p.editors[p.current()].setText(%[1]s + "\n// crowd %[2]d\n");
	const before = p.timelineStats.count;
	document.querySelector("button.run").click();
	let exitAt = 0;
	while (p.timelineStats.count === before) {
		if (!exitAt && document.querySelector("[role=log]").textContent.includes("Program exited")) exitAt = performance.now();
		await new Promise((r) => setTimeout(r, 5));
	}
	await new Promise((r) => setTimeout(r, 200)); // long tasks are reported a little late
	observer.disconnect();
	return Math.max(0, ...tasks.filter((e) => e.startTime + e.duration >= exitAt).map((e) => e.duration));
})()`

type stopStats struct {
	EnabledMs   float64 `json:"enabledMs"`
	FirstLineMs float64 `json:"firstLineMs"`
}

// stopThenRun runs the lesson's first program under the real clock and, once it has
// printed and the runner keeps a spare worker ready, presses Stop. It measures, from
// Stop, the first animation frame at which Run is enabled and the runner ready to start
// at once (runner.warm: its worker loaded, the program compiled), where it presses Run,
// and the first line of that run. It leaves the clock virtual and nothing running.
const stopThenRun = `(async () => {
	const p = window.playground;
	const log = document.querySelector("[role=log]");
	const run = document.querySelector("button.run"), stop = document.querySelector("button.stop");
	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
	const frame = () => new Promise((r) => requestAnimationFrame(r));
	const until = async (ok, what) => {
		const start = performance.now();
		while (!ok()) {
			if (performance.now() - start > 30000) throw new Error("waited 30 s for " + what);
			await sleep(5);
		}
	};
	document.querySelector("input[name=clock][value=real]").click();
	run.click();
	await until(() => log.querySelector(".line.stdout") && p.runner.spareWarm, "the first line and a spare runner");
	const start = performance.now();
	stop.click();
	do await frame(); while (run.disabled || !p.runner.warm);
	const enabledMs = performance.now() - start;
	run.click();
	await until(() => log.querySelector(".line.stdout"), "the first line after Stop");
	const firstLineMs = performance.now() - start;
	stop.click();
	document.querySelector("input[name=clock][value=virtual]").click();
	await sleep(300);
	return { enabledMs, firstLineMs };
})()`

// flood prints as fast as it can, until the output cap stops it.
const flood = `package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
`

// floodLongestTask runs the program %s (built in the page the first time) and evaluates
// to the longest main-thread task, in ms, from its first line until a moment after the
// output cap stopped it (0 when none took 50 ms, the Long Tasks API's threshold).
const floodLongestTask = `(async () => {
	const p = window.playground;
	const log = document.querySelector("[role=log]");
	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
	p.editors[p.current()].setText(%s);
	const tasks = [];
	const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e); });
	observer.observe({ type: "longtask" });
	const run = document.querySelector("button.run");
	run.click();
	const started = performance.now();
	let firstAt = 0;
	// Polled cheaply (reading the panel's text would be a task of its own): Run is
	// enabled again once the run is over.
	while (run.disabled) {
		if (!firstAt && log.querySelector(".line.stdout")) firstAt = performance.now();
		if (performance.now() - started > 120000) throw new Error("no end after 120 s");
		await sleep(5);
	}
	firstAt ||= performance.now();
	// Until the panel has drawn the run's closing row, and a little longer: long tasks
	// are reported a little late.
	while (!log.querySelector(".line.exit")) {
		if (performance.now() - started > 120000) throw new Error("the closing row was never drawn");
		await sleep(5);
	}
	await sleep(300);
	observer.disconnect();
	if (!log.textContent.includes("Output truncated")) throw new Error("the flood was not cut off: " + log.textContent.slice(-500));
	return Math.max(0, ...tasks.filter((e) => e.startTime + e.duration >= firstAt).map((e) => e.duration));
})()`

// checkAfterEdit edits the lesson's first exercise (a comment, %d), presses Check and
// evaluates to the milliseconds until the verdict is shown.
const checkAfterEdit = `(async () => {
	const section = document.querySelector("section.exercise");
	if (!section) throw new Error("the lesson has no exercise");
	const set = window.playground.sets[Number(section.dataset.program)];
	set.main.setText(set.main.text() + "\n// check %d\n");
	const verdict = section.querySelector(".exercise-verdict");
	verdict.textContent = "";
	const start = performance.now();
	section.querySelector("[data-action=check]").click();
	while (!/^(Passed|Not yet|No verdict)/.test(verdict.textContent)) await new Promise((r) => setTimeout(r, 5));
	const ms = performance.now() - start;
	// Let the run end and its timeline arrive, then go back to the lesson's program: the
	// rows after this one use it.
	const stats = window.playground.timelineStats;
	const before = stats.count;
	const waited = performance.now();
	while ((document.querySelector("button.run").disabled || stats.count === before) && performance.now() - waited < 10000) {
		await new Promise((r) => setTimeout(r, 5));
	}
	window.playground.select(0);
	return ms;
})()`

// pingPong is a program whose trace has a few thousand spans: two goroutines passing a
// value back and forth 800 times.
const pingPong = `package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	n := 0
	for range 800 {
		ping <- n
		n = <-pong
	}
	fmt.Println("rallies:", n)
}
`

type timelineStats struct {
	ReadMs float64 `json:"readMs"`
	DrawMs float64 `json:"drawMs"`
	Spans  int     `json:"spans"`
}

// timelineAfterRun clicks Run and resolves with the stats of the timeline that run makes.
const timelineAfterRun = `new Promise((resolve, reject) => {
	const stats = window.playground.timelineStats;
	const before = stats.count;
	document.querySelector("button.run").click();
	const started = performance.now();
	const poll = () => {
		if (stats.count > before) resolve({ ...stats });
		else if (performance.now() - started > 60000) reject(new Error("no timeline after 60 s"));
		else setTimeout(poll, 5);
	};
	poll();
})`

// clickToFirstLine clicks Run and measures, in the page, the time until the first line
// of program output appears.
func clickToFirstLine(ctx context.Context) (time.Duration, error) {
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise((resolve, reject) => {
		const log = document.querySelector("[role=log]");
		const run = document.querySelector("button.run");
		const start = performance.now();
		const seen = () => log.querySelector(".line.stdout");
		const obs = new MutationObserver(() => {
			if (seen()) { obs.disconnect(); resolve(performance.now() - start); }
			else if (log.textContent.includes("Build failed")) { obs.disconnect(); reject(new Error(log.textContent)); }
		});
		obs.observe(log, { childList: true, subtree: true, characterData: true });
		run.click();
		setTimeout(() => reject(new Error("no output after 120 s: " + log.textContent)), 120000);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		return 0, err
	}
	// Let the run finish so the next click starts from an idle page.
	_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.querySelector("[role=log]").textContent.includes("Program exited")`, chromedp.WithPollingTimeout(60*time.Second)))
	return time.Duration(ms * float64(time.Millisecond)), err
}

// clickToExit clicks Run and measures, in the page, the time until the program exits.
func clickToExit(ctx context.Context) (time.Duration, error) {
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise((resolve, reject) => {
		const log = document.querySelector("[role=log]");
		const start = performance.now();
		const obs = new MutationObserver(() => {
			if (log.textContent.includes("Program exited")) { obs.disconnect(); resolve(performance.now() - start); }
		});
		obs.observe(log, { childList: true, subtree: true, characterData: true });
		document.querySelector("button.run").click();
		setTimeout(() => reject(new Error("no exit after 60 s")), 60000);
	})`, chromedp.EvalAwaitPromise))
	return time.Duration(ms * float64(time.Millisecond)), err
}

func setSource(ctx context.Context, src string) error {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(window.playground.editors[0].setText(%s), true)`, strconv.Quote(src))))
	return err
}

// coldPrecompiled opens the lesson in a fresh browser and measures its first Run, and the
// compressed bytes the page and that run transferred (counted by the server, so the
// worker's downloads count too).
func coldPrecompiled(tmp, url string, i int, counter *countingHandler) (time.Duration, int64, error) {
	d, _, after, err := coldRun(tmp, fmt.Sprintf("cold-pre-%d", i), url, "button.run", 0, counter)
	return d, after, err
}

// oneLessonSite builds, under tmp, a site with the benchmarks' one lesson, built like
// the real one, and returns its folder.
func oneLessonSite(root, tmp string) (string, error) {
	lessons := filepath.Join(tmp, "lessons")
	if err := os.CopyFS(filepath.Join(lessons, lesson), os.DirFS(filepath.Join(root, "lessons", lesson))); err != nil {
		return "", err
	}
	chapters, err := os.ReadFile(filepath.Join(root, "lessons", "chapters.yaml"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(lessons, "chapters.yaml"), chapters, 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(tmp, "site")
	err = site.Build(context.Background(), site.Options{Root: root, Lessons: lessons, Out: out, CacheDir: paths.ProgramCache(root), Minify: true})
	if err != nil {
		return "", fmt.Errorf("building the site: %w", err)
	}
	return out, nil
}

// coldEmbed opens a lesson's embed page in a fresh browser, counts the compressed bytes it
// transferred before Run (once its editor is up and it has settled), and measures its
// first Run.
func coldEmbed(tmp, url string, i int, counter *countingHandler) (time.Duration, int64, error) {
	d, before, _, err := coldRun(tmp, fmt.Sprintf("cold-embed-%d", i), url, ".cm-content", time.Second, counter)
	return d, before, err
}

// coldRun opens url in a fresh browser (profile under tmp), waits for ready to show and
// then settle, and measures the first Run; it returns the bytes sent before the Run and
// after its first line.
func coldRun(tmp, profile, url, ready string, settle time.Duration, counter *countingHandler) (time.Duration, int64, int64, error) {
	ctx, cancel, err := startBrowser(filepath.Join(tmp, profile))
	if err != nil {
		return 0, 0, 0, err
	}
	defer cancel()
	counter.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
		return 0, 0, 0, err
	}
	time.Sleep(settle)
	before := counter.total()
	d, err := clickToFirstLine(ctx)
	return d, before, counter.total(), err
}

// countingHandler counts the response bytes it sends.
type countingHandler struct {
	next http.Handler
	mu   sync.Mutex
	n    int64
}

func (c *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.next.ServeHTTP(&countingWriter{ResponseWriter: w, c: c}, r)
}

func (c *countingHandler) reset()       { c.mu.Lock(); c.n = 0; c.mu.Unlock() }
func (c *countingHandler) total() int64 { c.mu.Lock(); defer c.mu.Unlock(); return c.n }

type countingWriter struct {
	http.ResponseWriter
	c *countingHandler
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.c.mu.Lock()
	w.c.n += int64(len(p))
	w.c.mu.Unlock()
	return w.ResponseWriter.Write(p)
}

// runAfterPause puts %[1]s into the editor as typing would, waits a second, then clicks
// Run and evaluates to the time from the click to the first line of output.
const runAfterPause = `(async () => {
	window.playground.editors[0].setText(%[1]s);
	await new Promise((r) => setTimeout(r, 1000));
	const log = document.querySelector("[role=log]");
	const start = performance.now();
	document.querySelector("button.run").click();
	while (!log.querySelector(".line.stdout")) {
		if (log.textContent.includes("Build failed")) throw new Error(log.textContent);
		if (performance.now() - start > 120000) throw new Error("no output after 120 s");
		await new Promise((r) => setTimeout(r, 2));
	}
	return performance.now() - start;
})()`

// returningRead is how long the second returning visit reads the page before its edit.
const returningRead = 5 * time.Second

// returningEdit opens the lesson again in the browser profile coldEdit used (its HTTP
// cache and service worker hold the toolchain, and the browser may keep the tools'
// compiled code), waits read (0: edits at once, the worst case), edits the program
// (edit(n)) and measures Run to its first line. Then, once the page's warm-up builds are
// done, it measures later edits the same way: the warm edit (a) of a returning learner,
// whose browser kept the tools optimized, where (a) itself is measured in a first visit.
func returningEdit(tmp, url string, edit func(int) string, n, i int, read time.Duration, later int) (time.Duration, []time.Duration, error) {
	ctx, cancel, err := startBrowser(filepath.Join(tmp, fmt.Sprintf("cold-edit-%d", i)))
	if err != nil {
		return 0, nil, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("button.run"))); err != nil {
		return 0, nil, err
	}
	time.Sleep(read)
	if err := setSource(ctx, edit(n)); err != nil {
		return 0, nil, err
	}
	d, err := clickToFirstLine(ctx)
	if err != nil {
		return 0, nil, err
	}
	note, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[role=log] .line.note")?.textContent ?? ""`))
	if err != nil {
		return 0, nil, fmt.Errorf("reading the build note: %w", err)
	}
	fmt.Printf("  returning edit after %v: %v to the first line; %s\n", read, d.Round(time.Millisecond), note)
	if later == 0 {
		return d, nil, nil
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`window.playground.builder.warmedUp`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		return 0, nil, fmt.Errorf("waiting for the warm-up builds: %w", err)
	}
	var ds []time.Duration
	for j := range later {
		if err := setSource(ctx, edit(n+1+j)); err != nil {
			return 0, nil, err
		}
		dj, err := clickToFirstLine(ctx)
		if err != nil {
			return 0, nil, err
		}
		ds = append(ds, dj)
	}
	return d, ds, nil
}

// coldEdit opens the lesson in a fresh browser, edits the program and measures Run to its
// first line: the toolchain download, compile and link included.
func coldEdit(tmp, url, src string, i int) (time.Duration, error) {
	ctx, cancel, err := startBrowser(filepath.Join(tmp, fmt.Sprintf("cold-edit-%d", i)))
	if err != nil {
		return 0, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("button.run"))); err != nil {
		return 0, err
	}
	if err := setSource(ctx, src); err != nil {
		return 0, err
	}
	d, err := clickToFirstLine(ctx)
	if err != nil {
		return 0, err
	}
	note, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[role=log] .line.note")?.textContent ?? ""`))
	if err != nil {
		return 0, fmt.Errorf("reading the build note: %w", err)
	}
	fmt.Printf("  cold edit: %v to the first line; %s\n", d.Round(time.Millisecond), note)
	// A visit does not end at its first line: the page finishes its warm-up builds, and the
	// browser writes the tools' compiled code to its cache a little after compiling it. The
	// returning visit measures what this visit leaves behind.
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`window.playground.builder.warmedUp`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		return 0, fmt.Errorf("waiting for the warm-up builds: %w", err)
	}
	time.Sleep(codeCacheWrite)
	return d, nil
}

// codeCacheWrite is how long a browser is left open after its warm-up builds so it can
// write the tools' compiled code to its cache: the engine hands it over a while after
// compiling it, and again as more of it is optimized.
const codeCacheWrite = 10 * time.Second

// nativeBuildRun builds src with the native toolchain and runs it until its first line.
func nativeBuildRun(tmp, src string) (time.Duration, error) {
	dir := filepath.Join(tmp, "native")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		return 0, err
	}
	bin := filepath.Join(dir, "main")
	start := time.Now()
	build := exec.Command("go", "build", "-o", bin, file)
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
		return 0, err
	}
	d := time.Since(start)
	if err := cmd.Process.Kill(); err != nil {
		return 0, fmt.Errorf("stopping the native program: %w", err)
	}
	_ = cmd.Wait() // it was killed: Wait reports that, nothing more
	return d, nil
}

// median returns the median of ds, or 0 for a measurement that was skipped.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func rounded(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.Round(time.Millisecond).String())
	}
	return strings.Join(parts, " ")
}

func roundedFine(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.Round(10*time.Microsecond).String())
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func kb(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }
