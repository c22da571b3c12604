// runner.js is the page's side of running programs: it owns the runner worker, starts runs,
// forwards typed input, and stops a run by terminating the worker. A spare worker is kept
// warm beside it (loaded, and with the modules the current one compiled ahead of a run
// compiled too), so Stop swaps the spare in and the next Run starts at once; the next
// spare is started in the background.
import { Kind } from "./events.js";
import { t } from "./i18n.js";

// A spare worker is started once a run has gone on for LONG_RUN_MS (a run that ends
// sooner needs no Stop, and most lesson programs do), or SPARE_DELAY_MS after a spare
// was swapped in: the run asked for gets the machine first.
const LONG_RUN_MS = 500;
const SPARE_DELAY_MS = 200;

/** Runner runs one program at a time in a Web Worker. */
export class Runner {
  constructor(workerURL) {
    this.workerURL = workerURL;
    this.onEvents = null; // set per run
    this.running = false;
    // What every worker compiles ahead of a run: programs' wasm URLs.
    this.prepared = new Set();
    this.preparedBuilds = 0; // built programs handed over ahead of a Run
    this.spare = null; // {worker, ready, preparing}, or null until a run asks for one
    this.spareTimer = 0;
    this.current = this.spawn();
  }

  /** worker is the Web Worker that runs the current program. */
  get worker() {
    return this.current.worker;
  }

  /** warm reports whether the current worker has loaded and compiled what it was given. */
  get warm() {
    return isWarm(this.current);
  }

  /** spareWarm reports whether a spare worker waits, loaded and compiled. */
  get spareWarm() {
    return isWarm(this.spare);
  }

  // spawn starts a worker and has it compile every module prepared so far. Only the
  // current worker's events reach the run; a spare that fails is dropped.
  spawn() {
    const w = { worker: new Worker(this.workerURL, { type: "module" }), ready: false, preparing: 0 };
    w.worker.onmessage = ({ data }) => {
      if (data.type === "ready") w.ready = true;
      if (data.type === "prepared") w.preparing--;
      if (w !== this.current || data.type !== "events" || !this.onEvents) return;
      const last = data.events[data.events.length - 1];
      this.onEvents(data.events);
      if (last && (last.kind === Kind.Exit || last.kind === Kind.Error)) this.finished(last);
    };
    w.worker.onerror = (e) => {
      e.preventDefault();
      if (w === this.spare) {
        w.worker.terminate();
        this.spare = null;
        return;
      }
      if (w !== this.current) return;
      this.onEvents?.([{ kind: Kind.Error, message: e.message || t("js.error.runner") }]);
      this.finished();
      this.replace();
    };
    for (const wasm of this.prepared) sendPrepare(w, { wasm });
    return w;
  }

  // replace ends the current worker and puts the spare (or, when there is none yet, a
  // new worker) in its place; the next spare follows in the background.
  replace() {
    this.worker.terminate();
    this.current = this.spare ?? this.spawn();
    this.spare = null;
    this.keepSpare(SPARE_DELAY_MS);
  }

  // keepSpare starts a spare worker after delay ms, unless one is there or on its way;
  // with whileRunning, only if a run is still going by then.
  keepSpare(delay, whileRunning = false) {
    if (this.spare || this.spareTimer) return;
    this.spareTimer = setTimeout(() => {
      this.spareTimer = 0;
      if (!whileRunning || this.running) this.spare ??= this.spawn();
    }, delay);
  }

  /**
   * prepare fetches and compiles a program ahead of a run, in the current worker and the
   * spare, and in every later spare.
   */
  prepare(wasmURL) {
    if (this.prepared.has(wasmURL)) return;
    this.prepared.add(wasmURL);
    for (const w of [this.current, this.spare]) if (w) sendPrepare(w, { wasm: wasmURL });
  }

  /**
   * prepareBuilt has the current worker compile a program built ahead of a Run (bytes, an
   * ArrayBuffer it takes over), so a Run of the same bytes starts without compiling them.
   */
  prepareBuilt(bytes) {
    this.preparedBuilds++;
    sendPrepare(this.current, { bytes }, [bytes]);
  }

  /**
   * run starts a program, given by the URL of its precompiled wasm or by the bytes of one
   * just built; timeline asks for the run's timeline event (events.js). onEvents
   * receives each batch of events.
   */
  run({ wasm, bytes, files, clock, source, timeline, args = [], test = false }, onEvents) {
    if (this.running) this.stop();
    this.running = true;
    this.onEvents = onEvents;
    const msg = { type: "run", wasm, bytes, files, clock, source, timeline, args, test, origin: location.origin };
    this.worker.postMessage(msg, bytes ? [bytes] : []);
    this.keepSpare(LONG_RUN_MS, true);
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

// sendPrepare asks a worker to compile a module ahead of a run: {wasm} or {bytes}.
function sendPrepare(w, what, transfer = []) {
  w.preparing++;
  w.worker.postMessage({ type: "prepare", ...what }, transfer);
}

function isWarm(w) {
  return !!w && w.ready && w.preparing === 0;
}
