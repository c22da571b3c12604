import { test } from "node:test";
import assert from "node:assert/strict";
import { Toolchain } from "./toolchain-without-go.js";

const manifest = {
  workDir: "/work",
  compile: { url: "compile.1.wasm", size: 1000, sent: { br: 100 } },
  link: { url: "link.1.wasm", size: 500, sent: { br: 50 } },
  importable: [],
  packages: {},
  injected: { name: "zz.go", source: "package main\n" },
};

// toolchain returns a Toolchain whose manifest arrives when releaseManifest() is called
// and whose tools are fake modules, each sent brotli-compressed in two chunks; order
// records when each request was made.
function toolchain() {
  const order = [];
  let releaseManifest;
  const manifestGate = new Promise((resolve) => (releaseManifest = resolve));
  const progress = [];
  const tc = new Toolchain({
    load: async (path) => {
      order.push(path);
      await manifestGate;
      return new TextEncoder().encode(JSON.stringify(manifest));
    },
    compileModule: async (path, onBytes, onEncoding) => {
      order.push(path);
      const size = path.startsWith("compile.") ? 1000 : 500;
      onEncoding("br");
      onBytes(size / 2);
      await new Promise((r) => setTimeout(r, 5));
      onBytes(size / 2);
      return { module: path };
    },
    onProgress: (p) => progress.push(p),
  });
  return { tc, order, releaseManifest, progress };
}

test("the tools the page names load before the manifest arrives, and once", async () => {
  const { tc, order, releaseManifest, progress } = toolchain();
  tc.expectTools({ compile: "compile.1.wasm", link: "link.1.wasm" });
  const ready = tc.init();
  await new Promise((r) => setTimeout(r, 10));
  // The manifest is asked for first, and both tools while it is still on its way.
  assert.deepEqual(order, ["manifest.json", "compile.1.wasm", "link.1.wasm"]);
  releaseManifest();
  await ready;
  assert.deepEqual(order, ["manifest.json", "compile.1.wasm", "link.1.wasm"], "nothing is fetched twice");
  assert.deepEqual(tc.compile, { module: "compile.1.wasm" });
  assert.deepEqual(tc.link, { module: "link.1.wasm" });
  // The bytes that came before the manifest still count, in what crossed the network.
  assert.deepEqual(progress.at(-1), { loaded: 150, total: 150 });
});

test("a tool the manifest does not name is forgotten and the manifest's is loaded", async () => {
  const { tc, order, releaseManifest } = toolchain();
  tc.expectTools({ compile: "compile.0.wasm", link: "link.1.wasm" });
  releaseManifest();
  await tc.init();
  assert.deepEqual(order, ["manifest.json", "compile.0.wasm", "link.1.wasm", "compile.1.wasm"]);
  assert.deepEqual(tc.compile, { module: "compile.1.wasm" });
  assert.equal(tc.early.size, 0);
});

test("a failed early load is fetched again by init", async () => {
  const order = [];
  let fail = true;
  const tc = new Toolchain({
    load: async () => new TextEncoder().encode(JSON.stringify(manifest)),
    compileModule: async (path) => {
      order.push(path);
      if (fail && path.startsWith("link.")) throw new TypeError("offline");
      return { module: path };
    },
  });
  tc.expectTools({ compile: "compile.1.wasm", link: "link.1.wasm" });
  await assert.rejects(tc.init(), /offline/);
  fail = false;
  await tc.init();
  assert.deepEqual(tc.link, { module: "link.1.wasm" });
  // The early loads came first; the linker was then asked for again (by the first init,
  // if its early load had failed by then, and by the second).
  assert.deepEqual(order.slice(0, 2), ["compile.1.wasm", "link.1.wasm"]);
  assert.ok(order.slice(2).filter((p) => p === "link.1.wasm").length >= 1, order.join(" "));
  assert.equal(order.at(-1), "link.1.wasm");
  assert.equal(tc.early.size, 0);
});

test("tools named after the loading started are ignored", async () => {
  const { tc, order, releaseManifest } = toolchain();
  releaseManifest();
  await tc.init();
  tc.expectTools({ compile: "compile.2.wasm", link: "link.2.wasm" });
  assert.deepEqual(order, ["manifest.json", "compile.1.wasm", "link.1.wasm"]);
});
