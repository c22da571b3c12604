// Package noderun runs compiled Go programs under Node through the browser's own host
// (site/js/host.js, bundled with runner.js), and reads back the same events the page
// receives. Lesson tests and benchmarks use it; so does the "run" command.
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
	"strings"
	"time"

	"goconcurrency.dev/playground/tools/internal/bundle"
	"goconcurrency.dev/playground/wasm/timeline"
)

// Event is one event of the stream documented in site/js/events.js.
type Event struct {
	Kind        string       `json:"kind"`
	Body        string       `json:"body,omitempty"`
	T           float64      `json:"t,omitempty"`
	Clock       string       `json:"clock,omitempty"`
	Status      int          `json:"status,omitempty"`
	Elapsed     float64      `json:"elapsed,omitempty"`
	Reason      string       `json:"reason,omitempty"`
	Message     string       `json:"message,omitempty"`
	Output      string       `json:"output,omitempty"`      // compile-error
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"` // compile-error
	CompileMs   float64      `json:"compileMs,omitempty"`   // build-done
	LinkMs      float64      `json:"linkMs,omitempty"`      // build-done
	Job         int          `json:"job"`                   // batch runs: the job's index
	Report      string       `json:"report,omitempty"`      // deadlock: the runtime's text
	Summary     []string     `json:"summary,omitempty"`     // deadlock: in sentences
	Goroutines  []Goroutine  `json:"goroutines,omitempty"`  // deadlock
	Line        int          `json:"line,omitempty"`        // panic
	Data        []byte       `json:"data,omitempty"`        // trace: the execution trace
	Origin      float64      `json:"origin,omitempty"`      // trace: trace clock (ns) at time 0
	Missing     string       `json:"missing,omitempty"`     // trace: why there is none
}

// Goroutine is one blocked goroutine of a deadlock event.
type Goroutine struct {
	ID        int       `json:"id"`
	Name      string    `json:"name"`
	Wait      string    `json:"wait"`
	Line      int       `json:"line"`
	StartLine int       `json:"startLine"`
	Holds     []LockUse `json:"holds"`
	Wants     *LockUse  `json:"wants"`
}

// LockUse is a lock a goroutine holds or wants, named as the program names it.
type LockUse struct {
	Name   string `json:"name"`
	Line   int    `json:"line"`
	HeldBy []int  `json:"heldBy,omitempty"`
}

// Diagnostic is one compiler message.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// Job is one program of a batch built by the in-browser toolchain.
type Job struct {
	Source string `json:"source"`          // the .go file
	Files  string `json:"files,omitempty"` // data files folder
	Stdin  string `json:"stdin,omitempty"` // input lines file
	Origin string `json:"origin,omitempty"`
	Clock  string `json:"clock,omitempty"`
}

// Options configure one run.
type Options struct {
	FilesDir string        // data files for the program's working directory; "" for none
	Source   string        // the program's .go file, so reports can name its locks
	Clock    string        // "virtual" (default) or "real"
	Stdin    string        // a file of input lines, "-" for this process's input, "" for none
	Origin   string        // given to the program as PLAYGROUND_ORIGIN, for same-origin fetches
	Timeout  time.Duration // real time allowed; default one minute
	OnEvent  func(Event)   // called as events arrive; may be nil
}

// Runner runs programs with a bundled Node entry.
type Runner struct {
	Script string // the bundled runner.cjs
}

// New bundles the Node runner into buildDir and returns a Runner using it.
func New(root, buildDir string) (*Runner, error) {
	// Several test processes may bundle at once: write privately, then rename into place.
	script := filepath.Join(buildDir, "node", "runner.cjs")
	tmp := fmt.Sprintf("%s.%d.tmp", script, os.Getpid())
	err := bundle.Node(root, []bundle.Entry{{Source: "tools/internal/noderun/runner.js", Output: tmp}})
	if err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, script); err != nil {
		return nil, err
	}
	return &Runner{Script: script}, nil
}

// Run runs the wasm program at path and returns its events. The last event is "exit" or
// "error" unless the run timed out, which is reported as an error.
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
	if len(events) == 0 || (events[len(events)-1].Kind != "exit" && events[len(events)-1].Kind != "error") {
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
		case "stdout", "stderr", "stdin":
			b.WriteString(e.Body)
		case "deadlock":
			b.WriteString(e.Report)
		case "truncated":
			ensureNewline(&b)
			fmt.Fprintf(&b, "[output truncated: %s]\n", e.Reason)
		case "exit":
			ensureNewline(&b)
			if e.Status == 0 {
				b.WriteString("Program exited.\n")
			} else {
				fmt.Fprintf(&b, "Program exited: status %d.\n", e.Status)
			}
		case "error":
			ensureNewline(&b)
			fmt.Fprintf(&b, "Error: %s\n", e.Message)
		case "compile-error":
			ensureNewline(&b)
			b.WriteString(e.Output)
			b.WriteString("Build failed.\n")
		}
	}
	return b.String()
}

func ensureNewline(b *strings.Builder) {
	if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		b.WriteByte('\n')
	}
}

// Timeline builds the goroutine timeline from a run's trace event, as the page does.
func Timeline(events []Event) (*timeline.Timeline, error) {
	for _, e := range events {
		if e.Kind != "trace" {
			continue
		}
		if e.Missing != "" {
			return nil, fmt.Errorf("no trace: %s", e.Missing)
		}
		return timeline.Build(e.Data, e.Origin)
	}
	return nil, errors.New("the run produced no trace event")
}

// TimedLine is one line of output and when it was written (milliseconds since start).
type TimedLine struct {
	T    float64 `json:"t"`
	Text string  `json:"text"`
}

// OutputLines splits a run's output into lines, each at the time its first byte was
// written, as the timeline places them.
func OutputLines(events []Event) []TimedLine {
	var out []TimedLine
	open := false
	for _, e := range events {
		if e.Kind != "stdout" && e.Kind != "stderr" {
			continue
		}
		for _, part := range strings.SplitAfter(e.Body, "\n") {
			if part == "" {
				continue
			}
			if open {
				out[len(out)-1].Text += strings.TrimSuffix(part, "\n")
			} else {
				out = append(out, TimedLine{T: e.T, Text: strings.TrimSuffix(part, "\n")})
			}
			open = !strings.HasSuffix(part, "\n")
		}
	}
	return out
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
