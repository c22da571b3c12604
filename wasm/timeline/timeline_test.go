package timeline

import (
	"os"
	"slices"
	"testing"
)

// testdata/dining-deadlock.trace is the trace of lessons/dining-deadlock/main.go, written
// by "go run ./tools/run -trace FILE"; the virtual clock's origin is one second.
const virtualOrigin = 1e9

func TestDeadlockTrace(t *testing.T) {
	data, err := os.ReadFile("testdata/dining-deadlock.trace")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Build(data, virtualOrigin)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range tl.Goroutines {
		names = append(names, g.Name)
	}
	// main, then the four diners started by wg.Go, named after the functions they run;
	// no row for the runtime's or the tracer's goroutines.
	want := []string{"main", "noodlesFirst", "forkFirst", "noodlesFirst", "forkFirst"}
	if !slices.Equal(names, want) {
		t.Fatalf("rows %v, want %v", names, want)
	}
	for _, g := range tl.Goroutines[1:] {
		if g.CreatedLine < 37 || g.CreatedLine > 40 || g.CreatedBy != 1 {
			t.Errorf("%s: created at line %d by %d, want lines 37-40 by goroutine 1", g.Name, g.CreatedLine, g.CreatedBy)
		}
		last := g.Spans[len(g.Spans)-1]
		if last.State != Blocked || last.Reason != Mutex || last.Wait != "sync.(*Mutex).Lock" || last.End != tl.End {
			t.Errorf("%s ends %+v, want blocked in sync.(*Mutex).Lock to the end", g.Name, last)
		}
	}
	if tl.Spans == 0 || tl.End <= 0 {
		t.Errorf("spans %d, end %v", tl.Spans, tl.End)
	}
}

func TestNotATrace(t *testing.T) {
	if _, err := Build([]byte("not a trace"), 0); err == nil {
		t.Error("no error for bytes that are not a trace")
	}
}

func TestDisplayName(t *testing.T) {
	for fn, want := range map[string]string{
		"main.worker":                "worker",
		"time.goFunc":                "time.goFunc",
		"sync.(*WaitGroup).Go.func1": "sync.(*WaitGroup).Go.func1",
		"main.(*pool).run":           "(*pool).run",
	} {
		if got := displayName(fn); got != want {
			t.Errorf("displayName(%q) = %q, want %q", fn, got, want)
		}
	}
}
