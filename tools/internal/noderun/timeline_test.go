package noderun_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/wasm/timeline"
)

// crowd starts 10,000 goroutines that each take a mutex once: a trace of some 120,000
// events, with garbage collections.
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

// TestTraceReaderAgreesWithBuild runs programs of every kind of trace the timeline meets
// and checks that the timeline the Node runner makes from each run's trace, with the
// page's reader (site/js/trace-timeline.js), is the one timeline.Build, Go's reading of
// the same trace with golang.org/x/exp/trace, makes.
func TestTraceReaderAgreesWithBuild(t *testing.T) {
	crowdFile := filepath.Join(t.TempDir(), "main.go")
	if err := os.WriteFile(crowdFile, []byte(crowd), 0o644); err != nil {
		t.Fatal(err)
	}
	lessons := filepath.Join(root, "lessons")
	cases := []struct {
		name, source, stdin, clock string
	}{
		{"deadlock", filepath.Join(lessons, "dining-deadlock", "main.go"), "", ""},
		{"mutex", filepath.Join(lessons, "lost-update", "locked.go"), "", ""},
		{"mutex on the real clock", filepath.Join(lessons, "lost-update", "locked.go"), "", "real"},
		{"select", filepath.Join(lessons, "as-completed", "main.go"), "", ""},
		{"stdin", filepath.Join(lessons, "menu-stack", "main.go"), filepath.Join(lessons, "menu-stack", "main.in"), ""},
		{"iter.Pull", filepath.Join(lessons, "generators", "pull.go"), "", ""},
		{"10,000 goroutines", crowdFile, "", ""},
	}
	runner, err := noderun.New(root, filepath.Join(root, "build"))
	if err != nil {
		t.Fatal(err)
	}
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: paths.ProgramCache(root)}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(c.source)
			if err != nil {
				t.Fatal(err)
			}
			wasm, err := b.Build(context.Background(), src)
			if err != nil {
				t.Fatal(err)
			}
			events, err := runner.Run(context.Background(), wasm, noderun.Options{Source: c.source, Stdin: c.stdin, Clock: c.clock, Timeline: true})
			if err != nil {
				t.Fatalf("%v\n%s", err, noderun.Transcript(events))
			}
			got, want := readBoth(t, events)
			if want.Spans == 0 {
				t.Fatalf("timeline.Build drew no spans: %+v", want)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("the Node runner's timeline differs from timeline.Build's (-Build +runner):\n%s", diff)
			}
		})
	}
}

// readBoth returns a run's timeline as the Node runner made it, without the names it
// gives the rows, and as timeline.Build reads the run's trace.
func readBoth(t *testing.T, events []noderun.Event) (runner, build *timeline.Timeline) {
	t.Helper()
	var trace *noderun.Event
	for i, e := range events {
		if e.Kind == noderun.KindTrace && e.Data != nil {
			trace = &events[i]
		}
	}
	if trace == nil {
		t.Fatal("the run has no trace")
	}
	build, err := timeline.Build(trace.Data, trace.Origin)
	if err != nil {
		t.Fatal(err)
	}
	runner, _, err = noderun.Timeline(events)
	if err != nil {
		t.Fatal(err)
	}
	for i := range runner.Goroutines {
		runner.Goroutines[i].Name = ""
	}
	return runner, build
}
