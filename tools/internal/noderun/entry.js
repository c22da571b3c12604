// entry.js is the Node runner's entry point (bundled as runner.cjs): it runs one Go wasm
// program through the browser's own host (site/js/host.js) and prints every event as one
// JSON line.
//
//   node runner.cjs --wasm prog.wasm [--files DIR] [--clock virtual|real] [--stdin FILE|-]
//                   [--origin URL] [--source-of main.go] [--timeline yes]
//   node runner.cjs --toolchain DIR --source main.go [same options]
//   node runner.cjs --toolchain DIR --batch jobs.json
//
// With --toolchain, the source is compiled and linked first by the toolchain the browser
// uses (compile.wasm and link.wasm, see toolchain.js), printing its build events. A batch
// runs several jobs ({source, files, stdin, origin, clock, timeline}) with one warm toolchain; each
// event then carries the index of its job as "job". With --timeline yes (a job's
// timeline: true), the run's "timeline" event follows its exit, made as the page's runner
// worker makes it (timeline-event.js).
//
// Standard input is delivered the way a learner types it: one line each time the program
// waits for input. With a file, end of file follows its last line; with "-", lines come
// from this process's standard input.
//
// Events are data (events.js); a deadlock event also gets "sentences", its diagnosis in
// the English words the page shows (site/i18n/en.json), for readers of this output.
import { readFileSync, readdirSync, writeSync } from "node:fs";
import { basename, join, relative } from "node:path";
import process from "node:process";
import { createInterface } from "node:readline";
import { startProgram } from "../../../site/js/host.js";
import { withMemoryLimit } from "../../../site/js/memory-limit.js";
import { Toolchain } from "../../../site/js/toolchain.js";
import { Kind } from "../../../site/js/events.js";
import { TimelineMaker } from "../../../site/js/timeline-event.js";
import { TestReporter, TEST_ARGS } from "../../../site/js/go-test-report.js";
import { summaryText } from "../../../site/js/diagnose.js";
import { setStrings } from "../../../site/js/i18n.js";
import english from "../../../site/i18n/en.json";

setStrings(english);

function parseArgs(argv) {
  const opts = { clock: "virtual", files: "", stdin: "", wasm: "", origin: "", toolchain: "", source: "", batch: "", sourceOf: "", timeline: "" };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "").replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(key in opts) || i + 1 >= argv.length) throw new Error(`bad argument ${argv[i]}`);
    opts[key] = argv[i + 1];
  }
  if (!opts.wasm && !(opts.toolchain && (opts.source || opts.batch))) {
    throw new Error("give --wasm, or --toolchain with --source or --batch");
  }
  return opts;
}

function readTree(dir) {
  const files = {};
  if (!dir) return files;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  return files;
}

function stdinLines(source) {
  if (!source) return { next: (give) => give(null) };
  if (source !== "-") {
    const lines = readFileSync(source, "utf8").split(/(?<=\n)/).filter((l) => l !== "");
    return { next: (give) => give(lines.length ? lines.shift() : null) };
  }
  const queue = [];
  let waiter = null;
  let ended = false;
  const rl = createInterface({ input: process.stdin });
  rl.on("line", (l) => (waiter ? (waiter(l + "\n"), (waiter = null)) : queue.push(l + "\n")));
  rl.on("close", () => {
    ended = true;
    if (waiter) waiter(null), (waiter = null);
  });
  return {
    next: (give) => (queue.length ? give(queue.shift()) : ended ? give(null) : (waiter = give)),
  };
}

function print(event) {
  // A trace's bytes travel as base64.
  let e = event.data instanceof Uint8Array ? { ...event, data: Buffer.from(event.data).toString("base64") } : event;
  if (e.kind === Kind.Deadlock) e = { ...e, sentences: summaryText(e) };
  writeSync(1, JSON.stringify(e) + "\n");
}

// runJob runs one program: built from source with the toolchain when one is given.
// job.sources lists a program's files (package main, _test.go files included); job.test
// builds its test binary instead, as the page's Test button does.
async function runJob(job, toolchain, print) {
  let bytes;
  const paths = job.sources ?? (job.source ? [job.source] : job.sourceOf ? [job.sourceOf] : []);
  const files = paths.map((p) => ({ name: basename(p), source: readFileSync(p, "utf8") }));
  const source = files.find((f) => f.name === "main.go")?.source ?? files[0]?.source ?? "";
  if (toolchain) {
    const built = await toolchain.buildWithEvents(files.length === 1 && !job.test ? files[0].source : files, print, { test: !!job.test });
    if (!built.ok) return;
    bytes = built.wasm;
  } else {
    bytes = readFileSync(job.wasm);
  }
  const module = await WebAssembly.compile(withMemoryLimit(bytes));
  const input = stdinLines(job.stdin);
  let run;
  const timeline = job.timeline ? new TimelineMaker(() => {}, source) : null;
  // A test run's output becomes test events, as in the page (runner-worker.js).
  const reporter = job.test ? new TestReporter(print) : null;
  const emit = (event) => {
    if (reporter) reporter.add(event);
    else print(event);
    timeline?.add(event);
    if (event.kind === Kind.StdinWait) {
      input.next((line) => (line === null ? run.closeStdin() : run.writeStdin(line)));
    }
  };
  run = startProgram(module, { files: readTree(job.files), clock: job.clock || "virtual", args: job.args ?? (job.test ? TEST_ARGS : []), origin: job.origin, source, emit });
  await run.done;
  const made = await timeline?.done;
  if (made) print(made);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let toolchain = null;
  if (opts.toolchain) {
    toolchain = new Toolchain({ load: async (path) => readFileSync(join(opts.toolchain, path)) });
    await toolchain.init();
  }
  if (opts.batch) {
    const jobs = JSON.parse(readFileSync(opts.batch, "utf8"));
    for (const [i, job] of jobs.entries()) {
      await runJob(job, toolchain, (event) => print({ ...event, job: i }));
    }
  } else {
    await runJob({ ...opts, timeline: opts.timeline === "yes" }, toolchain, print);
  }
  process.exit(0);
}

main().catch((err) => {
  print({ kind: Kind.Error, message: String(err && err.message ? err.message : err) });
  process.exit(1);
});
