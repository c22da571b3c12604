// bridge.js lists every function that crosses between the playground's Go, compiled to
// WebAssembly, and the JavaScript around it, besides the runtime's own imports (those
// are wasm_exec.js's). Each entry gives the global name, the Go signature as Go sees it,
// and the Go package on the other side. Nothing else names these globals: hosts take the
// names from here, and a test (tools/internal/contract) fails when the Go sources use a
// global function that is not listed, or a listed one is used by no Go source.

/**
 * HostFunctions are JavaScript functions the host provides and Go calls, looked up on the
 * program's global object when the Go package initializes.
 */
export const HostFunctions = Object.freeze({
  // func(op string, goroutine int, lock string, file string, line int)
  // wasm/syncwatch: op is "want", "hold" or "free", with "-read" for RLock; lock is the
  // lock's address in hex; file and line are the program's call site.
  lockReport: "playgroundLockReport",
  // func(ns float64)
  // wasm/runtrace: tracing has started; ns is runtime.nanotime() at that moment.
  traceStart: "playgroundTraceStart",
  // func(chunk Uint8Array | null)
  // wasm/runtrace: the next piece of the execution trace; null once it is complete.
  trace: "playgroundTrace",
  // func()
  // wasm/runtrace: main returned or os.Exit was called; the exit hook is about to wait
  // for the rest of the trace, during which other goroutines may run. Nothing they
  // write is the program's output: a natively built program would have exited.
  exiting: "playgroundExiting",
});

/**
 * GoFunctions are Go functions that a Go program registers on its global object
 * (js.Global().Set) and JavaScript calls.
 */
export const GoFunctions = Object.freeze({
  // func()
  // wasm/runtrace, in every program: stop tracing and hand over the rest of the trace
  // (the host calls it before asking the runtime for a deadlock report).
  traceFlush: "playgroundTraceFlush",
  // func(source string) {source: string} | {error: string}
  // wasm/gofmt: go/format.Source, for the Format button.
  gofmt: "gofmt",
  // func(filesJSON string) {json: string} | {error: string, diagnostics?: string}
  // wasm/testmain/cmd: the main of a program's test binary (testmain.Generate); files
  // are [{name, source}], json is a testmain.Main, diagnostics JSON of testmain.Error.
  testMain: "playgroundTestMain",
});
