// Package noderun runs compiled Go programs under Node through the browser's own host
// (site/js/host.js, bundled with entry.js), and reads back the same events the page
// receives (events.go). Lesson tests and benchmarks use it; so does the "run" command.
//
// It is not for: compiling programs (package gobuild) or serving pages.
package noderun

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"goconcurrency.dev/playground/tools/internal/bundle"
	"goconcurrency.dev/playground/wasm/timeline"
)

// Job is one program of a batch built by the in-browser toolchain.
type Job struct {
	Source string `json:"source,omitempty"` // the .go file
	// Sources are a program's files, in place of Source: package main, with _test.go
	// files when Test is set.
	Sources []string `json:"sources,omitempty"`
	Test    bool     `json:"test,omitempty"`  // build the test binary, as the page's Test button does
	Args    []string `json:"args,omitempty"`  // command-line arguments, e.g. -test.v=test2json
	Files   string   `json:"files,omitempty"` // data files folder
	Stdin   string   `json:"stdin,omitempty"` // input lines file
	Origin  string   `json:"origin,omitempty"`
	Clock   string   `json:"clock,omitempty"`
	// Timeline asks for the run's timeline event after its exit (see Options.Timeline).
	Timeline bool `json:"timeline,omitempty"`
}

// Options configure one run.
type Options struct {
	FilesDir string        // data files for the program's working directory; "" for none
	Source   string        // the program's .go file, so reports can name its locks
	Clock    string        // "virtual" (default) or "real"
	Stdin    string        // a file of input lines, "-" for this process's input, "" for none
	Origin   string        // given to the program as PLAYGROUND_ORIGIN, for same-origin fetches
	Timeout  time.Duration // real time allowed; default one minute
	Timeline bool          // read the trace into a "timeline" event after exit, as the page does
	OnEvent  func(Event)   // called as events arrive; may be nil
}

// Runner runs programs with a bundled Node entry.
type Runner struct {
	Script string // the bundled runner.cjs
}

// New bundles the Node runner into buildDir and returns a Runner using it.
func New(root, buildDir string) (*Runner, error) {
	script := filepath.Join(buildDir, "node", "runner.cjs")
	err := privately(script, func(tmp string) error {
		return bundle.Node(root, []bundle.Entry{{Source: "tools/internal/noderun/entry.js", Output: tmp}})
	})
	if err != nil {
		return nil, err
	}
	return &Runner{Script: script}, nil
}

// privately writes a file with write(tmp) and renames it into place, so that several test
// processes may write the same file at once.
func privately(path string, write func(tmp string) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := write(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// Run runs the wasm program at path and returns its events. The run ends with an exit or
// error event (and with Options.Timeline, a timeline event after the exit) unless it
// timed out, which is reported as an error.
func (r *Runner) Run(ctx context.Context, wasm string, opts Options) ([]Event, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Minute
	}
	if opts.Clock == "" {
		opts.Clock = "virtual"
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	args := []string{r.Script, "--wasm", wasm, "--clock", opts.Clock}
	if opts.FilesDir != "" {
		if _, err := os.Stat(opts.FilesDir); err == nil {
			args = append(args, "--files", opts.FilesDir)
		}
	}
	if opts.Stdin != "" {
		args = append(args, "--stdin", opts.Stdin)
	}
	if opts.Origin != "" {
		args = append(args, "--origin", opts.Origin)
	}
	if opts.Source != "" {
		args = append(args, "--source-of", opts.Source)
	}
	if opts.Timeline {
		args = append(args, "--timeline", "yes")
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	if opts.Stdin == "-" {
		cmd.Stdin = os.Stdin
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting node: %w", err)
	}
	var events []Event
	rerr := readEvents(out, func(e Event) {
		events = append(events, e)
		if opts.OnEvent != nil {
			opts.OnEvent(e)
		}
	})
	werr := cmd.Wait()
	if rerr != nil {
		return events, rerr
	}
	if ctx.Err() != nil {
		return events, fmt.Errorf("program still running after %v (real time)", opts.Timeout)
	}
	if werr != nil {
		return events, fmt.Errorf("node: %v\n%s", werr, stderr.Bytes())
	}
	if !slices.ContainsFunc(events, func(e Event) bool { return e.Kind.Final() }) {
		return events, errors.New("the run ended without an exit event")
	}
	return events, nil
}

// RunBatch builds every job's source with the in-browser toolchain in toolchainDir
// (compile.wasm and link.wasm under Node, exactly as the browser does) and runs it. It
// returns each job's events; a job that fails to build ends with a compile-error event.
func (r *Runner) RunBatch(ctx context.Context, toolchainDir string, jobs []Job, timeout time.Duration) ([][]Event, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	f, err := os.CreateTemp("", "jobs-*.json")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if err := json.NewEncoder(f).Encode(jobs); err != nil {
		return nil, err
	}
	f.Close()
	cmd := exec.CommandContext(ctx, "node", r.Script, "--toolchain", toolchainDir, "--batch", f.Name())
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	results := make([][]Event, len(jobs))
	rerr := readEvents(bytes.NewReader(out), func(e Event) {
		if e.Job >= 0 && e.Job < len(jobs) {
			results[e.Job] = append(results[e.Job], e)
		}
	})
	if rerr != nil {
		return results, rerr
	}
	if ctx.Err() != nil {
		return results, fmt.Errorf("batch still running after %v", timeout)
	}
	if err != nil {
		return results, fmt.Errorf("node: %v\n%s", err, stderr.Bytes())
	}
	return results, nil
}

// readEvents decodes the runner's output, one JSON event per line.
func readEvents(r io.Reader, each func(Event)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return fmt.Errorf("reading event %q: %w", sc.Text(), err)
		}
		each(e)
	}
	return sc.Err()
}

// Transcript renders events as the output panel shows them, without times: program
// output and echoed input in order, then the closing line.
func Transcript(events []Event) string {
	var b strings.Builder
	for _, e := range events {
		switch e.Kind {
		case KindStdout, KindStderr, KindStdin:
			b.WriteString(e.Body)
		case KindDeadlock:
			b.WriteString(e.Report)
		case KindTruncated:
			ensureNewline(&b)
			fmt.Fprintf(&b, "[output truncated: %s]\n", e.truncation())
		case KindExit:
			ensureNewline(&b)
			if e.Status == 0 {
				b.WriteString("Program exited.\n")
			} else {
				fmt.Fprintf(&b, "Program exited: status %d.\n", e.Status)
			}
		case KindError:
			ensureNewline(&b)
			switch e.During {
			case "load":
				fmt.Fprintf(&b, "Error: loading the program: %s\n", e.Message)
			case "run":
				fmt.Fprintf(&b, "Error: running the program: %s\n", e.Message)
			default:
				fmt.Fprintf(&b, "Error: %s\n", e.Message)
			}
		case KindCompileError:
			ensureNewline(&b)
			b.WriteString(e.Output)
			b.WriteString("Build failed.\n")
		}
	}
	return b.String()
}

// truncation says which limit a truncated event's output passed.
func (e *Event) truncation() string {
	if e.Over == "bytes" {
		return fmt.Sprintf("output passed %d KiB", (e.Max+512)/1024)
	}
	return fmt.Sprintf("output passed %d lines", e.Max)
}

func ensureNewline(b *strings.Builder) {
	if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		b.WriteByte('\n')
	}
}

// Timeline returns the goroutine timeline of a run made with Options.Timeline, from its
// timeline event, and the run's output lines on the same time axis.
func Timeline(events []Event) (*timeline.Timeline, []TimedLine, error) {
	for _, e := range events {
		switch {
		case e.Kind == KindTrace && e.Missing != "":
			return nil, nil, fmt.Errorf("no trace: %s", e.Missing)
		case e.Kind == KindTimeline && e.Error != "":
			return nil, nil, fmt.Errorf("no timeline: %s", e.Error)
		case e.Kind == KindTimeline:
			return e.Timeline, e.Lines, nil
		}
	}
	return nil, nil, errors.New("the run produced no timeline event (run it with Options.Timeline)")
}

var hexNumber = regexp.MustCompile(`0x[0-9a-f]+`)

// Normalize hides what changes between toolchain builds but not between runs: the
// addresses and code offsets in a runtime stack dump.
func Normalize(transcript string) string {
	return hexNumber.ReplaceAllString(transcript, "0x?")
}

// ServeLessons serves the lessons folder at /lessons/ on a loopback port, as the site
// serves each lesson's files, so programs run under Node can fetch same-origin URLs. It
// returns the origin to give them and a function that stops the server.
func ServeLessons(lessonsDir string) (origin string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{
		Handler:           http.StripPrefix("/lessons/", http.FileServer(http.Dir(lessonsDir))),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
