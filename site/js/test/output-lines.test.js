import { test } from "node:test";
import assert from "node:assert/strict";
import { OutputLines } from "../output-lines.js";

test("OutputLines joins parts of a line at the time of its first part", () => {
  const out = new OutputLines();
  for (const e of [
    { kind: "start", clock: "virtual" },
    { kind: "stdout", body: "one\ntw", t: 1 },
    { kind: "stdout", body: "o\n", t: 2 },
    { kind: "stdin-wait" },
    { kind: "stderr", body: "three\n\nfive", t: 3 },
    { kind: "exit", status: 0, elapsed: 4 },
  ]) out.add(e);
  assert.deepEqual(out.lines, [
    { t: 1, text: "one", kind: "stdout" },
    { t: 1, text: "two", kind: "stdout" },
    { t: 3, text: "three", kind: "stderr" },
    { t: 3, text: "", kind: "stderr" },
    { t: 3, text: "five", kind: "stderr" },
  ]);
});
