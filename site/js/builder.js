// builder.js is the page's side of the build worker (build-worker.js): it asks for the
// toolchain to be loaded and warmed, builds edited programs and formats source. The worker
// is started on first use, so a learner who never edits downloads nothing of the toolchain.
import { readSaved, save, toolMemoryKey } from "./storage.js";

/** Builder sends builds and formatting to the build worker. */
export class Builder {
  constructor({ workerURL, toolchainURL, gofmtURL, tools = null }) {
    this.workerURL = workerURL;
    this.toolchainURL = toolchainURL;
    // The compiler and linker the page names (tools: {compile, link}, their URLs), as the
    // toolchain's manifest names them (relative to it), so the worker can start loading
    // them before the manifest comes.
    this.tools = manifestNames(tools, toolchainURL);
    this.gofmtURL = gofmtURL;
    this.worker = null;
    this.nextID = 1;
    this.pending = new Map(); // id -> {resolve, onEvent}
    this.warmed = null;
    this.warmedUp = false; // the background warm-up builds have finished
    this.warmUpBuilds = 0; // how many of them ran to the end
    this.keptOutdated = false; // the tools this browser keeps are not the site's current ones
    this.listeners = new Set(); // progress listeners for warming
  }

  start() {
    if (this.worker) return;
    this.worker = new Worker(this.workerURL, { type: "module" });
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
      case "warm-skipped":
        // The tools kept are not the site's current ones: they load, with a progress
        // bar, when the learner reaches an editor.
        this.keptOutdated = true;
        this.warmed = null;
        this.resolveWarm?.(data);
        break;
      case "memory-grown":
        save(toolMemoryKey, JSON.stringify(data.grown));
        break;
      case "warmed-up":
        this.warmedUp = true;
        this.warmUpBuilds = data.builds;
        break;
      case "keep":
        // The service worker keeps the toolchain's modules for offline use only when asked:
        // the browser fetched them itself (service-worker.js).
        globalThis.navigator?.serviceWorker?.controller?.postMessage({ type: "keep", urls: data.urls });
        break;
    }
  }

  /** onProgress registers a listener for toolchain events that belong to no build. */
  onProgress(listener) {
    this.listeners.add(listener);
  }

  /**
   * warm loads the toolchain and runs a few builds in the background (once); quiet, it
   * sends no progress events for the loading. With kept ({compile, link}: the URLs of the
   * tools this browser keeps), it loads them only if the site's manifest still names
   * those: else it loads nothing and resolves with {type: "warm-skipped"}, and the next
   * warm starts again.
   */
  warm({ quiet = false, kept = null } = {}) {
    this.start();
    this.warmed ??= new Promise((resolve) => {
      this.resolveWarm = resolve;
      // A quiet warm loads nothing but the tools kept: none named otherwise starts early.
      const tools = kept && !(this.tools?.compile === kept.compile && this.tools?.link === kept.link) ? null : this.tools;
      this.worker.postMessage({ type: "warm", toolchain: this.toolchainURL, quiet, kept, tools, memoryHint: memoryHint() });
    });
    return this.warmed;
  }

  /**
   * warmIfKept warms, quietly, only if this browser keeps the tools from an earlier
   * visit and the site still serves those, so warming downloads nothing. It resolves with
   * whether it started to.
   */
  async warmIfKept() {
    if (this.warmed) return false;
    const kept = await keptTools(this.toolchainURL);
    if (!kept || this.warmed) return false;
    this.warm({ quiet: true, kept });
    return true;
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
      this.worker.postMessage({ type: "build", id, toolchain: this.toolchainURL, tools: this.tools, program, test, memoryHint: memoryHint() });
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

// manifestNames gives tools' URLs ({compile, link}) relative to the toolchain's folder, as
// its manifest names them: null unless both are in that folder.
function manifestNames(tools, toolchainURL) {
  const name = (url) => (typeof url === "string" && url.startsWith(toolchainURL) ? url.slice(toolchainURL.length) : "");
  const compile = name(tools?.compile);
  const link = name(tools?.link);
  return compile && link ? { compile, link } : null;
}

// memoryHint is how far the tools' memories grew in an earlier visit, or null.
function memoryHint() {
  try {
    return JSON.parse(readSaved(toolMemoryKey) ?? "null");
  } catch {
    return null;
  }
}

// keptTools tells whether this browser keeps the toolchain's manifest and the compiler
// and linker it names (the service worker keeps a copy of what it has passed through):
// it resolves with {compile, link}, their URLs as the manifest gives them, or null. It
// reads only the browser's caches: for a reader who never built anything it fetches
// nothing and starts no worker.
export async function keptTools(toolchainURL) {
  if (typeof caches === "undefined") return null;
  try {
    const kept = await caches.match(new URL("manifest.json", toolchainURL).href);
    if (!kept) return null;
    const { compile, link } = await kept.json();
    const tools = await Promise.all([compile, link].map((f) => caches.match(new URL(f.url, toolchainURL).href)));
    return tools.every(Boolean) ? { compile: compile.url, link: link.url } : null;
  } catch {
    return null; // no caches here (an opaque origin), or a kept manifest unreadable
  }
}
