package lesson_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/toolchain"
)

var update = flag.Bool("update", false, "rewrite each program's .out file with its current output")

// root is the repository root, two folders above this package.
var root = filepath.Join("..", "..", "..")

func loadCourse(t *testing.T) *lesson.Course {
	t.Helper()
	c, err := lesson.Load(filepath.Join(root, "lessons"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var runnerOnce = sync.OnceValues(func() (*noderun.Runner, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	return noderun.New(abs, filepath.Join(abs, "build"))
})

// TestProgramOutput builds every lesson program for js/wasm, runs it under Node through
// the browser's host with the virtual clock, and compares its transcript with the .out
// file kept beside it. Run with -update to write the .out files; set LESSON to a
// comma-separated list of lesson folders to check only those.
func TestProgramOutput(t *testing.T) {
	runner, err := runnerOnce()
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(root)
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: filepath.Join(abs, "build", "cache", "programs")}
	// Programs may fetch their lesson's files from the site, as they do in the browser.
	origin, stop, err := noderun.ServeLessons(filepath.Join(abs, "lessons"))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	lessons := selectedLessons(t)
	// The group returns only when its parallel subtests are done, so site stays up.
	t.Run("lessons", func(t *testing.T) { runPrograms(t, lessons, b, runner, origin) })
}

func runPrograms(t *testing.T, lessons []*lesson.Lesson, b *gobuild.Builder, runner *noderun.Runner, origin string) {
	for _, l := range lessons {
		// A lesson's "Try this" variants are checked like its programs: each runs the edit
		// an item describes, and its .out holds what the prose says the edit prints.
		for _, p := range append(slices.Clone(l.Programs), l.Variants...) {
			name := p.Name
			if slices.Contains(l.Variants, p) {
				name = "try/" + name
			}
			t.Run(l.Slug+"/"+name, func(t *testing.T) {
				t.Parallel()
				wasm, err := b.Build(context.Background(), p.Source)
				if err != nil {
					t.Fatalf("building %s: %v", p.Path, err)
				}
				opts := noderun.Options{FilesDir: filepath.Join(l.Dir, "files"), Origin: origin, Timeline: true}
				if p.Stdin != nil {
					opts.Stdin = strings.TrimSuffix(p.Path, ".go") + ".in"
				}
				events, err := runner.Run(context.Background(), wasm, opts)
				if err != nil {
					t.Fatalf("running %s: %v\n%s", p.Path, err, noderun.Transcript(events))
				}
				checkTimeline(t, p.Path, events)
				got := noderun.Normalize(noderun.Transcript(events))
				if *update {
					if err := os.WriteFile(p.ExpectedPath(), []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				if p.Expected == nil {
					t.Fatalf("%s has no expected output; run: go test ./tools/internal/lesson -run TestProgramOutput -update", p.ExpectedPath())
				}
				if diff := cmp.Diff(string(p.Expected), got); diff != "" {
					t.Errorf("%s: output differs from %s (-want +got):\n%s", p.Path, p.ExpectedPath(), diff)
				}
			})
		}
	}
}

// TestProgramOutputWithBrowserToolchain builds every lesson program the way an edited
// program is built in the browser, with compile.wasm and link.wasm over an in-memory file
// system, runs it, and compares the output with the same .out files.
func TestProgramOutputWithBrowserToolchain(t *testing.T) {
	runner, tc, origin := browserToolchain(t)
	var programs []*lesson.Program
	var jobs []noderun.Job
	for _, l := range selectedLessons(t) {
		for _, p := range l.Programs {
			job := noderun.Job{Source: p.Path, Files: filepath.Join(l.Dir, "files"), Origin: origin, Timeline: true}
			if _, err := os.Stat(job.Files); err != nil {
				job.Files = ""
			}
			if p.Stdin != nil {
				job.Stdin = strings.TrimSuffix(p.Path, ".go") + ".in"
			}
			programs = append(programs, p)
			jobs = append(jobs, job)
		}
	}
	// Two Node processes, each with one warm toolchain, share the programs.
	const batches = 2
	results := make([][]noderun.Event, len(jobs))
	errs := make([]error, batches)
	var wg sync.WaitGroup
	for b := range batches {
		wg.Go(func() {
			var idx []int
			var part []noderun.Job
			for i := b; i < len(jobs); i += batches {
				idx = append(idx, i)
				part = append(part, jobs[i])
			}
			out, err := runner.RunBatch(context.Background(), tc, part, 20*time.Minute)
			errs[b] = err
			for k, i := range idx {
				results[i] = out[k]
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range programs {
		checkTimeline(t, p.Path+" (browser toolchain)", results[i])
		got := noderun.Normalize(noderun.Transcript(results[i]))
		if diff := cmp.Diff(string(p.Expected), got); diff != "" {
			t.Errorf("%s built by the browser toolchain: output differs from %s (-want +got):\n%s", p.Path, p.ExpectedPath(), diff)
		}
	}
	t.Logf("%d programs built by compile.wasm and link.wasm", len(programs))
}

// browserToolchain gives a test the Node runner, the in-browser toolchain's folder and
// the origin of a server of the lessons' files (stopped when the test ends).
func browserToolchain(t *testing.T) (*noderun.Runner, string, string) {
	t.Helper()
	runner, err := runnerOnce()
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(root)
	tc, err := toolchain.Ensure(context.Background(), filepath.Join(abs, "build", "cache", "toolchain"))
	if err != nil {
		t.Fatal(err)
	}
	origin, stop, err := noderun.ServeLessons(filepath.Join(abs, "lessons"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return runner, tc, origin
}

// selectedLessons is every lesson, or those named in $LESSON.
func selectedLessons(t *testing.T) []*lesson.Lesson {
	t.Helper()
	filter := os.Getenv("LESSON")
	if filter == "" {
		return loadCourse(t).Lessons()
	}
	var out []*lesson.Lesson
	for _, slug := range strings.Split(filter, ",") {
		l, err := lesson.Read(filepath.Join(root, "lessons", slug))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, l)
	}
	return out
}
