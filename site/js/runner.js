// runner.js is the page's side of running programs: it owns the runner worker, starts runs,
// forwards typed input, and stops a run by terminating the worker, after which a fresh
// worker is started at once so the next Run does not wait for one.
import { Kind } from "./events.js";

/** Runner runs one program at a time in a Web Worker. */
export class Runner {
  constructor(workerURL) {
    this.workerURL = workerURL;
    this.onEvents = null; // set per run
    this.running = false;
    this.spawn();
  }

  spawn() {
    this.worker = new Worker(this.workerURL);
    this.worker.onmessage = ({ data }) => {
      if (data.type !== "events" || !this.onEvents) return;
      const last = data.events[data.events.length - 1];
      this.onEvents(data.events);
      if (last && (last.kind === Kind.Exit || last.kind === Kind.Error)) this.finished(last);
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.onEvents?.([{ kind: Kind.Error, message: e.message || "the runner failed" }]);
      this.finished();
      this.replace();
    };
  }

  replace() {
    this.worker.terminate();
    this.spawn();
  }

  /** prepare fetches and compiles a program ahead of a run. */
  prepare(wasmURL) {
    this.worker.postMessage({ type: "prepare", wasm: wasmURL });
  }

  /**
   * run starts a program, given by the URL of its precompiled wasm or by the bytes of one
   * just built; timeline is the URL of the trace reader (wasm/timeline). onEvents
   * receives each batch of events (events.js).
   */
  run({ wasm, bytes, files, clock, source, timeline, args = [], test = false }, onEvents) {
    if (this.running) this.stop();
    this.running = true;
    this.onEvents = onEvents;
    const msg = { type: "run", wasm, bytes, files, clock, source, timeline, args, test, origin: location.origin };
    this.worker.postMessage(msg, bytes ? [bytes] : []);
  }

  sendInput(text) {
    if (this.running) this.worker.postMessage({ type: "stdin", text });
  }

  /** stop ends the current run at once, however busy the program is. */
  stop() {
    if (!this.running) return false;
    this.onEvents = null;
    this.running = false;
    this.replace();
    return true;
  }

  finished() {
    // The worker stays: it keeps its compiled modules, and a program that ended (even one
    // cut off at the output cap) no longer runs any code. Its timeline may still come, so
    // onEvents stays until the next run or a stop.
    this.running = false;
  }
}
