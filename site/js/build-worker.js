// build-worker.js is the Web Worker that owns the in-browser Go toolchain (toolchain.js)
// and the Format button's gofmt. It lives as long as the page: stopping a program kills
// only the runner worker, so the compiler stays loaded and warm.
//
// Messages from the page:
//   {type: "warm", toolchain: URL, quiet?, kept?}   load the toolchain, then run the
//                                                    warm-up builds in the background;
//                                                    quiet: with no progress events;
//                                                    kept: {compile, link}, the tools'
//                                                    URLs the browser keeps: load only
//                                                    if the manifest names those
//   {type: "build", id, toolchain: URL, program, test}  compile and link a program:
//                                                    one main.go or [{name, source}];
//                                                    test builds its test binary
//   {type: "format", id, gofmt: URL, source}        gofmt a program
// "warm" and "build" may carry memoryHint: how far the tools' memories grew in an earlier
// visit, as "memory-grown" reported it (Toolchain.setMemoryHint); and tools: the
// compiler's and linker's files as the page names them ({compile, link}, relative to the
// manifest), to start loading before the manifest arrives (Toolchain.expectTools).
// Messages to the page:
//   {type: "event", id?, event}                     build events (events.js): the
//                                                    toolchain's progress, then
//                                                    build-start and build-done or
//                                                    compile-error
//   {type: "built", id, ok, wasm?: ArrayBuffer, tests?}  the build is over; tests is
//                                                    what a test binary runs
//   {type: "formatted", id, source?, error?}
//   {type: "warm"} | {type: "warm-failed", message}   the toolchain is loaded (or not)
//   {type: "memory-grown", grown}                   after a build: how far the tools'
//                                                    memories have grown, to keep for
//                                                    the next visit
//   {type: "warm-skipped"}                          the manifest names other tools than
//                                                    those kept: nothing was loaded
//   {type: "warmed-up", builds}                     the warm-up builds are done; builds
//                                                    is how many ran to the end (a build
//                                                    asked for cuts the rest short)
//   {type: "keep", urls}                            toolchain modules loaded from the
//                                                    network, for the service worker to
//                                                    keep (sent once the warm-ups are
//                                                    done, or after a build when no
//                                                    warm-up runs)
import { Toolchain } from "./toolchain.js";
import { Kind } from "./events.js";
import { GoFunctions } from "./bridge.js";
import { fetchOK, goFunction } from "./go-function.js";
import { withMemoryLimit } from "./memory-limit.js";
import WARM_UP from "../../wasm/warmup/main.go";

// Warm-up builds run while the learner reads: the first loads the archives lessons
// usually need, and the others let the engine optimize the compiler's and the linker's
// hot code before the learner's next Run. In a first visit the engine goes on optimizing
// for ten seconds or more after the first build; a learner's build made meanwhile takes
// about twice as long as one made after it. A build the learner asks for always goes
// first: the warm-up under way stops after its compile, and the rest wait their turn.
//
// The warm-up program (wasm/warmup/main.go, bundled here as text, so that make test vets
// it and runs it) uses what lesson programs use (goroutines, channels, select, a mutex,
// methods, an interface, a generic function, closures, maps, formatting) and imports
// only the packages nearly all of them import. The engine optimizes, and keeps in
// its code cache for the next visit, the code the warm-ups run often: with a program of
// a few lines, a returning visitor's first build of a real program ran much of the
// compiler unoptimized again.
const WARM_UP_BUILDS = 10;

let toolchain = null;
let currentID = null; // the build whose events are being reported
let requested = 0; // builds asked for and not finished
let lastBuilt = 0; // when the last build asked for finished (performance.now())
let warmUpBuilds = 0; // warm-up builds that ran to the end

// A warm-up build waits until WARM_UP_PAUSE_MS have passed since the last build asked for,
// so the program just built starts on a machine that is not compiling something else. A
// build asked for meanwhile ends the wait (the warm-up then gives way to it).
const WARM_UP_PAUSE_MS = 1000;
let wake = null;
async function afterPause() {
  for (let wait; requested === 0 && (wait = lastBuilt + WARM_UP_PAUSE_MS - performance.now()) > 0; ) {
    await new Promise((resolve) => {
      wake = resolve;
      setTimeout(resolve, wait);
    });
    wake = null;
  }
}

// nextTask resolves after the messages already waiting have been handled. A build runs
// from start to end without handing the worker's event loop back, so a build asked for
// meanwhile is not counted in requested until something waits for a task like this.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// giveWay tells a warm-up build, between its compile and its link, whether to stop there
// for a build the learner asked for meanwhile.
const giveWay = async () => {
  await nextTask();
  return requested > 0;
};

let quiet = false; // a quiet warm is loading the tools: no progress events of its own

// countBody reads a copy of a response's body only to count its bytes as they arrive.
async function countBody(response, onBytes) {
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onBytes(value.byteLength);
  }
}

// The service worker leaves the toolchain's modules to the browser and keeps a copy only
// when asked (service-worker.js), after the warm-up builds: written while they load, the
// copy would slow the load. When the browser's own fetch fails (offline), the kept copy
// is asked for.
const loadedModules = new Set(); // URLs loaded and not yet offered to be kept
let warmUpsDue = false; // warm-up builds are to run: the copy waits for their end
function offerToKeep() {
  if (warmUpsDue || loadedModules.size === 0) return;
  postMessage({ type: "keep", urls: [...loadedModules] });
  loadedModules.clear();
}

async function fetchModule(url) {
  try {
    const response = await fetchOK(url);
    loadedModules.add(url.href);
    return response;
  } catch (err) {
    if (!(err instanceof TypeError)) throw err; // an HTTP status: the network answered
    const kept = new URL(url);
    kept.search = "kept";
    return fetchOK(kept).catch(() => Promise.reject(err));
  }
}

// Bytes are counted as they arrive so the page can draw a progress bar; each file's
// share of the total is known from the manifest, by how the response is encoded.
function getToolchain(base, memoryHint = null, tools = null) {
  toolchain ??= new Toolchain({
    load: async (path, onBytes = () => {}, onEncoding = () => {}) => {
      const response = await fetchOK(new URL(path, base));
      onEncoding(response.headers.get("Content-Encoding"));
      const [bytes] = await Promise.all([response.clone().arrayBuffer(), countBody(response, onBytes)]);
      return new Uint8Array(bytes);
    },
    compileModule: async (path, onBytes = () => {}, onEncoding = () => {}) => {
      const response = await fetchModule(new URL(path, base));
      onEncoding(response.headers.get("Content-Encoding"));
      // Compile from the response itself, while it downloads, so the browser may also
      // cache the compiled code; a clone's body is read only to count bytes.
      const [module] = await Promise.all([WebAssembly.compileStreaming(response.clone()), countBody(response, onBytes)]);
      return module;
    },
    onProgress: (p) => (quiet && currentID === null) || postMessage({ type: "event", id: currentID, event: { kind: Kind.ToolchainProgress, ...p } }),
  });
  toolchain.setMemoryHint(memoryHint);
  toolchain.expectTools(tools);
  return toolchain;
}

// reportGrown tells the page how far the tools' memories have grown, when that changed.
let grownSent = "";
function reportGrown() {
  const grown = toolchain.memoryGrown();
  const json = JSON.stringify(grown);
  if (json === grownSent) return;
  grownSent = json;
  postMessage({ type: "memory-grown", grown });
}

// Builds run one at a time: the toolchain has one file system.
let queue = Promise.resolve();
function serially(fn) {
  const next = queue.then(fn, fn);
  queue = next.catch(() => {});
  return next;
}

onmessage = ({ data: msg }) => {
  switch (msg.type) {
    case "warm":
      serially(async () => {
        currentID = null;
        try {
          const tc = getToolchain(msg.toolchain, msg.memoryHint, msg.tools);
          quiet = !!msg.quiet;
          if (msg.kept) {
            // The manifest comes from the network when it can: after the site changed
            // its tools, the kept ones are not what loading would fetch, and a quiet load
            // must not download megabytes the learner did not ask for.
            await tc.loadManifest();
            const { compile, link } = tc.manifest;
            if (compile.url !== msg.kept.compile || link.url !== msg.kept.link) {
              postMessage({ type: "warm-skipped" });
              return;
            }
          }
          // The archives the warm-up (and most lessons) need download meanwhile.
          tc.prefetch(WARM_UP);
          await tc.init();
          tc.prepareSpares();
          warmUpsDue = true;
          postMessage({ type: "warm" });
        } catch (err) {
          postMessage({ type: "warm-failed", message: String(err.message || err) });
          return;
        } finally {
          quiet = false;
        }
        for (let i = 0; i < WARM_UP_BUILDS; i++) {
          // Each warm-up waits its turn behind any build the learner asked for.
          serially(async () => {
            await nextTask(); // a build asked for during the last warm-up goes first
            await afterPause();
            if (requested === 0) {
              currentID = null;
              const r = await toolchain.build(`${WARM_UP}\n// warm-up ${i}\n`, { giveWay });
              if (r.ok) {
                warmUpBuilds++;
                reportGrown();
              }
              toolchain.prepareSpares();
            }
            if (i === WARM_UP_BUILDS - 1) {
              postMessage({ type: "warmed-up", builds: warmUpBuilds });
              warmUpsDue = false;
              offerToKeep();
            }
          });
        }
      });
      break;
    case "build":
      requested++;
      wake?.();
      // Its archives download while the builds ahead of it (or the toolchain's loading) run.
      getToolchain(msg.toolchain, msg.memoryHint, msg.tools).prefetch(msg.program, { test: !!msg.test });
      serially(async () => {
        currentID = msg.id;
        const report = (event) => postMessage({ type: "event", id: msg.id, event });
        try {
          const r = await getToolchain(msg.toolchain, msg.memoryHint).buildWithEvents(msg.program, report, { test: !!msg.test });
          if (r.ok) {
            // The runner limits every program's memory (memory-limit.js); doing it here
            // makes the one copy the transfer needs anyway (the cache keeps its own), so
            // the runner finds the bytes limited and compiles them as they are.
            const limited = withMemoryLimit(r.wasm);
            const wasm = (limited.buffer === r.wasm.buffer ? limited.slice() : limited).buffer;
            postMessage({ type: "built", id: msg.id, ok: true, wasm, tests: r.tests }, [wasm]);
            reportGrown();
          } else {
            postMessage({ type: "built", id: msg.id, ok: false });
          }
        } finally {
          requested--;
          lastBuilt = performance.now();
          offerToKeep();
          // Instantiate the next compiler and linker once this build is out of the way.
          setTimeout(() => toolchain?.prepareSpares(), 0);
        }
      });
      break;
    case "format":
      goFunction(msg.gofmt, GoFunctions.gofmt)
        .then((fn) => {
          const r = fn(msg.source);
          postMessage({ type: "formatted", id: msg.id, source: r.source, error: r.error });
        })
        .catch((err) => postMessage({ type: "formatted", id: msg.id, error: `gofmt failed to load: ${err.message || err}` }));
      break;
  }
};
