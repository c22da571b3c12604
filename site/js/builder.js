// builder.js is the page's side of the build worker (build-worker.js): it asks for the
// toolchain to be loaded and warmed, builds edited programs and formats source. The worker
// is started on first use, so a learner who never edits downloads nothing of the toolchain.

/** Builder sends builds and formatting to the build worker. */
export class Builder {
  constructor({ workerURL, toolchainURL, gofmtURL }) {
    this.workerURL = workerURL;
    this.toolchainURL = toolchainURL;
    this.gofmtURL = gofmtURL;
    this.worker = null;
    this.nextID = 1;
    this.pending = new Map(); // id -> {resolve, onEvent}
    this.warmed = null;
    this.warmedUp = false; // the background warm-up builds have finished
    this.listeners = new Set(); // progress listeners for warming
  }

  start() {
    if (this.worker) return;
    this.worker = new Worker(this.workerURL);
    this.worker.onmessage = ({ data }) => this.receive(data);
  }

  receive(data) {
    const job = data.id ? this.pending.get(data.id) : null;
    switch (data.type) {
      case "event":
        if (job) job.onEvent?.(data.event);
        else for (const l of this.listeners) l(data.event);
        break;
      case "built":
      case "formatted":
        this.pending.delete(data.id);
        job?.resolve(data);
        break;
      case "warm":
      case "warm-failed":
        this.resolveWarm?.(data);
        break;
      case "warmed-up":
        this.warmedUp = true;
        break;
    }
  }

  /** onProgress registers a listener for toolchain events that belong to no build. */
  onProgress(listener) {
    this.listeners.add(listener);
  }

  /** warm loads the toolchain and runs a first compile in the background (once). */
  warm() {
    this.start();
    this.warmed ??= new Promise((resolve) => {
      this.resolveWarm = resolve;
      this.worker.postMessage({ type: "warm", toolchain: this.toolchainURL });
    });
    return this.warmed;
  }

  /**
   * build compiles and links a program (one main.go, or [{name, source}]); onEvent
   * receives its build events (events.js). With {test: true} it builds the program's
   * test binary. It resolves with {ok, wasm?: ArrayBuffer, tests?}.
   */
  build(program, onEvent, { test = false } = {}) {
    this.start();
    const id = this.nextID++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onEvent });
      this.worker.postMessage({ type: "build", id, toolchain: this.toolchainURL, program, test });
    });
  }

  /** format runs gofmt; it resolves with {source} or {error}. */
  format(source) {
    this.start();
    const id = this.nextID++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ type: "format", id, gofmt: this.gofmtURL, source });
    });
  }
}
