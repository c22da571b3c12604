package noderun

import "goconcurrency.dev/playground/wasm/timeline"

// Kind names an event. The kinds are defined once, by Kind in site/js/events.js; these
// constants are their Go names, and a test fails when the two lists disagree.
type Kind string

// The event kinds of site/js/events.js.
const (
	KindStart             Kind = "start"
	KindStdout            Kind = "stdout"
	KindStderr            Kind = "stderr"
	KindStdinWait         Kind = "stdin-wait"
	KindStdin             Kind = "stdin"
	KindTruncated         Kind = "truncated"
	KindExit              Kind = "exit"
	KindError             Kind = "error"
	KindDeadlock          Kind = "deadlock"
	KindPanic             Kind = "panic"
	KindMemoryLimit       Kind = "memory-limit"
	KindTrace             Kind = "trace"
	KindTimeline          Kind = "timeline"
	KindToolchainProgress Kind = "toolchain-progress"
	KindBuildStart        Kind = "build-start"
	KindBuildDone         Kind = "build-done"
	KindCompileError      Kind = "compile-error"
	KindTest              Kind = "test"
	KindTestSummary       Kind = "test-summary"
)

// Final reports whether an event of this kind ends a run: nothing of the run follows it
// but, after an exit, the run's timeline.
func (k Kind) Final() bool { return k == KindExit || k == KindError || k == KindCompileError }

// Event is one event of the stream documented in site/js/events.js, with the fields of
// every kind (each kind sets its own).
type Event struct {
	Kind Kind `json:"kind"`
	Job  int  `json:"job"` // batch runs: the job's index

	Body    string  `json:"body,omitempty"`    // stdout, stderr, stdin
	T       float64 `json:"t,omitempty"`       // stdout, stderr, stdin, deadlock
	Clock   string  `json:"clock,omitempty"`   // start
	Status  int     `json:"status,omitempty"`  // exit
	Elapsed float64 `json:"elapsed,omitempty"` // exit, test
	Over    string  `json:"over,omitempty"`    // truncated: "bytes" or "lines", the limit passed
	Max     int64   `json:"max,omitempty"`     // truncated: the limit; trace: the largest trace kept, in bytes
	Message string  `json:"message,omitempty"` // error, panic
	During  string  `json:"during,omitempty"`  // error: "load" or "run"

	Report     string      `json:"report,omitempty"`     // deadlock: the runtime's text
	Summary    []Sentence  `json:"summary,omitempty"`    // deadlock: the diagnosis, one entry per sentence
	Sentences  []string    `json:"sentences,omitempty"`  // deadlock: the summary in English words (the Node runner's)
	Goroutines []Goroutine `json:"goroutines,omitempty"` // deadlock
	Goroutine  int         `json:"goroutine,omitempty"`  // panic: the goroutine that panicked
	Func       string      `json:"func,omitempty"`       // panic: the program function
	Line       int         `json:"line,omitempty"`       // panic: the program line
	Limit      int64       `json:"limit,omitempty"`      // memory-limit: bytes

	Data     []byte             `json:"data,omitempty"`     // trace: the execution trace
	Origin   float64            `json:"origin,omitempty"`   // trace: trace clock (ns) at time 0
	Missing  string             `json:"missing,omitempty"`  // trace: why there is none: "crashed", "cut-off", "ended", "too-big"
	Timeline *timeline.Timeline `json:"timeline,omitempty"` // timeline: the goroutine rows
	Lines    []TimedLine        `json:"lines,omitempty"`    // timeline: the output lines
	Error    string             `json:"error,omitempty"`    // timeline: why there is none
	ReadMs   float64            `json:"readMs,omitempty"`   // timeline: time spent reading the trace

	Loaded      int64        `json:"loaded,omitempty"`      // toolchain-progress: bytes so far
	Total       int64        `json:"total,omitempty"`       // toolchain-progress: bytes in all
	Output      string       `json:"output,omitempty"`      // compile-error, test
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"` // compile-error
	Name        string       `json:"name,omitempty"`        // test
	Result      string       `json:"result,omitempty"`      // test, test-summary: "pass", "fail", …
	Failures    []Diagnostic `json:"failures,omitempty"`    // test: its t.Error lines
	Passed      int          `json:"passed,omitempty"`      // test-summary
	Failed      int          `json:"failed,omitempty"`      // test-summary
	Skipped     int          `json:"skipped,omitempty"`     // test-summary

	CompileMs float64 `json:"compileMs,omitempty"` // build-done
	LinkMs    float64 `json:"linkMs,omitempty"`    // build-done
	Cached    bool    `json:"cached,omitempty"`    // build-done
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

// Sentence is one sentence of a deadlock's diagnosis, as data: the goroutine (or the
// goroutines that wait alike) it speaks of, or a cycle of waiting.
type Sentence struct {
	IDs   []int       `json:"ids,omitempty"`
	Cycle []CycleLink `json:"cycle,omitempty"`
}

// CycleLink is one goroutine of a cycle of waiting, with the locks it holds and wants.
type CycleLink struct {
	ID    int    `json:"id"`
	Holds string `json:"holds"`
	Wants string `json:"wants"`
}

// LockUse is a lock a goroutine holds or wants, named as the program names it ("" when
// its line does not say).
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

// TimedLine is one line of output and when it was written (milliseconds since start).
type TimedLine struct {
	T    float64 `json:"t"`
	Text string  `json:"text"`
	Kind Kind    `json:"kind"` // stdout or stderr
}

// TestSummary is a test run's test-summary event, or nil when the run has none (its
// build failed, or it was not a test run).
func TestSummary(events []Event) *Event {
	for i := range events {
		if events[i].Kind == KindTestSummary {
			return &events[i]
		}
	}
	return nil
}
