package lesson_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/wasm/timeline"
)

// checkTimeline requires every run that ends on its own (exit 0, or a deadlock) to come
// with a trace that reads as a timeline: a main row whose spans lie within the run and
// follow each other, the timeline timeline.Build reads from the same trace.
func checkTimeline(t *testing.T, name string, events []noderun.Event) {
	t.Helper()
	exit := slices.IndexFunc(events, func(e noderun.Event) bool { return e.Kind == noderun.KindExit })
	deadlocked := slices.ContainsFunc(events, func(e noderun.Event) bool { return e.Kind == noderun.KindDeadlock })
	if exit < 0 || (events[exit].Status != 0 && !deadlocked) {
		return
	}
	last := events[exit]
	tl, _, err := noderun.Timeline(events)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if len(tl.Goroutines) == 0 || tl.Goroutines[0].Name != "main" {
		t.Errorf("%s: the timeline's first row is not main: %+v", name, tl.Goroutines)
		return
	}
	for _, g := range tl.Goroutines {
		for i, s := range g.Spans {
			if s.Start > s.End || s.Start < -1 || s.End > tl.End+1e-6 || (i > 0 && s.Start < g.Spans[i-1].End) {
				t.Errorf("%s: goroutine %d's span %d is out of place: %+v (run ends at %v)", name, g.ID, i, s, tl.End)
				break
			}
		}
	}
	// Under the virtual clock the trace ends when the run does.
	if math.Abs(tl.End-last.Elapsed) > 1 && !deadlocked {
		t.Errorf("%s: the timeline ends at %vms, the run at %vms", name, tl.End, last.Elapsed)
	}
	agreesWithBuild(t, name, events, tl)
}

// agreesWithBuild checks that the timeline the runner read from a run's trace with the
// page's reader (site/js/trace-timeline.js) is the one timeline.Build reads from it.
func agreesWithBuild(t *testing.T, name string, events []noderun.Event, tl *timeline.Timeline) {
	t.Helper()
	i := slices.IndexFunc(events, func(e noderun.Event) bool { return e.Kind == noderun.KindTrace && e.Data != nil })
	if i < 0 {
		t.Errorf("%s: a timeline but no trace", name)
		return
	}
	want, err := timeline.Build(events[i].Data, events[i].Origin)
	if err != nil {
		t.Errorf("%s: timeline.Build: %v", name, err)
		return
	}
	got := *tl
	got.Goroutines = slices.Clone(tl.Goroutines)
	for i := range got.Goroutines {
		got.Goroutines[i].Name = "" // the runner's; Build names nothing
	}
	if diff := cmp.Diff(want, &got); diff != "" {
		t.Errorf("%s: the runner's timeline differs from timeline.Build's (-Build +runner):\n%s", name, diff)
	}
}

// runTimeline builds and runs one lesson program and returns its timeline and events.
func runTimeline(t *testing.T, program string) (*timeline.Timeline, []noderun.Event) {
	t.Helper()
	runner, err := runnerOnce()
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(root)
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: filepath.Join(abs, "build", "cache", "programs")}
	path := filepath.Join(abs, "lessons", program)
	src := readFile(t, path)
	wasm, err := b.Build(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	events, err := runner.Run(context.Background(), wasm, noderun.Options{Source: path, Timeline: true})
	if err != nil {
		t.Fatal(err)
	}
	tl, _, err := noderun.Timeline(events)
	if err != nil {
		t.Fatal(err)
	}
	return tl, events
}

// sleeps returns the sleep spans of the goroutines the program started, in start order.
func sleeps(tl *timeline.Timeline) []timeline.Span {
	var out []timeline.Span
	for _, g := range tl.Goroutines {
		for _, s := range g.Spans {
			if s.Reason == timeline.Sleep && g.Name != "main" {
				out = append(out, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b timeline.Span) int { return int(a.Start - b.Start) })
	return out
}

// TestTimingLessonTimeline checks A3-7's two programs: three 3-second jobs. Run
// concurrently their three sleep bars overlap; run one at a time they follow each other.
func TestTimingLessonTimeline(t *testing.T) {
	concurrent, _ := runTimeline(t, "serial-vs-concurrent/concurrent.go")
	bars := sleeps(concurrent)
	if len(bars) != 3 {
		t.Fatalf("concurrent: want 3 sleep bars, got %d: %+v", len(bars), bars)
	}
	for i, a := range bars {
		if !near(a.End-a.Start, 3000) || a.Line != 13 {
			t.Errorf("concurrent: sleep bar %d lasts %vms at line %d, want 3000ms at line 13", i, a.End-a.Start, a.Line)
		}
		for _, b := range bars[i+1:] {
			if !(a.Start < b.End && b.Start < a.End) {
				t.Errorf("concurrent: sleep bars %+v and %+v do not overlap", a, b)
			}
		}
	}

	serial, _ := runTimeline(t, "serial-vs-concurrent/serial.go")
	bars = sleeps(serial)
	if len(bars) != 3 {
		t.Fatalf("serial: want 3 sleep bars, got %d: %+v", len(bars), bars)
	}
	for i, s := range bars {
		if !near(s.Start, float64(3000*i)) || !near(s.End, float64(3000*(i+1))) {
			t.Errorf("serial: sleep bar %d runs %v–%vms, want %d–%dms", i, s.Start, s.End, 3000*i, 3000*(i+1))
		}
	}
	rows := 0
	for _, g := range serial.Goroutines {
		if g.Name == "work" && g.CreatedLine == 21 {
			rows++
		}
	}
	if rows != 3 {
		t.Errorf("serial: want 3 rows named work created at line 21, got %d: %+v", rows, serial.Goroutines)
	}
}

// TestDeadlockTimeline checks A3-24: the timeline runs up to the deadlock, where the two
// diners of the cycle are blocked on a mutex at the lines the diagnosis names, to the end.
func TestDeadlockTimeline(t *testing.T) {
	tl, events := runTimeline(t, "dining-deadlock/main.go")
	i := slices.IndexFunc(events, func(e noderun.Event) bool { return e.Kind == noderun.KindDeadlock })
	if i < 0 {
		t.Fatal("no deadlock event")
	}
	if math.Abs(tl.End-events[i].T) > 1 {
		t.Errorf("the timeline ends at %vms, the deadlock is at %vms", tl.End, events[i].T)
	}
	var lines []int
	for _, g := range tl.Goroutines {
		last := g.Spans[len(g.Spans)-1]
		if g.Name == "main" {
			if last.Reason != timeline.WaitGroup {
				t.Errorf("main ends %+v, want waiting on the WaitGroup", last)
			}
			continue
		}
		if last.State != timeline.Blocked || last.Reason != timeline.Mutex || !near(last.End, tl.End) {
			t.Errorf("goroutine %d (%s) ends %+v, want blocked on a mutex to the end", g.ID, g.Name, last)
		}
		lines = append(lines, last.Line)
	}
	slices.Sort(lines)
	if !slices.Equal(lines, []int{15, 18, 26, 29}) {
		t.Errorf("the diners wait at lines %v, want 15, 18, 26 and 29", lines)
	}
}

// near compares times in milliseconds: trace timestamps have a 16ns grain, and the
// virtual clock's instants come out a few microseconds apart.
func near(a, b float64) bool { return math.Abs(a-b) < 0.1 }

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
