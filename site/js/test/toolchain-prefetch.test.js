import { test } from "node:test";
import assert from "node:assert/strict";
import { Toolchain } from "./toolchain-without-go.js";

// A manifest of a few packages: fmt needs io and the runtime; the injected file imports
// sync, which the import map serves with the playground's own package.
const manifest = {
  workDir: "/work",
  compile: { url: "compile.wasm", size: 10 },
  link: { url: "link.wasm", size: 10 },
  importable: ["fmt", "io", "os", "sync", "testing"],
  importMap: { sync: "playground/sync" },
  injected: { name: "zz_injected.go", source: 'package main\n\nimport _ "sync"\n' },
  testImports: ["os", "testing"],
  packages: Object.fromEntries(
    [
      ["runtime", []],
      ["io", ["runtime"]],
      ["fmt", ["io", "runtime"]],
      ["os", ["io", "runtime"]],
      ["sync", ["runtime"]],
      ["playground/sync", ["runtime"]],
      ["testing", ["os", "io", "runtime"]],
    ].map(([p, deps]) => [p, { url: `pkg/${p}.a`, size: 4, deps }]),
  ),
};

// toolchain returns a Toolchain whose loader counts requests and answers each archive
// when release() is called, so a test can overlap a prefetch with a later request.
function toolchain() {
  const requests = [];
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const tc = new Toolchain({
    load: async (path) => {
      if (path === "manifest.json") return new TextEncoder().encode(JSON.stringify(manifest));
      requests.push(path);
      await gate;
      return new Uint8Array(4);
    },
  });
  return { tc, requests, release };
}

const program = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n';

test("prefetch fetches what a build of the program reads, once", async () => {
  const { tc, requests, release } = toolchain();
  const prefetched = tc.prefetch(program);
  await new Promise((r) => setTimeout(r, 0));
  // A build arriving meanwhile asks for the same archives: none is fetched twice.
  const ensured = tc.ensurePackages([...tc.packagesFor(["fmt", "sync"])]);
  release();
  await Promise.all([prefetched, ensured]);
  assert.deepEqual(
    requests.toSorted(),
    ["fmt", "io", "playground/sync", "runtime", "sync"].map((p) => `pkg/${p}.a`),
  );
  assert.deepEqual([...tc.loaded].toSorted(), ["fmt", "io", "playground/sync", "runtime", "sync"]);
  assert.equal(tc.fetching.size, 0);
  await tc.prefetch(program);
  assert.equal(requests.length, 5, "a second prefetch fetches nothing");
});

test("prefetch of a test build adds what the test main imports", async () => {
  const { tc, requests, release } = toolchain();
  release();
  await tc.prefetch(program, { test: true });
  assert.ok(requests.includes("pkg/testing.a") && requests.includes("pkg/os.a"), requests.join(" "));
});

test("a failed archive is asked for again by the next build", async () => {
  let fail = true;
  const tc = new Toolchain({
    load: async (path) => {
      if (path === "manifest.json") return new TextEncoder().encode(JSON.stringify(manifest));
      if (fail && path === "pkg/io.a") throw new Error("offline");
      return new Uint8Array(4);
    },
  });
  await tc.prefetch(program); // never fails: the build reports it
  assert.ok(!tc.loaded.has("io"));
  fail = false;
  await tc.ensurePackages(["io"]);
  assert.ok(tc.loaded.has("io"));
});

test("archives done one after another are reported a few times a second, and the end at once", async () => {
  const progress = [];
  const tc = new Toolchain({
    load: async (path, onBytes) => {
      if (path === "manifest.json") return new TextEncoder().encode(JSON.stringify(manifest));
      onBytes(4);
      return new Uint8Array(4);
    },
    compileModule: async (path, onBytes) => (onBytes(10), { module: path }),
    onProgress: (p) => progress.push(p),
  });
  await tc.init();
  assert.deepEqual(progress.at(-1), { loaded: 20, total: 20 }, "the tools are in");
  progress.length = 0;
  // The seven archives come in within a few milliseconds of each other.
  await tc.ensurePackages(Object.keys(manifest.packages));
  const end = progress.at(-1);
  assert.equal(end.loaded, end.total, "the last report says everything is in");
  // The total's report, and the end: not one report per archive.
  assert.ok(progress.length <= 3, `${progress.length} reports for seven archives: ${JSON.stringify(progress)}`);
});
