// Package runtrace records an execution trace of every playground program, so the page
// can draw its goroutine timeline. The build adds one file to each program's package main
// that imports it; the learner writes nothing for it and sees nothing of it:
//
//   - it starts the runtime's tracer (runtime.StartTrace) before package main initializes;
//   - its reader goroutine is named into the runtime (runtime.playgroundTraceReader), so
//     it counts as a system goroutine: runtime.NumGoroutine and deadlock dumps leave it
//     out, as they leave out the tracer's own goroutines;
//   - the tracer's two periodic wake-ups (starting a new trace generation every second
//     and polling for CPU samples every 100ms) are disarmed, so the whole run is one
//     generation and a deadlocked program still has nothing that can wake it. Without
//     that, the host could never tell a deadlock from a pending timer;
//   - the trace is handed to the host as it is read, by calls to
//     globalThis.playgroundTrace(bytes), and ends with playgroundTrace(null). It is
//     flushed when the program exits (an exit hook, run when main returns or os.Exit is
//     called) or when the host calls globalThis.playgroundTraceFlush() because the
//     program deadlocked.
//
// Without a host that defines playgroundTrace, it does nothing.
//
// It reaches into the runtime by name (go:linkname), so programs are linked with
// -checklinkname=0. Two layouts it relies on are computed from the runtime's source when
// the package is compiled (see gobuild.RuntimeLayout): the offset of the CPU sampler's
// sleep in the runtime's trace state. The build fails if those layouts change.
package runtrace
