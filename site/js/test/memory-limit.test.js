import { test } from "node:test";
import assert from "node:assert/strict";
import { withMemoryLimit } from "../memory-limit.js";

// module is a WebAssembly binary with one memory of min pages, no maximum, exported as
// "mem".
function module(min) {
  const memory = [0x05, 0x03, 0x01, 0x00, min];
  const exports = [0x07, 0x07, 0x01, 0x03, ...Buffer.from("mem"), 0x02, 0x00];
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...memory, ...exports]);
}

test("withMemoryLimit gives the memory a maximum it cannot grow past", () => {
  const limited = withMemoryLimit(module(2), 4 * 65536);
  const { mem } = new WebAssembly.Instance(new WebAssembly.Module(limited)).exports;
  assert.equal(mem.buffer.byteLength, 2 * 65536);
  mem.grow(2);
  assert.throws(() => mem.grow(1), RangeError);
});

test("withMemoryLimit leaves a module alone when its minimum is already past the limit", () => {
  const src = module(8);
  assert.deepEqual(withMemoryLimit(src, 4 * 65536), src);
});

test("an unlimited module grows past the limit", () => {
  const { mem } = new WebAssembly.Instance(new WebAssembly.Module(module(2))).exports;
  mem.grow(3);
  assert.equal(mem.buffer.byteLength, 5 * 65536);
});

// limits reads the limits of a binary's one memory, as the engine sees them.
function limits(binary) {
  const { mem } = new WebAssembly.Instance(new WebAssembly.Module(binary)).exports;
  const pages = mem.buffer.byteLength / 65536;
  let grown = 0;
  try {
    for (;;) {
      mem.grow(1);
      grown++;
      if (grown > 64) break;
    }
  } catch {
    // RangeError: the maximum is reached
  }
  return { pages, max: pages + grown };
}

test("withMemoryLimit hands back bytes whose memory already stops at the limit, without copying them", () => {
  const limited = withMemoryLimit(module(2), 4 * 65536);
  const again = withMemoryLimit(limited, 4 * 65536);
  assert.equal(again.buffer, limited.buffer);
  assert.deepEqual(limits(again), { pages: 2, max: 4 });
  // An ArrayBuffer is read in place too.
  assert.equal(withMemoryLimit(limited.buffer, 4 * 65536).buffer, limited.buffer);
});

test("withMemoryLimit lowers a maximum past the limit", () => {
  const loose = withMemoryLimit(module(2), 16 * 65536);
  assert.deepEqual(limits(loose), { pages: 2, max: 16 });
  const tight = withMemoryLimit(loose, 4 * 65536);
  assert.notEqual(tight.buffer, loose.buffer);
  assert.deepEqual(limits(tight), { pages: 2, max: 4 });
  assert.deepEqual(limits(loose), { pages: 2, max: 16 }, "the input is left as it was");
});
