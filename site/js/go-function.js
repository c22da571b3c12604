// go-function.js loads the page's own Go programs compiled to WebAssembly (wasm/gofmt).
// Each registers one global function and then waits to be called, so one instance per
// worker serves every call.
//
// It is not for: running learners' programs (host.js) or the toolchain (toolchain.js).
import { newGo } from "./go-instance.js";

/** fetchOK fetches url, failing on an HTTP error status. */
export async function fetchOK(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`fetching ${url}: ${r.status} ${r.statusText}`);
  return r;
}

const loaded = new Map(); // URL -> Promise<Function>

/**
 * goFunction resolves with the global function named name (bridge.js) that the Go
 * program at url registers, starting the program the first time. A failed load is tried
 * again on the next call.
 */
export function goFunction(url, name) {
  if (!loaded.has(url)) {
    const ready = (async () => {
      const global = {}; // where the program registers its function
      const go = newGo(global);
      const { instance } = await WebAssembly.instantiateStreaming(fetchOK(url), go.importObject);
      go.run(instance); // registers the function, then waits to be called
      if (typeof global[name] !== "function") throw new Error(`${url} did not register ${name}`);
      return global[name];
    })();
    ready.catch(() => loaded.delete(url));
    loaded.set(url, ready);
  }
  return loaded.get(url);
}
