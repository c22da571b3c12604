import { test } from "node:test";
import assert from "node:assert/strict";
import { countDownload, sentSize } from "../toolchain-progress.js";

// Two files as the manifest lists them: the compiler, sent compressed, and a small file
// the server sends as it is.
const compiler = { url: "compile.wasm", size: 35_800_000, sent: { br: 8_100_000, gzip: 10_400_000 } };
const small = { url: "pkg/unsafe.a", size: 900 };

test("sentSize is what crosses the network", () => {
  assert.equal(sentSize(compiler), 8_100_000, "before the response, the best encoding");
  assert.equal(sentSize(compiler, "br"), 8_100_000);
  assert.equal(sentSize(compiler, "gzip"), 10_400_000);
  assert.equal(sentSize(compiler, null), 35_800_000, "sent as it is");
  assert.equal(sentSize(compiler, "zstd"), 35_800_000, "an encoding without a sibling");
  assert.equal(sentSize(small), 900);
});

// download runs a file's download through countDownload: its response's encoding, then
// its decoded bytes in chunks. It returns the progress seen after each chunk.
function download(progress, file, encoding, chunks) {
  const seen = [];
  const d = countDownload(progress, file, () => seen.push({ ...progress }));
  d.encoding(encoding);
  const chunk = Math.ceil(file.size / chunks);
  for (let got = 0; got < file.size; got += chunk) d.bytes(Math.min(chunk, file.size - got));
  d.done();
  return seen;
}

test("the progress counts compressed bytes, in step with the decoded ones", () => {
  const progress = { loaded: 0, total: sentSize(compiler) + sentSize(small) };
  const seen = download(progress, compiler, "br", 4);
  // Half the compiler decoded is half its compressed size sent.
  const half = seen.find((p) => p.loaded >= 4_000_000);
  assert.equal(half.loaded, 4_050_000);
  assert.ok(seen.every((p) => p.loaded <= p.total), "loaded never passes total");
  download(progress, small, null, 1);
  assert.deepEqual(progress, { loaded: 8_100_900, total: 8_100_900 });
});

test("a response in another encoding than expected corrects the total", () => {
  const progress = { loaded: 0, total: sentSize(compiler) };
  download(progress, compiler, "gzip", 3);
  assert.deepEqual(progress, { loaded: 10_400_000, total: 10_400_000 });
});

test("a loader that never says its encoding counts the expected size", () => {
  const progress = { loaded: 0, total: sentSize(compiler) };
  const d = countDownload(progress, compiler, () => {});
  d.bytes(compiler.size);
  d.done();
  assert.deepEqual(progress, { loaded: 8_100_000, total: 8_100_000 });
});
