// toolchain.js compiles and links Go programs with the real Go compiler and linker, built
// for js/wasm (tools/internal/toolchain), against an in-memory file system holding the
// standard library's archives. It runs in the page's build worker and in the Node runner,
// with the same flags as the native build of the precompiled lessons (gobuild), so an
// edited program behaves exactly as a precompiled one.
//
// It is not for: running the built program (host.js does that).

import { newVolume, goFileSystem, scratchUint8Array, CapturedFile } from "./volume.js";
import { goProcess } from "./process.js";
import { newGo } from "./go-instance.js";
import { Kind } from "./events.js";
import { formatDiagnostic, parseDiagnostics, scanImports } from "./go-source.js";
import { GoFunctions } from "./bridge.js";
import { countDownload, sentSize } from "./toolchain-progress.js";

// A memory hint (Toolchain.setMemoryHint) is followed up to 256 MiB per tool; a build of a
// lesson-sized program grows the compiler's memory to about 23 MiB and the linker's to 72.
const MAX_HINTED_PAGES = 4096;
// How much of a hinted memory is touched per task: about 50 ms of page faults, so that
// the download's own work on the worker is not held up for long.
const PREFAULT_CHUNK = 8 << 20;

// How often, at most, the download's progress is reported while it is under way.
const PROGRESS_EVERY_MS = 200;

/** TEST_MAIN_FILE is the name of the generated test main (wasm/testmain.FileName). */
export const TEST_MAIN_FILE = "_testmain.go";

/** GO_FILE_NAME is what a program's file may be called: a plain name ending in .go. */
export const GO_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.go$/;

/** isTestFile reports whether a file of a program holds tests. */
export function isTestFile(name) {
  return name.endsWith("_test.go");
}

/** programFiles is a program as files: a string is one main.go. */
export function programFiles(program) {
  return typeof program === "string" ? [{ name: "main.go", source: program }] : program;
}

/**
 * Toolchain loads the tools and archives named by a manifest and builds programs.
 *
 * options:
 *   load(path, onBytes, onEncoding)           Promise<Uint8Array> of a file, path
 *                                             relative to the manifest
 *   compileModule(path, onBytes, onEncoding)  Promise<WebAssembly.Module> of a .wasm
 *                                             file (lets browsers compile while
 *                                             downloading)
 *   onProgress({loaded, total})   bytes fetched so far, as sent over the network
 *                                 (toolchain-progress.js), for a progress bar
 * Both loaders may call onEncoding(name) with the response's Content-Encoding (null for
 * none) and onBytes(n) as chunks of n decoded bytes arrive.
 */
export class Toolchain {
  constructor({ load, compileModule, onProgress = () => {} }) {
    this.load = load;
    this.compileModule = compileModule ?? (async (path, onBytes) => WebAssembly.compile(await load(path, onBytes)));
    this.onProgress = onProgress;
    this.loaded = new Set(); // packages whose archives are in the file system
    this.fetching = new Map(); // package -> Promise of its archive in the file system
    this.archives = new Map(); // their files' paths -> bytes, read without copies (goFileSystem)
    this.cache = new Map(); // source -> result of build, most recent last
    this.toolsReady = new Map(); // tool name -> Promise of it compiled (toolReady)
    this.spares = new Map(); // tool name -> Promise<{go, instance}> instantiated ahead of use
    this.freeMemory = new Map(); // tool name -> the memory its last instance used, now free
    this.grown = {}; // tool name -> the most pages its memory has grown to here
    this.memoryHint = null; // the same, from an earlier visit (setMemoryHint)
    this.instantiated = new Set(); // tools with an instance made
    this.early = new Map(); // tool name -> its load started before the manifest came (expectTools)
  }

  /**
   * expectTools starts loading the compiler and linker before the manifest has named
   * them, given their files as the site's pages name them ({compile, link}: paths
   * relative to the manifest). Fetching the manifest takes a few hundred milliseconds
   * that the tools' much longer loads need not wait for. init takes over a load whose
   * file the manifest names and forgets the others; the bytes that arrived before it
   * did still count in its progress.
   */
  expectTools(tools) {
    if (this.toolsReady.size > 0 || this.early.size > 0 || !tools || typeof tools !== "object") return;
    // The manifest is asked for first: it is small, and the archives wait for it.
    this.loadManifest().catch(() => {}); // the build that needs it reports the failure
    for (const name of ["compile", "link"]) {
      const path = tools[name];
      if (typeof path !== "string" || path === "") continue;
      const load = { path, bytes: 0, encoding: undefined, onBytes: null, onEncoding: null };
      load.module = this.compileModule(
        path,
        (n) => (load.onBytes ? load.onBytes(n) : (load.bytes += n)),
        (encoding) => (load.onEncoding ? load.onEncoding(encoding) : (load.encoding = encoding)),
      );
      // A failed load is not taken over: the next init fetches the file itself.
      load.module.catch(() => this.early.get(name) === load && this.early.delete(name));
      this.early.set(name, load);
    }
  }

  // loadTool compiles the compiler or the linker, as init needs them: from the load
  // expectTools started when it is of the file the manifest names.
  loadTool(name) {
    const file = this.manifest[name];
    const load = this.early.get(name);
    this.early.delete(name);
    if (load?.path !== file.url) {
      return this.fetchCounted(file, (onBytes, onEncoding) => this.compileModule(file.url, onBytes, onEncoding));
    }
    return this.fetchCounted(file, (onBytes, onEncoding) => {
      if (load.encoding !== undefined) onEncoding(load.encoding);
      if (load.bytes > 0) onBytes(load.bytes);
      load.onBytes = onBytes;
      load.onEncoding = onEncoding;
      return load.module;
    });
  }

  /**
   * setMemoryHint tells the toolchain, as early as can be, how far each tool's memory grew
   * in an earlier visit ({compile: pages, link: pages}, as memoryGrown gave them). It makes
   * memories that size at once and touches every page of them, a chunk per task, while
   * the manifest and the tools download: the first build of a visit, not only the later
   * ones, then finds its memory mapped instead of taking tens of thousands of page faults
   * (mapping both memories took 0.4-0.65 s of a worker's time in a browser on two cores).
   */
  setMemoryHint(hint) {
    if (this.memoryHint || !hint || typeof hint !== "object") return;
    this.memoryHint = hint;
    this.prefaultMemory(); // it never fails, and nothing waits for it
  }

  /** memoryGrown reports how far each tool's memory has grown, in pages, for setMemoryHint. */
  memoryGrown() {
    return { ...this.grown };
  }

  /** init fetches the manifest and compiles the compiler and linker (once). */
  init() {
    return Promise.all([this.toolReady("compile"), this.toolReady("link")]).then(() => {});
  }

  // toolReady fetches the manifest and compiles one tool, "compile" or "link" (once).
  toolReady(name) {
    let ready = this.toolsReady.get(name);
    if (!ready) {
      ready = (async () => {
        await this.loadManifest();
        this[name] = await this.loadTool(name); // this.compile or this.link
      })();
      ready.catch(() => this.toolsReady.get(name) === ready && this.toolsReady.delete(name));
      this.toolsReady.set(name, ready);
    }
    return ready;
  }

  // loadManifest reads the manifest and prepares the file system (once).
  loadManifest() {
    this.manifestReady ??= (async () => {
      this.manifest = JSON.parse(new TextDecoder().decode(await this.load("manifest.json")));
      const { fs } = newVolume(this.manifest.workDir);
      this.fs = fs;
      fs.mkdirSync("/pkg", { recursive: true });
      fs.mkdirSync("/tmp", { recursive: true });
      // The linker's output is held outside the volume (goFileSystem's captured files).
      this.linked = new CapturedFile();
      this.outputs = new Map([[`${this.manifest.workDir}/main.wasm`, this.linked]]);
      this.progress = { loaded: 0, total: sentSize(this.manifest.compile) + sentSize(this.manifest.link) };
      this.report(true);
    })();
    this.manifestReady.catch(() => (this.manifestReady = null));
    return this.manifestReady;
  }

  // fetchCounted runs a loader for one file of the manifest, adding its bytes to the
  // progress as they arrive (and all of them once it is done).
  async fetchCounted(file, loader) {
    const download = countDownload(this.progress, file, () => this.report(false));
    const result = await loader((n) => download.bytes(n), (encoding) => download.encoding(encoding));
    download.done();
    this.report(false);
    return result;
  }

  // report sends the progress when it changed: at once when forced (the total grew) or
  // when everything is in, and otherwise at most every PROGRESS_EVERY_MS. Each report
  // redraws the page's progress bar, and a first edit's sixty-odd archives, each
  // reported as it was done, had the page laying out a frame 30 times a second while it
  // competed for the cores.
  report(force) {
    const now = performance.now();
    const { loaded, total } = this.progress;
    if (this.reported?.loaded === loaded && this.reported?.total === total) return;
    if (!force && loaded < total && now - (this.lastReport ?? 0) < PROGRESS_EVERY_MS) return;
    this.lastReport = now;
    this.reported = { loaded, total };
    this.onProgress({ loaded, total });
  }

  /** importable lists the standard packages a program may import. */
  get importable() {
    return this.manifest?.importable ?? [];
  }

  /**
   * build compiles and links a program: one main.go (a string) or its files
   * ([{name, source}], package main). With {test: true} it builds the program's test
   * binary, as "go test" does: the _test.go files are compiled in, with the test main
   * that wasm/testmain writes; without it they are left out, as "go build" does. It
   * resolves with
   *   {ok: true, wasm: Uint8Array, compileMs, linkMs, cached, tests?}
   *   {ok: false, diagnostics: [{file, line, col, message}], output}
   * where tests (test builds) is what the test main runs (testmain.Main). With
   * {giveWay}, an async function asked once the compiler is done, a build that is told
   * true stops there and resolves with {ok: false, abandoned: true}: the build worker's
   * background builds give way to one the learner asked for.
   */
  async build(program, { test = false, giveWay = null } = {}) {
    const files = programFiles(program);
    const key = JSON.stringify([test, files]);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return { ...hit, cached: true };
    }
    await this.loadManifest();
    const result = await this.buildUncached(files, test, giveWay);
    if (result.ok) {
      this.cache.set(key, result);
      if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value);
    }
    return result;
  }

  /**
   * buildWithEvents builds like build and reports it as the build events of events.js:
   * build-start, then build-done or compile-error (also when the toolchain itself
   * fails). It is the one producer of build events, for the page and the Node runner.
   */
  async buildWithEvents(program, emit, options = {}) {
    emit({ kind: Kind.BuildStart });
    let r;
    try {
      r = await this.build(program, options);
    } catch (err) {
      r = { ok: false, diagnostics: [], output: `The Go toolchain failed: ${err.message || err}\n` };
    }
    if (r.ok) emit({ kind: Kind.BuildDone, compileMs: r.compileMs, linkMs: r.linkMs, cached: !!r.cached });
    else emit({ kind: Kind.CompileError, diagnostics: r.diagnostics, output: r.output });
    return r;
  }

  async buildUncached(all, test, giveWay) {
    const m = this.manifest;
    const bad = all.find((f) => !GO_FILE_NAME.test(f.name));
    if (bad) {
      const message = `${JSON.stringify(bad.name)} is not a Go file name: use letters, digits, "_", "-" or "." and end it in .go`;
      return { ok: false, diagnostics: [], output: message + "\n" };
    }
    const files = test ? all : all.filter((f) => !isTestFile(f.name));
    if (!files.some((f) => !isTestFile(f.name))) {
      return { ok: false, diagnostics: [], output: "The program has no Go file to build.\n" };
    }
    let tests = null;
    if (test) {
      const generated = await this.testMain(files);
      if (generated.error) {
        const output = generated.error.endsWith("\n") ? generated.error : generated.error + "\n";
        return { ok: false, diagnostics: generated.diagnostics?.length ? generated.diagnostics : parseDiagnostics(output), output };
      }
      tests = generated.main;
    }
    const imports = files.flatMap((f) => scanImports(f.source).map((im) => ({ ...im, file: f.name })));
    const missing = imports.filter((im) => !m.importable.includes(im.path));
    if (missing.length > 0) {
      // The manifest says why a standard package is withheld; the standard library's
      // internal and vendored packages need no entry.
      const std = (p) => !p.split("/")[0].includes(".") && !p.startsWith("cmd/");
      const internal = (p) => std(p) && /(^|\/)internal(\/|$)|^vendor\//.test(p);
      const withheld = m.unavailable ?? {};
      const reason = (p) => (Object.hasOwn(withheld, p) ? withheld[p] : internal(p) ? "it is internal to the standard library" : "");
      const diagnostics = missing.map((im) => ({
        file: im.file,
        line: im.line,
        col: im.col,
        message: reason(im.path)
          ? `package ${im.path} is not available in the playground: ${reason(im.path)}`
          : `package ${im.path} is not in the standard library; the playground offers only standard packages`,
      }));
      return { ok: false, diagnostics, output: diagnostics.map(formatDiagnostic).join("\n") + "\n" };
    }
    // Some imports are served by the playground's own packages (importMap): "sync" is
    // the standard package with its locks observed, for deadlock reports.
    // Every build also compiles the manifest's injected file into package main; it imports
    // the package that records the run's execution trace (wasm/runtrace). A test build
    // adds the generated test main last, so its init runs after the program's.
    const map = m.importMap ?? {};
    const injected = m.injected;
    const extra = [{ name: injected.name, source: injected.source }];
    if (tests) extra.push({ name: TEST_MAIN_FILE, source: tests.source });
    const paths = [...imports, ...extra.flatMap((f) => scanImports(f.source))].map((im) => im.path);
    // The compiler runs once everything the build reads is in: the linker and every
    // archive, not only the few archives the compiler reads. In a browser the worker's
    // thread receives each download's bytes itself, and it cannot while a tool runs (a
    // run is one long task): with the compiler started early, the archives still on
    // their way waited for its end, and in a first visit the linker then waited a second
    // more for them, drawn in while the engine optimized the compiler on every core.
    // The compiler's own archives are asked for first.
    const needed = this.archivesFor(paths);
    await Promise.all([this.toolReady("compile"), this.toolReady("link"), this.ensurePackages(needed)]);

    const dir = m.workDir;
    const pkgs = needed.toSorted().map((p) => `packagefile ${p}=/pkg/${p}.a`).join("\n") + "\n";
    const remaps = Object.entries(map).filter(([from]) => needed.includes(from)).map(([from, to]) => `importmap ${from}=${to}\n`).join("");
    for (const f of this.fs.readdirSync(dir)) if (f.endsWith(".go") || f === "main.a" || f === "main.wasm") this.fs.rmSync(`${dir}/${f}`);
    this.fs.writeFileSync(`${dir}/importcfg`, remaps + pkgs);
    this.fs.writeFileSync(`${dir}/importcfg.link`, pkgs);
    const sources = [...[...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), ...extra];
    for (const f of sources) this.fs.writeFileSync(`${dir}/${f.name}`, f.source);

    let start = performance.now();
    const compiled = await this.runTool("compile", [
      "-o", `${dir}/main.a`, "-importcfg", `${dir}/importcfg`, ...m.compileFlags, ...sources.map((f) => `${dir}/${f.name}`),
    ]);
    const compileMs = performance.now() - start;
    if (compiled.status !== 0) {
      const output = compiled.output.replaceAll(`${dir}/`, "");
      return { ok: false, diagnostics: parseDiagnostics(output), output, compileMs };
    }
    if (await giveWay?.()) return { ok: false, abandoned: true, diagnostics: [], output: "", compileMs };
    start = performance.now();
    const linked = await this.runTool("link", [
      "-o", `${dir}/main.wasm`, "-importcfg", `${dir}/importcfg.link`, ...m.linkFlags,
      ...(tests ? ["-X", "testing.testBinary=1"] : []), `${dir}/main.a`,
    ]);
    const linkMs = performance.now() - start;
    if (linked.status !== 0) {
      return { ok: false, diagnostics: [], output: `linking failed:\n${linked.output}`, compileMs, linkMs };
    }
    const wasm = this.linked.bytes();
    const result = { ok: true, wasm, compileMs, linkMs };
    if (tests) {
      const { source, ...found } = tests;
      result.tests = found;
    }
    return result;
  }

  /**
   * testMain writes the test main for the program's files with wasm/testmain. It
   * resolves with {main} (testmain.Main) or {error, diagnostics}.
   */
  async testMain(files) {
    const m = this.manifest;
    this.testMainReady ??= (async () => {
      const module = await this.fetchCounted(m.testMain, (onBytes, onEncoding) => this.compileModule(m.testMain.url, onBytes, onEncoding));
      const global = {};
      const go = newGo(global);
      const instance = await WebAssembly.instantiate(module, go.importObject);
      go.run(instance); // registers the function, then waits to be called
      const fn = global[GoFunctions.testMain];
      if (typeof fn !== "function") throw new Error(`${m.testMain.url} did not register ${GoFunctions.testMain}`);
      return fn;
    })();
    this.testMainReady.catch(() => (this.testMainReady = null));
    const generate = await this.testMainReady;
    const r = generate(JSON.stringify(files.map(({ name, source }) => ({ name, source }))));
    if (r.error) return { error: r.error, diagnostics: r.diagnostics ? JSON.parse(r.diagnostics) ?? [] : undefined };
    return { main: JSON.parse(r.json) };
  }

  // archivesFor lists the packages whose archives a build importing paths reads: all
  // that the linker reads, first the few the compiler reads too (the packages imported,
  // as the import map names them).
  archivesFor(paths) {
    const { packages, importMap = {} } = this.manifest;
    const compiled = [...new Set(paths.flatMap((p) => [p, importMap[p]]))].filter((p) => p && packages[p]);
    return [...new Set([...compiled, ...this.packagesFor(paths)])];
  }

  // packagesFor is the set of packages whose archives a build importing paths reads: them,
  // what the import map serves them with, the runtime, and everything they depend on.
  packagesFor(paths) {
    const { packages, importMap = {} } = this.manifest;
    const needed = new Set(["runtime"]);
    for (const path of paths) {
      needed.add(path);
      if (importMap[path]) needed.add(importMap[path]);
    }
    for (const p of [...needed]) for (const d of packages[p]?.deps ?? []) needed.add(d);
    return needed;
  }

  /**
   * prefetch starts downloading the archives a build of program would read (its test
   * build's too, with {test: true}), so they arrive while the compiler and linker are
   * being compiled or another build runs. It never fails: a build fetches what is missing.
   */
  async prefetch(program, { test = false } = {}) {
    try {
      await this.loadManifest();
      const m = this.manifest;
      // As the build does: its tests' files only in a test build.
      const files = programFiles(program).filter((f) => test || !isTestFile(f.name));
      const sources = [...files, m.injected].map((f) => f.source);
      const paths = sources.flatMap((source) => scanImports(source).map((im) => im.path));
      if (test) paths.push(...(m.testImports ?? []));
      await this.ensurePackages(this.archivesFor(paths));
    } catch {
      // the build that needs the archives reports the failure
    }
  }

  /** ensurePackages puts the archives of the given packages into the file system. */
  async ensurePackages(paths) {
    const todo = paths.filter((p) => !this.loaded.has(p) && !this.fetching.has(p) && this.manifest.packages[p]);
    if (todo.length > 0) {
      this.progress.total += todo.reduce((n, p) => n + sentSize(this.manifest.packages[p]), 0);
      this.report(true);
    }
    for (const p of todo) {
      const pkg = this.manifest.packages[p];
      const fetched = this.fetchCounted(pkg, (onBytes, onEncoding) => this.load(pkg.url, onBytes, onEncoding)).then((data) => {
        const file = `/pkg/${p}.a`;
        this.fs.mkdirSync(file.slice(0, file.lastIndexOf("/")), { recursive: true });
        this.fs.writeFileSync(file, data);
        this.archives.set(file, data);
        this.loaded.add(p);
      });
      this.fetching.set(p, fetched);
      fetched.then(
        () => this.fetching.delete(p),
        () => this.fetching.delete(p), // a later build asks again
      );
    }
    await Promise.all(paths.filter((p) => this.fetching.has(p)).map((p) => this.fetching.get(p)));
  }

  // prefaultMemory makes a memory for each tool the hint names, the linker's first (its
  // memory is the larger), and puts it where the tool's next instance takes its memory
  // from (memoryFor). Then it writes zeros to it a chunk per task, so the system maps its
  // pages while the worker would otherwise wait for the network; once an instance has
  // taken the memory, memoryFor's zeroing maps what is left, as it would have anyway.
  async prefaultMemory() {
    for (const name of ["link", "compile"]) {
      const pages = this.memoryHint[name];
      if (!Number.isInteger(pages) || pages <= 0 || this.freeMemory.has(name) || this.instantiated.has(name)) continue;
      const memory = new WebAssembly.Memory({ initial: Math.min(pages, MAX_HINTED_PAGES) });
      this.freeMemory.set(name, memory);
      const bytes = new Uint8Array(memory.buffer);
      for (let at = 0; at < bytes.length; at += PREFAULT_CHUNK) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.freeMemory.get(name) !== memory) break;
        bytes.fill(0, at, at + PREFAULT_CHUNK);
      }
    }
  }

  // instantiate makes a fresh instance of a tool ("compile" or "link"). Instantiating
  // the compiler copies tens of megabytes of data, so one spare instance of each tool is
  // made ahead of time.
  instantiate(name) {
    this.instantiated.add(name);
    const global = {}; // the tool's global object: its fs and process are set per run
    const go = newGo(global);
    const file = this.manifest[name];
    if (file.memoryPages) {
      const { module, name: field } = this.manifest.toolMemory;
      go.importObject[module] = { [field]: this.memoryFor(name, file.memoryPages) };
    }
    const module = this[name]; // this.compile or this.link
    return WebAssembly.instantiate(module, go.importObject).then((instance) => ({ go, global, instance }));
  }

  // memoryFor returns the memory for a new instance of a tool, which imports it (the
  // manifest's toolMemory): the one the tool's last instance used, zeroed, as the Go runtime
  // expects its memory to be beyond its data. A memory of its own would be fresh pages,
  // which the system maps and zeroes one fault at a time as the tool first touches them:
  // tens of thousands of faults per build, costing about as much as the link itself.
  memoryFor(name, pages) {
    const memory = this.freeMemory.get(name);
    this.freeMemory.delete(name);
    if (!memory) return new WebAssembly.Memory({ initial: pages });
    new Uint8Array(memory.buffer).fill(0);
    // A memory made from a hint may be smaller than a tool of a newer deploy needs.
    const short = pages - memory.buffer.byteLength / 65536;
    if (short > 0) memory.grow(short);
    return memory;
  }

  /** prepareSpares instantiates the next compiler and linker while nothing else runs. */
  prepareSpares() {
    for (const name of ["compile", "link"]) {
      if (this[name] && !this.spares.has(name)) this.spares.set(name, this.instantiate(name));
    }
  }

  /** runTool runs the compiler or linker to completion and collects what it printed. */
  async runTool(name, args) {
    const spare = this.spares.get(name);
    this.spares.delete(name);
    const { go, global, instance } = await (spare ?? this.instantiate(name));
    go.argv = [name, ...args];
    go.env = { GOOS: "js", GOARCH: "wasm", GOGC: "off", HOME: "/tmp", TMPDIR: "/tmp", PWD: this.manifest.workDir };
    let output = "";
    const decoder = new TextDecoder();
    const fs = goFileSystem(this.fs, { fixed: this.archives, captured: this.outputs });
    global.fs = {
      ...fs,
      writeSync(fd, buf) {
        if (fd === 1 || fd === 2) {
          output += decoder.decode(buf, { stream: true });
          return buf.length;
        }
        return fs.writeSync(fd, buf);
      },
      write(fd, buf, offset, length, position, callback) {
        if (fd === 1 || fd === 2) {
          output += decoder.decode(buf.subarray(offset, offset + length), { stream: true });
          callback(null, length);
          return;
        }
        fs.write(fd, buf, offset, length, position, callback);
      },
    };
    global.process = goProcess(this.manifest.workDir, "go");
    global.Uint8Array = this.scratchArrays ??= scratchUint8Array();
    let status = 0;
    go.exit = (code) => (status = code);
    await go.run(instance);
    // The instance is over: its memory serves the tool's next one.
    const file = this.manifest[name];
    if (file.memoryPages) {
      const memory = instance.exports.mem;
      this.freeMemory.set(name, memory);
      this.grown[name] = Math.max(this.grown[name] ?? 0, memory.buffer.byteLength / 65536);
    }
    return { status, output };
  }
}
