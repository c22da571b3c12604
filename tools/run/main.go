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
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/paths"
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
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
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
				for _, s := range e.Summary {
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
