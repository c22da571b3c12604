import { test } from "node:test";
import assert from "node:assert/strict";
import { Toolchain } from "./toolchain-without-go.js";

const PAGE = 65536;
const pages = (memory) => memory.buffer.byteLength / PAGE;

test("a tool's first instance gets a fresh memory of the tool's least size", () => {
  const tc = new Toolchain({ load: async () => new Uint8Array() });
  const memory = tc.memoryFor("link", 40);
  assert.equal(pages(memory), 40);
});

test("a tool's next instance takes the memory its last one used, zeroed and grown as it was", () => {
  const tc = new Toolchain({ load: async () => new Uint8Array() });
  const used = tc.memoryFor("link", 40);
  used.grow(24); // the last run grew it
  new Uint8Array(used.buffer).fill(7, 0, 3 * PAGE);
  tc.freeMemory.set("link", used); // what runTool does when the instance is over
  const next = tc.memoryFor("link", 40);
  assert.equal(next, used);
  assert.equal(pages(next), 64);
  assert.ok(new Uint8Array(next.buffer).every((b) => b === 0), "the Go runtime expects zeros beyond its data");
  assert.equal(tc.freeMemory.has("link"), false, "one memory serves one instance at a time");
  assert.notEqual(tc.memoryFor("link", 40), used, "an instance made meanwhile gets its own");
});

test("each tool keeps its own memory", () => {
  const tc = new Toolchain({ load: async () => new Uint8Array() });
  const compiler = new WebAssembly.Memory({ initial: 10 });
  tc.freeMemory.set("compile", compiler);
  assert.notEqual(tc.memoryFor("link", 10), compiler);
  assert.equal(tc.memoryFor("compile", 10), compiler);
});
