// runner-worker.js is the Web Worker in which programs run, so that a busy or endless
// program never blocks the page. One worker runs one program at a time; the page
// terminates it to stop a run and swaps in a spare one it keeps warm (see runner.js).
//
// Messages from the page:
//   {type: "prepare", wasm: URL}            fetch and compile a program ahead of a run
//   {type: "run", wasm: URL, files: {name: base64}, clock, origin, source, timeline: boolean,
//    args?: [string], test?: boolean}   test: a test binary, whose output is also read
//                                       into test events (go-test-report.js)
//   {type: "run", bytes: ArrayBuffer, ...}   a program just built by the build worker
//   {type: "prepare", bytes: ArrayBuffer}   compile a program built ahead of a Run (a
//                                       pause in typing): a run of the same bytes
//                                       then starts without compiling them
//   {type: "stdin", text}                    a line the learner typed
// Messages to the page:
//   {type: "ready"}                          the worker has loaded
//   {type: "prepared"}                       one "prepare" is done (or failed: the run
//                                            tries again and reports why)
//   {type: "events", events: [...]}          a batch of events (events.js)
//
// With timeline set, the worker reads the run's trace into its timeline
// (timeline-event.js) and sends the "timeline" event after "exit": reading never delays
// the end of a run.
import { startProgram } from "./host.js";
import { withMemoryLimit } from "./memory-limit.js";
import { Kind } from "./events.js";
import { TimelineMaker } from "./timeline-event.js";
import { TestReporter } from "./go-test-report.js";

const modules = new Map(); // URL -> Promise<WebAssembly.Module>
let built = null; // {bytes: Uint8Array, module: Promise<WebAssembly.Module>}: the last built program prepared
let run = null;

// compile compiles a program on this worker's own thread. WebAssembly.compile hands the
// work to the browser's shared compiler threads, where, for a while after the toolchain
// loads, a program waits its turn behind the optimizing compiler's work on the tools; on
// two cores, a lesson program took 60-330 ms to compile that way, and 50-120 ms here.
// A worker may compile synchronously; the page is never blocked.
function compile(bytes) {
  return new Promise((resolve) => resolve(new WebAssembly.Module(withMemoryLimit(bytes))));
}

function compiled(url) {
  if (!modules.has(url)) {
    const p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`fetching ${url}: ${r.status} ${r.statusText}`);
        return r.arrayBuffer();
      })
      .then(compile);
    p.catch(() => modules.delete(url));
    modules.set(url, p);
  }
  return modules.get(url);
}

// compiledBuilt compiles a built program's bytes, or returns the module of the one
// prepared if it has the same bytes (a build is deterministic: the same sources, the same
// bytes).
function compiledBuilt(buffer) {
  const bytes = new Uint8Array(buffer);
  if (built && sameBytes(built.bytes, bytes)) return built.module;
  return compile(bytes);
}

// prepareBuilt compiles a program built ahead of a Run and keeps it, with its bytes, in
// place of the last one.
function prepareBuilt(buffer) {
  const bytes = new Uint8Array(buffer);
  const entry = { bytes, module: compile(bytes) };
  built = entry;
  entry.module.catch(() => built === entry && (built = null)); // the run compiles again and reports why
  return entry.module;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  const n = a.length >> 2;
  const a4 = new Uint32Array(a.buffer, a.byteOffset, n);
  const b4 = new Uint32Array(b.buffer, b.byteOffset, n);
  for (let i = 0; i < n; i++) if (a4[i] !== b4[i]) return false;
  for (let i = n << 2; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Events are posted at once while they are few, so a line printed just before a long
// computation shows up; a program printing in a tight loop gets its events batched, at
// most MESSAGES_PER_FRAME messages per FRAME_MS, so it cannot flood the page.
const FRAME_MS = 16;
const MESSAGES_PER_FRAME = 8;
let batch = [];
let windowStart = 0;
let sentInWindow = 0;
let flushTimer = 0;
function flush() {
  clearTimeout(flushTimer);
  flushTimer = 0;
  if (batch.length === 0) return;
  postMessage({ type: "events", events: batch });
  batch = [];
  sentInWindow++;
}
function emit(event) {
  // Output written at one moment of the run's clock joins the output before it in the
  // batch: one event of many lines costs the page less than many events of one.
  const last = batch[batch.length - 1];
  if (last && joinable(last, event)) batch[batch.length - 1] = { ...last, body: last.body + event.body };
  else batch.push(event);
  const now = performance.now();
  if (now - windowStart > FRAME_MS) {
    windowStart = now;
    sentInWindow = 0;
  }
  const output = event.kind === Kind.Stdout || event.kind === Kind.Stderr || event.kind === Kind.Stdin;
  if (!output || sentInWindow < MESSAGES_PER_FRAME) flush();
  else if (!flushTimer) flushTimer = setTimeout(flush, FRAME_MS);
}

function joinable(a, b) {
  return a.kind === b.kind && a.t === b.t && (a.kind === Kind.Stdout || a.kind === Kind.Stderr) && a.body.length < 65536;
}

// programEvents passes a run's events on and, after its trace, the timeline
// (timeline-event.js), unless another run has started meanwhile.
let runs = 0;
// A test run's output also becomes test events (go-test-report.js).
function programEvents(withTimeline, source, test) {
  const token = ++runs;
  const timeline = withTimeline ? new TimelineMaker((e) => token === runs && emit(e), source) : null;
  const reporter = test ? new TestReporter(emit) : null;
  return (event) => {
    if (reporter) reporter.add(event);
    else emit(event);
    timeline?.add(event);
  };
}

function decodeFiles(files = {}) {
  const out = {};
  for (const [name, b64] of Object.entries(files)) {
    out[name] = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  }
  return out;
}

onmessage = async ({ data: msg }) => {
  switch (msg.type) {
    case "prepare": {
      const ready = msg.bytes ? prepareBuilt(msg.bytes) : compiled(msg.wasm);
      ready.catch(() => {}).then(() => postMessage({ type: "prepared" }));
      break;
    }
    case "run": {
      let module;
      try {
        module = await (msg.bytes ? compiledBuilt(msg.bytes) : compiled(msg.wasm));
      } catch (err) {
        emit({ kind: Kind.Error, during: "load", message: String(err.message || err) });
        return;
      }
      run = startProgram(module, {
        files: decodeFiles(msg.files), clock: msg.clock, origin: msg.origin, source: msg.source, args: msg.args ?? [],
        emit: programEvents(msg.timeline, msg.source, msg.test),
      });
      break;
    }
    case "stdin":
      run?.writeStdin(msg.text);
      break;
  }
};

postMessage({ type: "ready" });
