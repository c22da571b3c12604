// Package timeline defines the goroutine timeline the page draws from a playground
// program's execution trace (runtime/trace's format, recorded by wasm/runtrace): one row
// per goroutine the program started, with the program functions it runs, each a run of
// spans in which it was running, ready to run, or blocked, with why and at which line of
// main.go. Rows are named by the runner (site/js/timeline-event.js), by the rule the
// deadlock diagnosis names goroutines with, so the rule has one home.
//
// The page, the Node runner and so the "run" command's -timeline flag and the lesson
// tests all read traces with site/js/trace-timeline.js. Build is the same reading done
// with golang.org/x/exp/trace, Go's own trace parser: it is not shipped, but kept as the
// reference that the JavaScript reader must agree with (tools/internal/noderun's
// TestTraceReaderAgreesWithBuild). The types here are the timeline's JSON, for Go code
// that reads timeline events.
package timeline

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"golang.org/x/exp/trace"
)

// Timeline is what the page draws. Times are milliseconds since the run began, on the
// run's clock (virtual or real), the same axis as the output's line times.
type Timeline struct {
	End        float64     `json:"end"`   // the trace's last moment
	Spans      int         `json:"spans"` // spans in all rows
	Goroutines []Goroutine `json:"goroutines"`
}

// Goroutine is one row.
type Goroutine struct {
	ID uint64 `json:"id"`
	// Name is the row's label ("main", "worker", "main (a function literal)"). Build
	// leaves it empty; the runner sets it from Func and Frames (goroutine-name.js).
	Name string `json:"name,omitempty"`
	Func string `json:"func"` // the function it started in
	// Frames are the functions of main.go on its stack the first time it blocked,
	// outermost first: what it was running, for a goroutine started through a function
	// literal or a library wrapper.
	Frames      []string `json:"frames,omitempty"`
	CreatedLine int      `json:"createdLine,omitempty"` // the go statement's line in main.go
	CreatedBy   uint64   `json:"createdBy,omitempty"`   // the goroutine that ran it
	Spans       []Span   `json:"spans"`
}

// Span is a stretch of time in one state.
type Span struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	State State   `json:"state"`
	// For blocked spans: what it waits for (Reason), in the words of the call it waits in
	// (Wait, e.g. "chan receive" or "sync.(*Mutex).Lock"), at which line of main.go.
	Reason Reason `json:"reason,omitempty"`
	Wait   string `json:"wait,omitempty"`
	Line   int    `json:"line,omitempty"`
}

// State is what a goroutine is doing.
type State string

const (
	Running  State = "running"
	Runnable State = "runnable" // ready, waiting for its turn on the processor
	Blocked  State = "blocked"
)

// Reason is what a blocked goroutine waits for.
type Reason string

const (
	Channel   Reason = "channel"
	Select    Reason = "select"
	Mutex     Reason = "mutex"
	WaitGroup Reason = "waitgroup"
	Cond      Reason = "cond"
	Sleep     Reason = "sleep"
	Stdin     Reason = "stdin"
	Output    Reason = "output"
	Network   Reason = "network"
	Forever   Reason = "forever" // select {} and the like: nothing can wake it
	Other     Reason = "other"
)

// Reasons lists every Reason, for the check that the page can draw each
// (tools/internal/contract).
var Reasons = []Reason{Channel, Select, Mutex, WaitGroup, Cond, Sleep, Stdin, Output, Network, Forever, Other}

// MainFile is the program's file name in stack traces.
const MainFile = "main.go"

// Build reads a trace. originNs is the trace clock's reading at time 0 of the run.
func Build(data []byte, originNs float64) (*Timeline, error) {
	r, err := trace.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the trace: %w", err)
	}
	b := &builder{origin: originNs, rows: map[trace.GoID]*row{}, skip: map[trace.GoID]bool{}}
	for {
		ev, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the trace: %w", err)
		}
		b.event(ev)
	}
	return b.finish(), nil
}

type row struct {
	g      Goroutine
	open   *Span
	framed bool // Frames were taken from a stack with functions of main.go
}

type builder struct {
	origin float64
	end    float64
	rows   map[trace.GoID]*row
	skip   map[trace.GoID]bool // the runtime's own goroutines and the tracer's
	done   []Goroutine         // rows of goroutines that ended
}

func (b *builder) ms(t trace.Time) float64 { return (float64(t) - b.origin) / 1e6 }

func (b *builder) event(ev trace.Event) {
	t := b.ms(ev.Time())
	b.end = max(b.end, t)
	if ev.Kind() != trace.EventStateTransition {
		return
	}
	st := ev.StateTransition()
	if st.Resource.Kind != trace.ResourceGoroutine {
		return
	}
	id := st.Resource.Goroutine()
	from, to := st.Goroutine()
	if b.skip[id] {
		if to == trace.GoNotExist {
			delete(b.skip, id) // the id may be reused
		}
		return
	}
	r := b.rows[id]
	if r == nil {
		if !b.admit(id, from, ev, st) {
			b.skip[id] = true
			return
		}
		r = b.rows[id]
	}
	if r.open != nil {
		r.open.End = t
		r.g.Spans = append(r.g.Spans, *r.open)
		r.open = nil
	}
	if to == trace.GoNotExist {
		// The goroutine ended; a later goroutine may reuse its id as a new row.
		delete(b.rows, id)
		b.done = append(b.done, r.g)
		return
	}
	s := &Span{Start: t, State: state(to)}
	if s.State == Blocked {
		s.Reason, s.Wait, s.Line = blockedOn(st.Reason, st.Stack)
		if !r.framed {
			r.g.Frames = mainFrames(st.Stack)
			r.framed = len(r.g.Frames) > 0
		}
	}
	r.open = s
}

// mainFrames lists the functions of main.go on a stack, outermost first.
func mainFrames(stack trace.Stack) []string {
	var own []string
	for f := range stack.Frames() {
		if isMain(f) {
			own = append(own, f.Func)
		}
	}
	slices.Reverse(own)
	return own
}

// admit starts a row for a goroutine seen for the first time, unless it is the runtime's.
func (b *builder) admit(id trace.GoID, from trace.GoState, ev trace.Event, st trace.StateTransition) bool {
	g := Goroutine{ID: uint64(id)}
	switch {
	case id == 1:
		g.Func = "main.main"
	case from == trace.GoNotExist:
		// Created while tracing: the transition's stack is where it starts, the event's
		// where the go statement ran.
		g.Func = outermost(st.Stack)
		for f := range ev.Stack().Frames() {
			if isMain(f) {
				g.CreatedLine = int(f.Line)
				break
			}
		}
		if c := ev.Goroutine(); c != trace.NoGoroutine {
			g.CreatedBy = uint64(c)
		}
	default:
		// Alive when tracing began, which is before package main's initialization: only
		// the runtime's own goroutines are.
		g.Func = outermost(st.Stack)
	}
	if g.Func == "" || (strings.HasPrefix(g.Func, "runtime.") && g.Func != "runtime.main") {
		return false
	}
	b.rows[id] = &row{g: g}
	return true
}

func (b *builder) finish() *Timeline {
	tl := &Timeline{End: b.end}
	for _, r := range b.rows {
		if r.open != nil {
			r.open.End = b.end
			r.g.Spans = append(r.g.Spans, *r.open)
		}
		b.done = append(b.done, r.g)
	}
	for _, g := range b.done {
		g.Spans = merge(g.Spans)
		tl.Spans += len(g.Spans)
		tl.Goroutines = append(tl.Goroutines, g)
	}
	slices.SortFunc(tl.Goroutines, func(a, b Goroutine) int {
		return cmp.Or(cmp.Compare(first(a), first(b)), cmp.Compare(a.ID, b.ID))
	})
	return tl
}

func first(g Goroutine) float64 {
	if len(g.Spans) == 0 {
		return 0
	}
	return g.Spans[0].Start
}

// merge joins neighbouring spans that say the same thing.
func merge(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.State == s.State && last.Reason == s.Reason && last.Wait == s.Wait && last.Line == s.Line && last.End == s.Start {
				last.End = s.End
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func state(s trace.GoState) State {
	switch s {
	case trace.GoRunnable:
		return Runnable
	case trace.GoWaiting:
		return Blocked
	}
	return Running // running, or in a system call
}

// blockedOn names what a goroutine blocking with the runtime's reason and stack waits
// for, in which call, at which line of main.go.
func blockedOn(reason string, stack trace.Stack) (Reason, string, int) {
	var frames []trace.StackFrame
	for f := range stack.Frames() {
		frames = append(frames, f)
	}
	line, call := 0, ""
	for i, f := range frames {
		if isMain(f) {
			line = int(f.Line)
			if i > 0 {
				call = strings.TrimPrefix(frames[i-1].Func, "playground/")
			}
			break
		}
	}
	has := func(fn string) bool {
		return slices.ContainsFunc(frames, func(f trace.StackFrame) bool { return strings.HasPrefix(f.Func, fn) })
	}
	wait := reason
	kind := Other
	switch {
	case has("syscall.Read") || has("internal/poll.(*FD).Read"):
		kind, wait = Stdin, "reading standard input"
	case has("syscall.Write") || has("internal/poll.(*FD).Write"):
		kind, wait = Output, "writing output"
	case has("net/http."):
		kind, wait = Network, "waiting for the network"
	case strings.Contains(call, "Mutex)."), strings.Contains(call, "Once)."):
		kind, wait = Mutex, call
	case strings.Contains(call, "WaitGroup)."):
		kind, wait = WaitGroup, call
	case strings.Contains(call, "Cond).") || strings.HasPrefix(reason, "sync.(*Cond)"):
		kind, wait = Cond, "sync.(*Cond).Wait"
	case reason == "sleep":
		kind, wait = Sleep, "time.Sleep"
	case strings.HasPrefix(reason, "chan "):
		kind = Channel
	case reason == "select":
		kind = Select
	case reason == "forever" || strings.Contains(reason, "no cases"):
		kind = Forever
	case reason == "sync":
		kind = Mutex
	}
	return kind, wait, line
}

func isMain(f trace.StackFrame) bool {
	return path.Base(f.File) == MainFile && strings.HasPrefix(f.Func, "main.")
}

// outermost is the function a stack started in.
func outermost(stack trace.Stack) string {
	fn := ""
	for f := range stack.Frames() {
		fn = f.Func
	}
	return fn
}
