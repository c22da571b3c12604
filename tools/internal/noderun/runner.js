// runner.js is the Node entry of the Node runner: it runs one Go wasm program through
// the browser's own host (site/js/host.js) and prints every event as one JSON line.
//
//   node runner.cjs --wasm prog.wasm [--files DIR] [--clock virtual|real] [--stdin FILE|-]
//                   [--origin URL]
//
// Standard input is delivered the way a learner types it: one line each time the program
// waits for input. With a file, end of file follows its last line; with "-", lines come
// from this process's standard input.
import { readFileSync, readdirSync, writeSync } from "node:fs";
import { join, relative } from "node:path";
import process from "node:process";
import { createInterface } from "node:readline";
import { startProgram, withMemoryLimit } from "../../../site/js/host.js";

function parseArgs(argv) {
  const opts = { clock: "virtual", files: "", stdin: "", wasm: "", origin: "" };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in opts) || i + 1 >= argv.length) throw new Error(`bad argument ${argv[i]}`);
    opts[key] = argv[i + 1];
  }
  if (!opts.wasm) throw new Error("--wasm is required");
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
  writeSync(1, JSON.stringify(event) + "\n");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const module = await WebAssembly.compile(withMemoryLimit(readFileSync(opts.wasm)));
  const input = stdinLines(opts.stdin);
  let run;
  const emit = (event) => {
    print(event);
    if (event.kind === "stdin-wait") {
      input.next((line) => (line === null ? run.closeStdin() : run.writeStdin(line)));
    }
  };
  run = startProgram(module, { files: readTree(opts.files), clock: opts.clock, origin: opts.origin, emit });
  await run.done;
  process.exit(0);
}

main().catch((err) => {
  print({ kind: "error", message: String(err && err.message ? err.message : err) });
  process.exit(1);
});
