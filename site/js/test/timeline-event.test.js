import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { TimelineMaker } from "../timeline-event.js";

const testdata = (name) => new URL(`../../../wasm/timeline/testdata/${name}`, import.meta.url);

test("TimelineMaker reads the trace once it comes and hands over named rows and lines", async () => {
  const trace = new Uint8Array(readFileSync(testdata("dining-deadlock.trace")));
  const got = [];
  const maker = new TimelineMaker((e) => got.push(e));
  maker.add({ kind: "start", clock: "virtual" });
  maker.add({ kind: "stdout", body: "Ada has the noodles\n", t: 0 });
  maker.add({ kind: "trace", data: trace, origin: 1e9 });
  maker.add({ kind: "exit", status: 2, elapsed: 100 });
  assert.deepEqual(got, [], "the timeline comes after the exit");
  const e = await maker.done;
  assert.deepEqual(got, [e]);
  assert.equal(e.kind, "timeline");
  assert.deepEqual(e.timeline.goroutines.map((g) => g.name), ["main", "noodlesFirst", "forkFirst", "noodlesFirst", "forkFirst"]);
  assert.deepEqual(e.lines, [{ t: 0, text: "Ada has the noodles", kind: "stdout" }]);
  assert.ok(e.readMs >= 0);
});

test("TimelineMaker hands the reader the trace and its origin", async () => {
  const calls = [];
  const json = JSON.parse(readFileSync(testdata("dining-deadlock.json"), "utf8"));
  const maker = new TimelineMaker(() => {}, "", (data, origin) => {
    calls.push([data.length, origin]);
    return json;
  });
  maker.add({ kind: "trace", data: new Uint8Array(3), origin: 1e9 });
  const e = await maker.done;
  assert.deepEqual(calls, [[3, 1e9]]);
  assert.equal(e.timeline.goroutines.length, 5);
});

test("TimelineMaker reports a trace it cannot read, and makes nothing without a trace", async () => {
  const failing = new TimelineMaker(() => {});
  failing.add({ kind: "trace", data: new Uint8Array([1, 2, 3]), origin: 0 });
  assert.deepEqual(await failing.done, { kind: "timeline", error: "reading the trace: bad file format: not a Go execution trace" });
  const missing = new TimelineMaker(() => {});
  missing.add({ kind: "trace", missing: "crashed" });
  assert.equal(await missing.done, null);
});
