//go:build js && wasm

package runtrace

import (
	"runtime"
	"syscall/js"
	"unsafe"
)

// exitHook is internal/runtime/exithook.Hook.
type exitHook struct {
	F            func()
	RunOnFailure bool
}

//go:linkname addExitHook internal/runtime/exithook.Add
func addExitHook(h exitHook)

// wakeableSleep is the start of the runtime's wakeableSleep: the timer comes first.
type wakeableSleep struct {
	timer unsafe.Pointer // *runtime.timer
}

// traceAdvancer is runtime.traceAdvancer, the goroutine that starts new generations.
//
//go:linkname traceAdvancer runtime.traceAdvancer
var traceAdvancer struct {
	sleep *wakeableSleep
	done  chan struct{}
}

// traceState is the first byte of runtime.trace, the tracer's state; the CPU sampler's
// sleep is at cpuSleepOffset (offsets_js.go, written by the build).
//
//go:linkname traceState runtime.trace
var traceState byte

//go:linkname stopTimer runtime.(*timer).stop
func stopTimer(t unsafe.Pointer) bool

//go:linkname nanotime runtime.nanotime
func nanotime() int64

var (
	sink = js.Global().Get("playgroundTrace")
	// exiting tells the host that the program is exiting, before the exit hook waits for
	// the rest of the trace. While it waits, other goroutines get to run; a program built
	// natively would already be gone, so the host drops what they write from then on.
	exiting = js.Global().Get("playgroundExiting")
	ended   = make(chan struct{})
	// stopped is set once the trace has been stopped, by whichever of the exit hook and
	// the host's flush comes first.
	stopped bool
)

// readTrace hands the trace to the host as the runtime produces it. Its name puts it in
// the runtime, which makes it a system goroutine (see the package comment).
//
//go:linkname readTrace runtime.playgroundTraceReader
func readTrace() {
	uint8Array := js.Global().Get("Uint8Array")
	for {
		data := runtime.ReadTrace()
		if data == nil {
			break
		}
		chunk := uint8Array.New(len(data))
		js.CopyBytesToJS(chunk, data)
		sink.Invoke(chunk)
	}
	sink.Invoke(js.Null())
	close(ended)
}

// flush stops the trace and waits until the host has all of it.
func flush() {
	if stopped {
		<-ended
		return
	}
	stopped = true
	runtime.StopTrace()
	<-ended
}

// disarm stops the timer of a tracer goroutine's sleep once the goroutine has armed it,
// letting it run until it has.
func disarm(sleep func() *wakeableSleep) bool {
	for range 100 {
		if s := sleep(); s != nil && s.timer != nil && stopTimer(s.timer) {
			return true
		}
		runtime.Gosched()
	}
	return false
}

func init() {
	if sink.Type() != js.TypeFunction {
		return
	}
	if runtime.StartTrace() != nil {
		return
	}
	go readTrace()
	advancer := disarm(func() *wakeableSleep { return traceAdvancer.sleep })
	sampler := disarm(func() *wakeableSleep {
		return *(**wakeableSleep)(unsafe.Add(unsafe.Pointer(&traceState), cpuSleepOffset))
	})
	if !advancer || !sampler {
		// A tracer that wakes itself would keep a deadlocked program alive: give up.
		flush()
		return
	}
	addExitHook(exitHook{F: func() {
		if exiting.Type() == js.TypeFunction {
			exiting.Invoke()
		}
		flush()
	}})
	js.Global().Set("playgroundTraceFlush", js.FuncOf(func(js.Value, []js.Value) any {
		flush()
		return nil
	}))
	js.Global().Call("playgroundTraceStart", float64(nanotime()))
}
