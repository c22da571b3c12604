package timeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the .json files of testdata")

// testdata holds traces written by "go run ./tools/run -trace FILE": dining-deadlock.trace
// of lessons/dining-deadlock/main.go, generators-pull.trace of lessons/generators/pull.go
// (iter.Pull's coroutine switches). The virtual clock's origin is one second.
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
	// main, then the four diners started by wg.Go, each with the program functions it
	// runs (the runner names them after those: site/js/goroutine-name.test.js reads
	// testdata/dining-deadlock.json); no row for the runtime's or the tracer's goroutines.
	type row struct {
		ID     uint64
		Func   string
		Frames []string
	}
	var rows []row
	for _, g := range tl.Goroutines {
		rows = append(rows, row{g.ID, g.Func, g.Frames})
	}
	wg := "sync.(*WaitGroup).Go.func1"
	want := []row{
		{1, "main.main", []string{"main.main"}},
		{10, wg, []string{"main.main.func1", "main.noodlesFirst"}},
		{11, wg, []string{"main.main.func2", "main.forkFirst"}},
		{12, wg, []string{"main.main.func3", "main.noodlesFirst"}},
		{13, wg, []string{"main.main.func4", "main.forkFirst"}},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Fatalf("rows (-want +got):\n%s", diff)
	}
	for _, g := range tl.Goroutines[1:] {
		if g.CreatedLine < 37 || g.CreatedLine > 40 || g.CreatedBy != 1 {
			t.Errorf("%s: created at line %d by %d, want lines 37-40 by goroutine 1", g.Func, g.CreatedLine, g.CreatedBy)
		}
		last := g.Spans[len(g.Spans)-1]
		if last.State != Blocked || last.Reason != Mutex || last.Wait != "sync.(*Mutex).Lock" || last.End != tl.End {
			t.Errorf("goroutine %d ends %+v, want blocked in sync.(*Mutex).Lock to the end", g.ID, last)
		}
	}
	if tl.Spans == 0 || tl.End <= 0 {
		t.Errorf("spans %d, end %v", tl.Spans, tl.End)
	}
}

// TestTimelinesOfTestdata keeps beside each trace of testdata its timeline as the page
// receives it, in a .json file: the JavaScript tests check that the page's reader
// (site/js/trace-timeline.js) reads each trace into it, and name its rows.
func TestTimelinesOfTestdata(t *testing.T) {
	traces, err := filepath.Glob("testdata/*.trace")
	if err != nil || len(traces) == 0 {
		t.Fatalf("no traces in testdata (%v)", err)
	}
	for _, trace := range traces {
		data, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		tl, err := Build(data, virtualOrigin)
		if err != nil {
			t.Fatalf("%s: %v", trace, err)
		}
		got, err := json.MarshalIndent(tl, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := strings.TrimSuffix(trace, ".trace") + ".json"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if saved, err := os.ReadFile(golden); err != nil || !bytes.Equal(saved, got) {
			t.Errorf("%s is not the timeline of %s (%v); rewrite it with go test ./wasm/timeline -update", golden, trace, err)
		}
	}
}

// TestReasons checks that Reasons lists every Reason constant once, for the check that
// the page has a colour and words for each (tools/internal/contract).
func TestReasons(t *testing.T) {
	if len(Reasons) != len(slices.Compact(slices.Sorted(slices.Values(Reasons)))) {
		t.Errorf("Reasons repeats a reason: %v", Reasons)
	}
}

func TestNotATrace(t *testing.T) {
	if _, err := Build([]byte("not a trace"), 0); err == nil {
		t.Error("no error for bytes that are not a trace")
	}
}
