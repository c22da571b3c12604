// Command run runs a Go program, or every program of a lesson, the way the browser does:
// compiled for js/wasm and run under Node by the page's own host, printing the same events.
//
//	go run ./tools/run [-clock virtual|real] [-json] [-stdin FILE|-] [-files DIR]
//	                   [-timeline FILE.json] [-trace FILE] PATH
//
// PATH is a .go file or a lesson folder. For a lesson, its data files and its .in files
// are used unless -files or -stdin say otherwise. With -json, every event is printed as
// one JSON line (a trace event without its bytes); otherwise each line of output is shown
// with its time since the start.
//
// -timeline writes what the page's timeline draws, as JSON: a list with one entry per
// program, {program, timeline, output}, where output holds the output lines with their
// times. -trace writes the raw execution trace of the last program run, which
// "go tool trace" opens.
//
// -test checks exercises as the page's Check button does, through the in-browser
// toolchain: PATH is a lesson folder (all its exercises) or one exercise folder. Each
// exercise's starter must build and fail its tests, and its solution must pass them.
//
//	go run ./tools/run -test lessons/lost-update
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"goconcurrency.dev/playground/tools/internal/exercise"
	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/tools/internal/toolchain"
	"goconcurrency.dev/playground/wasm/timeline"
)

func main() {
	clock := flag.String("clock", "virtual", "virtual or real")
	asJSON := flag.Bool("json", false, "print events as JSON lines")
	stdin := flag.String("stdin", "", "a file of input lines, or - to type them")
	files := flag.String("files", "", "a folder of data files for the program's working directory")
	timelineFile := flag.String("timeline", "", "write the goroutine timeline of each program to this JSON file")
	traceFile := flag.String("trace", "", "write the execution trace of the program to this file")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: run [flags] FILE.go|LESSON-DIR")
		flag.PrintDefaults()
	}
	test := flag.Bool("test", false, "check the exercises of a lesson (or one exercise folder): the starter fails its tests, the solution passes")
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if *test {
		if err := checkExercises(flag.Arg(0)); err != nil {
			fmt.Fprintln(os.Stderr, "run:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(flag.Arg(0), *clock, *asJSON, *stdin, *files, *timelineFile, *traceFile); err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(1)
	}
}

type target struct {
	name, source, stdin, files string
}

// timelineEntry is one program's part of the -timeline file.
type timelineEntry struct {
	Program  string              `json:"program"`
	Timeline *timeline.Timeline  `json:"timeline,omitempty"`
	Missing  string              `json:"missing,omitempty"` // why there is no timeline
	Output   []noderun.TimedLine `json:"output"`
}

func run(path, clock string, asJSON bool, stdin, files, timelineFile, traceFile string) error {
	var targets []target
	if strings.HasSuffix(path, ".go") {
		targets = append(targets, target{name: path, source: path, stdin: stdin, files: files})
	} else {
		l, err := lesson.Read(path)
		if err != nil {
			return err
		}
		for _, p := range l.Programs {
			t := target{name: p.Path, source: p.Path, stdin: stdin, files: files}
			if t.files == "" {
				t.files = filepath.Join(l.Dir, "files")
			}
			if t.stdin == "" && p.Stdin != nil {
				t.stdin = strings.TrimSuffix(p.Path, ".go") + ".in"
			}
			targets = append(targets, t)
		}
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	buildDir := filepath.Join(root, "build")
	runner, err := noderun.New(root, buildDir)
	if err != nil {
		return err
	}
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: paths.ProgramCache(root)}
	origin, stop, err := noderun.ServeLessons(filepath.Join(root, "lessons"))
	if err != nil {
		return err
	}
	defer stop()
	ctx := context.Background()
	var entries []timelineEntry
	for _, t := range targets {
		if len(targets) > 1 && !asJSON {
			fmt.Printf("== %s\n", t.name)
		}
		src, err := os.ReadFile(t.source)
		if err != nil {
			return err
		}
		wasm, err := b.Build(ctx, src)
		if err != nil {
			return fmt.Errorf("building %s:\n%w", t.name, err)
		}
		lineStart := true
		events, err := runner.Run(ctx, wasm, noderun.Options{FilesDir: t.files, Clock: clock, Stdin: t.stdin, Origin: origin, Source: t.source, Timeline: timelineFile != "", OnEvent: func(e noderun.Event) {
			if asJSON {
				e.Data = nil
				line, _ := json.Marshal(e)
				fmt.Println(string(line))
				return
			}
			switch e.Kind {
			case noderun.KindDeadlock:
				fmt.Print(e.Report)
				fmt.Println("\nWhat the playground sees:")
				for _, s := range e.Sentences {
					fmt.Println("  " + s)
				}
			case noderun.KindStdout, noderun.KindStderr, noderun.KindStdin:
				for _, part := range strings.SplitAfter(e.Body, "\n") {
					if part == "" {
						continue
					}
					if lineStart {
						fmt.Printf("%9.3fs  ", e.T/1000)
					}
					fmt.Print(part)
					lineStart = strings.HasSuffix(part, "\n")
				}
			case noderun.KindExit, noderun.KindTruncated, noderun.KindError:
				if !lineStart {
					fmt.Println()
					lineStart = true
				}
				fmt.Print(noderun.Transcript([]noderun.Event{e}))
				if e.Kind == noderun.KindExit {
					fmt.Printf("(%.3fs on the %s clock)\n", e.Elapsed/1000, clock)
				}
			}
		}})
		if err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
		if timelineFile != "" {
			e := timelineEntry{Program: t.name}
			if e.Timeline, e.Output, err = noderun.Timeline(events); err != nil {
				e.Missing = err.Error()
			}
			entries = append(entries, e)
		}
		if traceFile != "" {
			for _, e := range events {
				if e.Kind == noderun.KindTrace && e.Data != nil {
					if err := os.WriteFile(traceFile, e.Data, 0o644); err != nil {
						return err
					}
				}
			}
		}
	}
	if timelineFile != "" {
		data, err := json.MarshalIndent(entries, "", "  ")
		if err != nil {
			return err
		}
		return os.WriteFile(timelineFile, append(data, '\n'), 0o644)
	}
	return nil
}

// checkExercises runs the exercises under path, starter and solution, and prints what
// each test did.
func checkExercises(path string) error {
	path = filepath.Clean(path)
	only := ""
	if filepath.Base(filepath.Dir(path)) == "exercises" {
		only, path = filepath.Base(path), filepath.Dir(filepath.Dir(path))
	}
	l, err := lesson.Read(path)
	if err != nil {
		return err
	}
	if only != "" {
		l.Exercises = slices.DeleteFunc(l.Exercises, func(e *lesson.Exercise) bool { return e.ID != only })
		if len(l.Exercises) == 0 {
			return fmt.Errorf("%s lists no exercise %s in its front matter", filepath.Join(path, "lesson.md"), only)
		}
	}
	if len(l.Exercises) == 0 {
		return fmt.Errorf("%s has no exercises", path)
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	runner, err := noderun.New(root, filepath.Join(root, "build"))
	if err != nil {
		return err
	}
	ctx := context.Background()
	tc, err := toolchain.Ensure(ctx, paths.ToolchainCache(root))
	if err != nil {
		return err
	}
	origin, stop, err := noderun.ServeLessons(filepath.Join(root, "lessons"))
	if err != nil {
		return err
	}
	defer stop()
	results, err := exercise.Check(ctx, runner, tc, origin, []*lesson.Lesson{l})
	if err != nil {
		return err
	}
	bad := 0
	for _, r := range results {
		fmt.Printf("== %s/exercises/%s: %s\n", l.Slug, r.Exercise.ID, r.Exercise.Title)
		for i, v := range []exercise.Verdict{r.Starter, r.Solution} {
			fmt.Printf("  %s:", []string{"starter", "solution"}[i])
			if !v.Built {
				fmt.Printf(" does not build\n%s", v.Output)
				continue
			}
			if v.Summary != nil {
				fmt.Printf(" %s (%d passed, %d failed)", v.Summary.Result, v.Summary.Passed, v.Summary.Failed)
			}
			fmt.Println()
			for _, t := range v.Tests {
				fmt.Printf("    %-5s %s (%.0fms)\n", strings.ToUpper(t.Result), t.Name, t.Elapsed)
				for _, f := range t.Failures {
					fmt.Printf("          %s:%d: %s\n", f.File, f.Line, f.Message)
				}
			}
		}
		if p := r.Problem(); p != "" {
			bad++
			fmt.Printf("  PROBLEM: %s\n", p)
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d exercises are not checked both ways", bad, len(results))
	}
	return nil
}
