// go-instance.js makes instances of Go's wasm_exec.js Go class that each see a global
// object of their own: a program, the compiler or gofmt finds its file system, process,
// fetch and the playground's bridge functions (bridge.js) there, and whatever it
// registers stays there, so nothing a run sets up is left on globalThis for the next one.
// Everything else (Uint8Array, Date, crypto, …) is globalThis's own.
//
// It is not for: running a program's events (host.js) or the toolchain (toolchain.js).
import "go-wasm-exec"; // defines globalThis.Go

/**
 * newGo returns a Go instance whose global object is own laid over globalThis: reads
 * find own's properties first, and the program's writes go into own.
 */
export function newGo(own) {
  const go = new globalThis.Go();
  const global = new Proxy(globalThis, {
    get: (target, key) => (Object.hasOwn(own, key) ? own[key] : Reflect.get(target, key)),
    has: (target, key) => Object.hasOwn(own, key) || Reflect.has(target, key),
    set: (target, key, value) => {
      own[key] = value;
      return true;
    },
    deleteProperty: (target, key) => delete own[key],
  });
  // wasm_exec.js gives Go globalThis as the sixth of the values it starts with (reference
  // id 5, js.Global()); give it this instance's global object in its place.
  let values;
  Object.defineProperty(go, "_values", {
    configurable: true,
    get: () => values,
    set(v) {
      if (v[5] === globalThis) v[5] = global;
      values = v;
    },
  });
  // The runtime's own writes (runtime.wasmWrite: panics, stack dumps) go to the global fs
  // by name, not through Go's global object: point it at this instance's for the call.
  const wasmWrite = go.importObject.gojs["runtime.wasmWrite"];
  go.importObject.gojs["runtime.wasmWrite"] = (sp) => {
    const saved = globalThis.fs;
    globalThis.fs = own.fs ?? saved;
    try {
      wasmWrite(sp);
    } finally {
      globalThis.fs = saved;
    }
  };
  return go;
}
