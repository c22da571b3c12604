// Package exercise checks a lesson's exercises the way the page's Check button does: each
// is built with its tests by the in-browser toolchain and run under Node, once as the
// learner gets it (the starter must build and fail its tests) and once with the
// reference solution in place (which must pass them all). An exercise that passes as
// given, or whose solution fails, teaches nothing; this is what catches it.
//
// It is not for: reading exercises (package lesson) or running them in the page.
package exercise

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
)

// Verdict is how one version of an exercise (starter or solution) did.
type Verdict struct {
	Built   bool
	Output  string // the compiler's message when it did not build
	Summary *noderun.Event
	Tests   []noderun.Event // one per finished test
	Events  []noderun.Event
}

// Result is one exercise, checked both ways.
type Result struct {
	Lesson   *lesson.Lesson
	Exercise *lesson.Exercise
	Starter  Verdict
	Solution Verdict
}

// Problem says what is wrong with the exercise, "" when the starter fails and the
// solution passes.
func (r *Result) Problem() string {
	var problems []string
	switch {
	case !r.Starter.Built:
		problems = append(problems, "the starter does not build:\n"+r.Starter.Output)
	case r.Starter.Summary == nil:
		problems = append(problems, "the starter's run has no test summary")
	case r.Starter.Summary.Result == "pass" || r.Starter.Summary.Result == "none":
		problems = append(problems, fmt.Sprintf("the starter already passes its tests (%s)", r.Starter.Summary.Result))
	}
	switch {
	case !r.Solution.Built:
		problems = append(problems, "the solution does not build:\n"+r.Solution.Output)
	case r.Solution.Summary == nil:
		problems = append(problems, "the solution's run has no test summary")
	case r.Solution.Summary.Result != "pass" || r.Solution.Summary.Passed == 0:
		problems = append(problems, fmt.Sprintf("the solution does not pass (%s, %d passed, %d failed):\n%s",
			r.Solution.Summary.Result, r.Solution.Summary.Passed, r.Solution.Summary.Failed, noderun.Transcript(r.Solution.Events)))
	}
	return strings.Join(problems, "\n")
}

// Check runs every exercise of the lessons, starter and solution, through the toolchain
// in toolchainDir, in one Node process.
func Check(ctx context.Context, runner *noderun.Runner, toolchainDir, origin string, lessons []*lesson.Lesson) ([]*Result, error) {
	tmp, err := os.MkdirTemp("", "exercises")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var results []*Result
	var jobs []noderun.Job
	for _, l := range lessons {
		for _, e := range l.Exercises {
			r := &Result{Lesson: l, Exercise: e}
			results = append(results, r)
			for i, files := range [][]*lesson.File{e.Files, e.SolvedFiles()} {
				dir := filepath.Join(tmp, l.Slug, e.ID, []string{"starter", "solution"}[i])
				job := noderun.Job{Test: true, Origin: origin}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return nil, err
				}
				for _, f := range files {
					path := filepath.Join(dir, f.Name)
					if err := os.WriteFile(path, f.Source, 0o644); err != nil {
						return nil, err
					}
					job.Sources = append(job.Sources, path)
				}
				if data := filepath.Join(l.Dir, "files"); exists(data) {
					job.Files = data
				}
				jobs = append(jobs, job)
			}
		}
	}
	if len(jobs) == 0 {
		return nil, nil
	}
	out, err := runner.RunBatch(ctx, toolchainDir, jobs, time.Duration(len(jobs))*time.Minute)
	if err != nil {
		return nil, err
	}
	for i, r := range results {
		r.Starter, r.Solution = verdict(out[2*i]), verdict(out[2*i+1])
	}
	return results, nil
}

func verdict(events []noderun.Event) Verdict {
	v := Verdict{Built: true, Events: events, Summary: noderun.TestSummary(events)}
	for _, e := range events {
		switch e.Kind {
		case noderun.KindCompileError:
			v.Built, v.Output = false, e.Output
		case noderun.KindTest:
			v.Tests = append(v.Tests, e)
		}
	}
	return v
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
