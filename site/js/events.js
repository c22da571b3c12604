// events.js documents the one event stream that a program run produces. Every view reads
// it: the output panel, the editor's line markers, the embed widget and the Node runner
// (which prints the same objects as JSON lines). Nothing else defines event shapes.
//
// Events are data, never words in a language: the views put them into the page's words
// (i18n.js), so a run reads the same in every edition of the site.
//
// A run emits, in order:
//
//   {kind: "start", clock: "virtual"|"real"}
//       The program is about to run. With the virtual clock, sleeps finish at once and
//       time.Now/time.Since report the slept time; with the real clock they take as long
//       as they say.
//   {kind: "stdout"|"stderr", body: string, t: number}
//       Text the program wrote, in the order written. t is the milliseconds since start
//       on the run's clock when the write happened. A body may hold several lines or
//       part of one.
//   {kind: "stdin-wait"}
//       The program is blocked reading standard input and nothing is buffered. The view
//       offers an input line; what the learner types is sent back with the "stdin"
//       message of the worker protocol (see runner-worker.js).
//   {kind: "stdin", body: string, t: number}
//       A line the learner typed, echoed as the program receives it.
//   {kind: "deadlock", report, goroutines, summary, t}
//       Every goroutine was blocked with nothing left to wake it. report is the runtime's
//       own text ("fatal error: all goroutines are asleep - deadlock!" and its dump);
//       goroutines lists, per goroutine, {id, name, wait, line, startLine, holds:
//       [{name, line, lock}], wants: {name, line, lock, heldBy} | null}, where a lock's
//       name is what the program calls it (null when its line does not say); summary is
//       the diagnosis, one entry per sentence the page shows (diagnose.js summaryText):
//       {ids} for one goroutine or a group of goroutines that wait alike, {cycle:
//       [{id, holds, wants}]} for a cycle of waiting, with the names of the lock each
//       goroutine of it holds and wants. Lines are lines of main.go. "exit" with status 2
//       follows.
//   {kind: "panic", message, goroutine, line, func}
//       An unrecovered panic, and the program line it came from; its text was already
//       written to stderr. "exit" with status 2 follows.
//   {kind: "memory-limit", limit: number}
//       The program asked for more memory than the limit (bytes) and the runtime stopped
//       it with "fatal error: out of memory". "exit" with status 2 follows.
//   {kind: "truncated", over: "bytes"|"lines", max: number}
//       The output cap was reached (max bytes, or max lines, of stdout and stderr
//       together); the program was stopped and later output dropped.
//   {kind: "trace", data: Uint8Array, origin: number} | {kind: "trace", missing, max?}
//       The run's execution trace (runtime/trace's format, recorded by wasm/runtrace in
//       every program), just before "exit". origin is the trace clock's reading, in
//       nanoseconds, at time 0 of the run. A run that crashed, was cut off or traced too
//       much has none; missing says why: "crashed", "cut-off", "ended" (before its trace
//       was written) or "too-big" (the trace passed max bytes).
//   {kind: "timeline", timeline} | {kind: "timeline", error: string}
//       The trace turned into goroutine rows (see trace-timeline.js) by the runner
//       worker after "trace"; it comes after "exit", since reading takes a moment.
//   {kind: "test", name, result, elapsed, output, failures}
//       Test runs only (the Test and Check buttons): one test, benchmark or example has
//       finished (go-test-report.js). result is "pass", "fail", "skip", or, for a test the
//       run ended while it ran, "deadlock", "panic" or "stopped"; elapsed is the
//       milliseconds it took on the run's clock; output its lines (t.Log, what it
//       printed, an example's got/want); failures the {file, line, col, message} of its
//       t.Error/t.Fatal lines, for the editor. Subtests are named "Parent/sub".
//   {kind: "test-summary", result, passed, failed, skipped}
//       Test runs only, just before "exit": result is "pass", "fail", "deadlock",
//       "panic" or "none" (nothing ran); the counts are of top-level tests.
//   {kind: "exit", status: number, elapsed: number}
//       The program ended: status is its exit code (2 for a Go fatal error such as a
//       deadlock or an unrecovered panic), elapsed the milliseconds since start on the
//       run's clock. After "truncated", status is -1.
//   {kind: "error", message: string, during?: "load"|"run"}
//       The host failed before or while running the program (a missing file, a module
//       that does not compile): during says while doing what, message is the failure's
//       own text. Nothing follows it.
//
// An edited program is built first, by the in-browser toolchain (toolchain.js, run by
// build-worker.js); its events come before "start" and, when the build fails, instead of
// the run:
//
//   {kind: "toolchain-progress", loaded: number, total: number}
//       Bytes of the compiler, linker and standard-library archives fetched so far.
//   {kind: "build-start"}
//       Compiling and linking has begun.
//   {kind: "build-done", compileMs, linkMs, cached: boolean}
//       The program was built (or found already built); the run follows.
//   {kind: "compile-error", diagnostics: [{file, line, col, message}], output: string}
//       The compiler rejected the program; output is its message as printed
//       ("main.go:12:5: undefined: x"); diagnostics are the same, parsed, for editors.

/** Event kinds, for views that switch on them. */
export const Kind = Object.freeze({
  Start: "start",
  Stdout: "stdout",
  Stderr: "stderr",
  StdinWait: "stdin-wait",
  Truncated: "truncated",
  Exit: "exit",
  Error: "error",
  Stdin: "stdin",
  Deadlock: "deadlock",
  Panic: "panic",
  MemoryLimit: "memory-limit",
  Trace: "trace",
  Timeline: "timeline",
  ToolchainProgress: "toolchain-progress",
  BuildStart: "build-start",
  BuildDone: "build-done",
  CompileError: "compile-error",
  Test: "test",
  TestSummary: "test-summary",
});

/** formatElapsed prints milliseconds as a short duration: 950ms, 3.000s, 2m03.5s. */
export function formatElapsed(ms) {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(3)}s`;
  const m = Math.floor(ms / 60000);
  const s = ((ms % 60000) / 1000).toFixed(1).padStart(4, "0");
  return `${m}m${s}s`;
}
