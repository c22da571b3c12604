import { test } from "node:test";
import assert from "node:assert/strict";
import { newVolume, goFileSystem, scratchUint8Array, CapturedFile } from "../volume.js";

// call runs a callback method of a Go file system and returns what it answered.
function call(fs, name, ...args) {
  let answer;
  fs[name](...args, (err, ...result) => (answer = { err, result }));
  assert.ok(answer, `${name} answered at once`);
  if (answer.err) throw answer.err;
  return answer.result;
}

test("files given as fixed bytes read the same as the volume's own", () => {
  const { fs } = newVolume("/w");
  const data = new Uint8Array(1000).map((_, i) => i % 251);
  fs.mkdirSync("/pkg");
  fs.writeFileSync("/pkg/a.a", data);
  fs.writeFileSync("/pkg/b.a", data);
  const fixed = new Map([["/pkg/a.a", data]]);
  const gofs = goFileSystem(fs, { fixed });
  const reads = (path) => {
    const [fd] = call(gofs, "open", path, 0, 0);
    const buf = new Uint8Array(300);
    const got = [];
    got.push(call(gofs, "read", fd, buf, 0, 300, null)[0], [...buf.subarray(0, 5)]);
    got.push(call(gofs, "read", fd, buf, 10, 100, 950)[0], [...buf.subarray(10, 15)]); // at a position
    got.push(call(gofs, "read", fd, buf, 0, 300, null)[0], [...buf.subarray(0, 5)]); // goes on from 300
    got.push(call(gofs, "read", fd, buf, 0, 300, 2000)[0]); // past the end
    call(gofs, "close", fd);
    return got;
  };
  const direct = reads("/pkg/a.a");
  assert.deepEqual(direct, reads("/pkg/b.a"));
  assert.deepEqual(direct, [300, [0, 1, 2, 3, 4], 50, [197, 198, 199, 200, 201], 300, [49, 50, 51, 52, 53], 0]);
  // Opened for writing, a fixed file is the volume's.
  const [fd] = call(gofs, "open", "/pkg/a.a", fs.constants.O_RDWR, 0);
  const buf = new Uint8Array(4);
  assert.deepEqual(call(gofs, "read", fd, buf, 0, 4, null)[0], 4);
  call(gofs, "close", fd);
  assert.throws(() => call(gofs, "open", "/pkg/missing.a", 0, 0), /ENOENT/);
});

test("a captured file holds what is written to its path, at positions too", () => {
  const { fs } = newVolume("/w");
  const output = new CapturedFile();
  const gofs = goFileSystem(fs, { captured: new Map([["/w/out.wasm", output]]) });
  const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
  for (const round of [1, 2]) { // the second write truncates what the first left
    const [fd] = call(gofs, "open", "/w/out.wasm", O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    const bytes = new Uint8Array(100_000).map((_, i) => (i * round) % 256);
    assert.equal(call(gofs, "write", fd, bytes, 0, 70_000, null)[0], 70_000);
    assert.equal(call(gofs, "write", fd, bytes, 70_000, 30_000, null)[0], 30_000);
    call(gofs, "write", fd, new Uint8Array([7, 7]), 0, 2, 10); // patched in place
    call(gofs, "close", fd);
    const want = bytes.slice();
    want[10] = want[11] = 7;
    assert.deepEqual(output.bytes(), want);
    // Read back by the tool, it is the captured bytes.
    const [rfd] = call(gofs, "open", "/w/out.wasm", 0, 0);
    const back = new Uint8Array(16);
    call(gofs, "read", rfd, back, 0, 16, null);
    assert.deepEqual(back, want.subarray(0, 16));
    call(gofs, "close", rfd);
  }
  assert.ok(fs.existsSync("/w/out.wasm"), "the volume has the file");
  // Other paths are the volume's.
  const [fd] = call(gofs, "open", "/w/other", O_WRONLY | O_CREAT, 0o644);
  call(gofs, "write", fd, new Uint8Array([1, 2, 3]), 0, 3, null);
  call(gofs, "close", fd);
  assert.deepEqual([...fs.readFileSync("/w/other")], [1, 2, 3]);
});

test("the scratch Uint8Array hands out zeroed views of one buffer", () => {
  const U = scratchUint8Array();
  const a = new U(10);
  assert.ok(a instanceof Uint8Array);
  assert.equal(a.length, 10);
  a.fill(9);
  const b = new U(8);
  assert.equal(b.buffer, a.buffer, "the same scratch buffer");
  assert.deepEqual([...b], new Array(8).fill(0));
  const big = new U(1 << 20); // grows
  assert.equal(big.length, 1 << 20);
  assert.equal(big.every((x) => x === 0), true);
  const copy = new U([1, 2, 3]); // other forms are real arrays
  assert.deepEqual([...copy], [1, 2, 3]);
  assert.notEqual(copy.buffer, big.buffer);
  assert.throws(() => U(3), TypeError);
});
