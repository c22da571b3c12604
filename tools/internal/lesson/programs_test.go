package lesson_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
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
	var lessons []*lesson.Lesson
	if filter := os.Getenv("LESSON"); filter != "" {
		// Only the named lessons: other folders may be half-written.
		for _, slug := range strings.Split(filter, ",") {
			l, err := lesson.Read(filepath.Join(root, "lessons", slug))
			if err != nil {
				t.Fatal(err)
			}
			lessons = append(lessons, l)
		}
	} else {
		lessons = loadCourse(t).Lessons()
	}
	// The group returns only when its parallel subtests are done, so site stays up.
	t.Run("lessons", func(t *testing.T) { runPrograms(t, lessons, b, runner, origin) })
}

func runPrograms(t *testing.T, lessons []*lesson.Lesson, b *gobuild.Builder, runner *noderun.Runner, origin string) {
	for _, l := range lessons {
		for _, p := range l.Programs {
			t.Run(l.Slug+"/"+p.Name, func(t *testing.T) {
				t.Parallel()
				wasm, err := b.Build(context.Background(), p.Source)
				if err != nil {
					t.Fatalf("building %s: %v", p.Path, err)
				}
				opts := noderun.Options{FilesDir: filepath.Join(l.Dir, "files"), Origin: origin}
				if p.Stdin != nil {
					opts.Stdin = strings.TrimSuffix(p.Path, ".go") + ".in"
				}
				events, err := runner.Run(context.Background(), wasm, opts)
				if err != nil {
					t.Fatalf("running %s: %v\n%s", p.Path, err, noderun.Transcript(events))
				}
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
