// host.js runs one compiled Go program (GOOS=js GOARCH=wasm) and reports what it does as
// the events documented in events.js. It is the single host for every place a program
// runs: the browser's runner worker and the Node runner used by tests and benchmarks.
//
// It wraps Go's own wasm_exec.js (bundled from GOROOT at build time) and supplies what
// wasm_exec.js leaves to its embedder:
//   - a file system: an in-memory volume (memfs) holding the lesson's data files, with the
//     program's working directory at WORKDIR, standard output and error routed to events,
//     and standard input delivered line by line;
//   - a clock: the real one, or a virtual one in which sleeping costs no wall time;
//   - limits: output is capped and memory is bounded, so a runaway program is cut off
//     with a note instead of taking the page down with it.
//
// It is not for: fetching modules, compiling Go, or talking to a page; see runner-worker.js
// and toolchain.js for those.

import { newVolume, goFileSystem } from "./volume.js";
import { goProcess } from "./process.js";
import { newGo } from "./go-instance.js";
import { Kind } from "./events.js";
import { HostFunctions, GoFunctions } from "./bridge.js";
import { LockWatch, diagnoseDeadlock, diagnosePanic } from "./diagnose.js";
import { MEMORY_LIMIT } from "./memory-limit.js";

/** WORKDIR is the program's working directory; the lesson's data files live there. */
export const WORKDIR = "/lesson";

/** DEFAULT_LIMITS bound a run's output and memory. */
export const DEFAULT_LIMITS = Object.freeze({
  outputBytes: 1 << 20, // 1 MiB of stdout and stderr together
  outputLines: 10000,
  memoryBytes: MEMORY_LIMIT, // of WebAssembly memory, set by withMemoryLimit (memory-limit.js)
  traceBytes: 32 << 20, // 32 MiB of execution trace; a longer run gets no timeline
});

// The virtual clock starts where the Go playground's does: 2009-11-10 23:00:00 UTC.
const VIRTUAL_EPOCH_SECONDS = 1257894000;
// A monotonic clock that starts at zero looks like "no time"; start it at one second.
const MONOTONIC_BASE_NS = 1e9;
// How long the program must sit blocked, with nothing able to wake it, before the host
// asks the runtime to report a deadlock (milliseconds of real time).
const IDLE_GRACE_MS = 50;


/**
 * startProgram instantiates module (a WebAssembly.Module of a Go program) and runs it.
 * It returns a ProgramRun at once; events go to emit as they happen.
 *
 * options:
 *   files   {name: string|Uint8Array} data files placed under WORKDIR (names may hold "/")
 *   clock   "virtual" (default) or "real"
 *   args    command-line arguments after the program name
 *   origin  the site's origin (e.g. "http://localhost:8080"), given to the program as the
 *           PLAYGROUND_ORIGIN environment variable so it can fetch same-origin URLs
 *   source  the program's Go source, to name locks in deadlock reports
 *   emit    function(event) receiving every event
 *   limits  overrides for DEFAULT_LIMITS
 */
export function startProgram(module, options) {
  return new ProgramRun(module, options);
}

/** ProgramRun is one run of one program. done resolves with the final event. */
export class ProgramRun {
  constructor(module, { files = {}, clock = "virtual", args = [], origin = "", source = "", emit, limits = {} }) {
    // Runtime output is gathered into chunks (it writes a panic message a few bytes at a
    // time); program writes, every other event, and every return of control to the host
    // flush it.
    this.chunk = null;
    this.emit = (event) => {
      this.flushOutput();
      emit(event);
    };
    this.emitOutput = emit;
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.finished = false;
    this.exiting = false; // main has returned (or os.Exit was called)
    // The program's global object (go-instance.js): its file system, process, fetch and
    // the bridge functions (bridge.js) it calls or registers.
    this.global = {};
    this.go = newGo(this.global);
    this.go.argv = ["main", ...args];
    this.go.env = { HOME: "/home/gopher", USER: "gopher", PWD: WORKDIR, TMPDIR: "/tmp" };
    if (origin) this.go.env.PLAYGROUND_ORIGIN = origin;
    this.clock = clock === "real" ? new RealClock(this.go) : new VirtualClock(this.go);
    this.output = new OutputMeter(this.limits);
    this.stdin = new StdinPipe(this);
    this.decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
    this.inflight = 0; // fetches in flight: they will call back into Go
    this.source = source;
    this.locks = new LockWatch(); // what the observed sync package (wasm/syncwatch) reports
    this.stderrTail = ""; // the end of standard error, to find a panic's line
    this.lastActive = 0;
    this.idleTimer = null;

    // The execution trace (wasm/runtrace, built into every program) arrives in chunks.
    this.trace = new TraceRecorder(this.limits.traceBytes);
    Object.assign(this.global, {
      fs: this.fileSystem(files),
      process: goProcess(WORKDIR, "main"),
      [HostFunctions.lockReport]: (op, g, lock, file, line) => this.locks.apply({ op, g, lock, file, line }),
      [HostFunctions.traceStart]: (ns) => this.trace.begin(ns, this.clock.now()),
      [HostFunctions.trace]: (chunk) => this.trace.add(chunk),
      [HostFunctions.exiting]: () => (this.exiting = true),
    });
    if (hostFetch) {
      // net/http uses fetch; a request in flight is not a deadlock.
      this.global.fetch = (...args) => {
        this.inflight++;
        return hostFetch(...args).finally(() => this.inflight--);
      };
    }

    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.go.exit = (status) => this.finish({ kind: Kind.Exit, status, elapsed: this.clock.now() });
    this.start(module);
  }

  async start(module) {
    try {
      await null; // the program starts once startProgram has returned its run
      // Instantiated on this thread, as the module was compiled (runner-worker.js).
      const instance = new WebAssembly.Instance(module, this.go.importObject);
      this.emit({ kind: Kind.Start, clock: this.clock.name });
      this.clock.begin();
      const resume = this.go._resume.bind(this.go);
      this.go._resume = () => {
        try {
          resume();
        } catch (err) {
          // A goroutine that exits the program (a panic while main's exit hook waits)
          // leaves others that may still call into JavaScript in the same turn, after
          // wasm_exec has let go of the instance. The program has ended; nothing is lost.
          if (!this.go.exited) throw err;
        }
        this.watchIdle();
      };
      const exited = this.go.run(instance);
      this.watchIdle();
      await exited;
    } catch (err) {
      if (!this.finished) this.finish({ kind: Kind.Error, during: "run", message: String(err.message || err) });
    }
  }

  // watchIdle is called each time Go hands control back to the host. Go on js/wasm
  // cannot tell a deadlock from waiting for JavaScript, so the host decides: when no timer,
  // no input request and no host operation can wake the program, it delivers the event
  // that makes the runtime print "all goroutines are asleep - deadlock!" with its dump,
  // as Go's own Node host does when Node's event loop runs dry.
  watchIdle() {
    this.flushOutput();
    this.lastActive = performance.now();
    if (this.idleTimer !== null || this.finished) return;
    const check = () => {
      this.idleTimer = null;
      if (this.finished || this.go.exited) return;
      const quiet = performance.now() - this.lastActive;
      if (quiet < IDLE_GRACE_MS) {
        this.idleTimer = setTimeout(check, IDLE_GRACE_MS - quiet);
        return;
      }
      if (this.clock.pendingTimers() > 0 || this.stdin.waiting || this.inflight > 0) return;
      // Stop the trace first, so the timeline runs up to the deadlock; the tracer's
      // goroutines end with it, leaving the runtime's report to the program's own.
      const flushTrace = this.global[GoFunctions.traceFlush]; // registered by the program's tracer
      if (this.trace.recording && typeof flushTrace === "function") {
        flushTrace();
        if (this.finished || this.go.exited) return;
      }
      this.deadlockReport = "";
      this.go._pendingEvent = { id: 0 };
      this.go._resume();
    };
    this.idleTimer = setTimeout(check, IDLE_GRACE_MS);
  }

  /** writeStdin delivers text (normally one line ending in "\n") to the program. */
  writeStdin(text) {
    if (this.finished) return;
    this.emit({ kind: Kind.Stdin, body: text, t: this.clock.now() });
    this.stdin.push(text);
  }

  /** closeStdin makes further reads of standard input return end of file. */
  closeStdin() {
    this.stdin.close();
  }

  finish(event) {
    if (this.finished) return;
    this.finished = true;
    for (const fd of [1, 2]) this.gather(fd, this.decoders[fd].decode());
    if (this.deadlockReport !== undefined) {
      // The goroutine that delivered the host's wake-up event is the host's, not the
      // program's: leave it out of the report.
      const report = this.deadlockReport.replace(/\ngoroutine \d+ \[select \(no cases\)\]:\nsyscall\/js\.handleEvent\(\)\n[^\n]*\n/, "");
      this.deadlockReport = undefined;
      this.emit({ kind: Kind.Deadlock, report, t: this.clock.now(), ...diagnoseDeadlock(report, this.locks, this.source) });
    } else if (event.kind === Kind.Exit && event.status === 2) {
      if (this.stderrTail.includes("fatal error: out of memory")) {
        this.emit({ kind: Kind.MemoryLimit, limit: this.limits.memoryBytes });
      } else {
        const panic = diagnosePanic(this.stderrTail);
        if (panic) this.emit({ kind: Kind.Panic, ...panic });
      }
    }
    if (event.kind !== Kind.Error) this.emit(this.trace.event(event));
    this.clock.stop();
    clearTimeout(this.idleTimer);
    this.emit(event);
    this.resolveDone(event);
  }

  // write sends program output to the event stream, within the output limits.
  // A write is sent on at once (flush), since a program may print and then compute for a
  // long time without handing control back.
  write(fd, bytes, flush) {
    if (this.finished) return false;
    if (this.exiting) return true; // written after main returned: see HostFunctions.exiting
    // The runtime's deadlock report is the host's to read, not program output: it does
    // not count against the output limit (a thousand goroutines make a long one).
    const reporting = fd === 2 && this.deadlockReport !== undefined;
    if (!reporting && !this.output.admit(bytes)) {
      this.emit({ kind: Kind.Truncated, ...this.output.over() });
      this.finish({ kind: Kind.Exit, status: -1, elapsed: this.clock.now() });
      return false;
    }
    this.gather(fd, this.decoders[fd].decode(bytes, { stream: true }));
    if (flush) this.flushOutput();
    return true;
  }

  gather(fd, body) {
    if (!body) return;
    if (fd === 2 && this.deadlockReport !== undefined) {
      this.deadlockReport += body;
      return;
    }
    const kind = fd === 1 ? Kind.Stdout : Kind.Stderr;
    if (fd === 2) this.stderrTail = (this.stderrTail + body).slice(-65536);
    const t = this.clock.now();
    const c = this.chunk;
    if (c && c.kind === kind && c.t === t && c.body.length < 4096 && performance.now() - c.since < 16) {
      c.body += body;
      return;
    }
    this.flushOutput();
    this.chunk = { kind, body, t, since: performance.now() };
  }

  flushOutput() {
    const c = this.chunk;
    if (!c) return;
    this.chunk = null;
    this.emitOutput({ kind: c.kind, body: c.body, t: c.t });
  }

  fileSystem(files) {
    const { fs: mem } = newVolume(WORKDIR);
    mem.mkdirSync("/tmp", { recursive: true });
    for (const [name, data] of Object.entries(files)) {
      const path = `${WORKDIR}/${name}`;
      mem.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
      mem.writeFileSync(path, data);
    }
    const run = this;
    // File operations answer at once (see goFileSystem), so none is ever pending when the
    // idle watch looks.
    const ops = goFileSystem(mem);
    return {
      ...ops,
      constants: mem.constants,
      writeSync(fd, buf) {
        if (fd === 1 || fd === 2) {
          // The runtime writes panics and stack dumps a few bytes at a time: gather them.
          run.write(fd, buf.slice(), false);
          return buf.length;
        }
        return mem.writeSync(fd, buf);
      },
      write(fd, buf, offset, length, position, callback) {
        if (fd === 1 || fd === 2) {
          // A program past the output cap is left blocked in this write: never answering
          // stops it without letting it recover.
          if (run.write(fd, buf.slice(offset, offset + length), true)) callback(null, length);
          return;
        }
        ops.write(fd, buf, offset, length, position, callback);
      },
      read(fd, buf, offset, length, position, callback) {
        if (fd === 0) {
          run.stdin.read(buf, offset, length, callback);
          return;
        }
        ops.read(fd, buf, offset, length, position, callback);
      },
      fstat(fd, callback) {
        if (fd <= 2) {
          callback(null, characterDevice());
          return;
        }
        ops.fstat(fd, callback);
      },
    };
  }
}

// characterDevice is what fstat reports for standard input, output and error.
function characterDevice() {
  const now = new Date();
  return {
    dev: 0, ino: 0, mode: 0o20620, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096,
    blocks: 0, atimeMs: now.getTime(), mtimeMs: now.getTime(), ctimeMs: now.getTime(),
    isDirectory: () => false,
  };
}

// The environment's fetch, which each program gets wrapped.
const hostFetch = typeof globalThis.fetch === "function" ? globalThis.fetch.bind(globalThis) : null;

// OutputMeter counts output against the limits.
class OutputMeter {
  constructor(limits) {
    this.limits = limits;
    this.bytes = 0;
    this.lines = 0;
  }
  admit(bytes) {
    this.bytes += bytes.length;
    for (const b of bytes) if (b === 10) this.lines++;
    return this.bytes <= this.limits.outputBytes && this.lines <= this.limits.outputLines;
  }
  // over says which limit the output passed: {over: "bytes" | "lines", max}.
  over() {
    return this.bytes > this.limits.outputBytes
      ? { over: "bytes", max: this.limits.outputBytes }
      : { over: "lines", max: this.limits.outputLines };
  }
}

// TraceRecorder gathers the execution trace a program's tracer hands over.
class TraceRecorder {
  constructor(limit) {
    this.limit = limit;
    this.chunks = [];
    this.bytes = 0;
    this.complete = false;
    this.overflow = false;
  }
  // begin is called once tracing runs: ns is the runtime's monotonic clock then, and t
  // the host's time since start, so trace times can be put on the output's time axis.
  begin(ns, t) {
    this.origin = ns - t * 1e6;
  }
  // recording: tracing began and the trace has not ended yet.
  get recording() {
    return this.origin !== undefined && !this.complete;
  }
  add(chunk) {
    if (chunk === null) {
      this.complete = true;
      return;
    }
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      this.overflow = true;
      this.chunks = [];
      return;
    }
    if (!this.overflow) this.chunks.push(chunk);
  }
  // event is the "trace" event for a run ending with final.
  event(final) {
    if (this.overflow) return { kind: Kind.Trace, missing: "too-big", max: this.limit };
    if (!this.complete || this.origin === undefined) {
      return { kind: Kind.Trace, missing: final.status === 2 ? "crashed" : final.status === -1 ? "cut-off" : "ended" };
    }
    const data = new Uint8Array(this.bytes);
    let at = 0;
    for (const c of this.chunks) {
      data.set(c, at);
      at += c.length;
    }
    return { kind: Kind.Trace, data, origin: this.origin };
  }
}

// StdinPipe holds typed input until the program reads it.
class StdinPipe {
  constructor(run) {
    this.run = run;
    this.buffered = new Uint8Array(0);
    this.closed = false;
    this.waiting = null;
  }
  read(buf, offset, length, callback) {
    if (this.buffered.length > 0 || this.closed) {
      const n = Math.min(length, this.buffered.length);
      buf.set(this.buffered.subarray(0, n), offset);
      this.buffered = this.buffered.subarray(n);
      callback(null, n);
      return;
    }
    this.waiting = { buf, offset, length, callback };
    if (!this.run.exiting) this.run.emit({ kind: Kind.StdinWait });
  }
  push(text) {
    const bytes = new TextEncoder().encode(text);
    const joined = new Uint8Array(this.buffered.length + bytes.length);
    joined.set(this.buffered);
    joined.set(bytes, this.buffered.length);
    this.buffered = joined;
    this.wake();
  }
  close() {
    this.closed = true;
    this.wake();
  }
  wake() {
    const w = this.waiting;
    if (!w || this.run.finished) return;
    this.waiting = null;
    this.read(w.buf, w.offset, w.length, w.callback);
  }
}

// RealClock leaves wasm_exec.js's own time functions in place and measures event times.
class RealClock {
  name = "real";
  constructor(go) { this.go = go; }
  begin() { this.origin = performance.now(); }
  now() { return this.origin === undefined ? 0 : performance.now() - this.origin; }
  pendingTimers() { return this.go._scheduledTimeouts.size; }
  stop() {
    // A run cut off early leaves wakeups behind; they must not reach a finished program.
    for (const t of this.go._scheduledTimeouts.values()) clearTimeout(t);
    this.go._scheduledTimeouts.clear();
  }
}

// VirtualClock replaces the runtime's three time imports. Time stands still while Go code
// runs; when every goroutine is blocked and the runtime asks to be woken after a delay,
// the clock jumps forward by that delay and the runtime is resumed at once. time.Sleep
// therefore costs no wall time, and time.Since reports exactly what was slept.
class VirtualClock {
  name = "virtual";
  constructor(go) {
    this.go = go;
    this.ns = 0;
    this.nextID = 1;
    this.pending = new Map();
    const gojs = go.importObject.gojs;
    const setInt64 = (addr, v) => {
      go.mem.setUint32(addr + 0, v, true);
      go.mem.setUint32(addr + 4, Math.floor(v / 4294967296), true);
    };
    const getInt64 = (addr) => go.mem.getUint32(addr + 0, true) + go.mem.getInt32(addr + 4, true) * 4294967296;

    // func nanotime1() int64
    gojs["runtime.nanotime1"] = (sp) => {
      sp >>>= 0;
      setInt64(sp + 8, MONOTONIC_BASE_NS + this.ns);
    };
    // func walltime() (sec int64, nsec int32)
    gojs["runtime.walltime"] = (sp) => {
      sp >>>= 0;
      setInt64(sp + 8, VIRTUAL_EPOCH_SECONDS + Math.floor(this.ns / 1e9));
      go.mem.setInt32(sp + 16, this.ns % 1e9, true);
    };
    // func scheduleTimeoutEvent(delay int64) int32
    gojs["runtime.scheduleTimeoutEvent"] = (sp) => {
      sp >>>= 0;
      const id = this.nextID++;
      const due = this.ns + getInt64(sp + 8) * 1e6;
      this.pending.set(id, due);
      soon(() => this.fire(id));
      go.mem.setInt32(sp + 16, id, true);
    };
    // func clearTimeoutEvent(id int32)
    gojs["runtime.clearTimeoutEvent"] = (sp) => {
      sp >>>= 0;
      this.pending.delete(go.mem.getInt32(sp + 8, true));
    };
  }
  fire(id) {
    if (!this.pending.has(id) || this.go.exited || this.stopped) return;
    this.ns = Math.max(this.ns, this.pending.get(id));
    this.go._resume();
    // As in wasm_exec.js: if Go did not take the event, offer it once more.
    if (this.pending.delete(id) && !this.go.exited && !this.stopped) this.go._resume();
  }
  begin() {}
  now() { return this.ns / 1e6; }
  pendingTimers() { return this.pending.size; }
  stop() {
    this.stopped = true;
    this.pending.clear();
  }
}

// soon runs fn after the current task without setTimeout's 4 ms clamp on nested timers,
// so a thousand virtual sleeps take milliseconds, not seconds.
const soon = (() => {
  if (typeof setImmediate === "function") return setImmediate;
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
})();
