import { test } from "node:test";
import assert from "node:assert/strict";
import { Toolchain } from "./toolchain-without-go.js";

const PAGE = 65536;
const tasks = async (n) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};
const pages = (memory) => memory?.buffer.byteLength / PAGE;

// hinted returns a Toolchain given hint, once it has had the tasks to act on it.
async function hinted(hint) {
  const tc = new Toolchain({ load: async () => new Uint8Array() });
  tc.setMemoryHint(hint);
  await tasks(100);
  return tc;
}

test("a memory hint makes each tool's memory that size, ready for its first instance", async () => {
  const tc = await hinted({ compile: 300, link: 200 });
  assert.equal(pages(tc.freeMemory.get("compile")), 300);
  const link = tc.freeMemory.get("link");
  assert.equal(pages(link), 200);
  // The tool's first instance takes it (a least size of 3 pages is no reason for another).
  assert.equal(tc.memoryFor("link", 3), link);
  assert.equal(tc.freeMemory.has("link"), false);
});

test("a hinted memory smaller than a tool needs grows to its least size", async () => {
  const tc = await hinted({ link: 20 });
  const memory = tc.memoryFor("link", 50);
  assert.equal(pages(memory), 50);
  assert.ok(new Uint8Array(memory.buffer).every((b) => b === 0));
});

test("a hint that is not a number of pages makes nothing", async () => {
  for (const hint of [null, "many", { compile: "many", link: -1 }, { link: 2.5 }]) {
    const tc = await hinted(hint);
    assert.equal(tc.freeMemory.size, 0, JSON.stringify(hint));
  }
});

test("a memory hint is followed only up to 256 MiB", async () => {
  const tc = await hinted({ compile: 1 << 20 });
  assert.equal(pages(tc.freeMemory.get("compile")), 4096);
});

test("only the first hint counts, and none replaces a memory a tool already has", async () => {
  const tc = new Toolchain({ load: async () => new Uint8Array() });
  const own = new WebAssembly.Memory({ initial: 1 });
  tc.freeMemory.set("link", own);
  tc.setMemoryHint({ link: 100, compile: 10 });
  tc.setMemoryHint({ compile: 99 });
  await tasks(50);
  assert.equal(tc.freeMemory.get("link"), own);
  assert.equal(pages(tc.freeMemory.get("compile")), 10);
});

test("memoryGrown reports the most pages each tool's memory grew to", () => {
  const tc = new Toolchain({ load: async () => new Uint8Array() });
  assert.deepEqual(tc.memoryGrown(), {});
  tc.grown.link = 1152;
  const reported = tc.memoryGrown();
  reported.link = 0;
  assert.deepEqual(tc.memoryGrown(), { link: 1152 }, "the report is a copy");
});
