import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { TimelineMaker } from "../timeline-event.js";

const json = readFileSync(new URL("../../../wasm/timeline/testdata/dining-deadlock.json", import.meta.url), "utf8");

test("TimelineMaker reads the trace once it comes and hands over named rows and lines", async () => {
  const calls = [];
  const reader = async () => (data, origin) => {
    calls.push([data.length, origin]);
    return { json };
  };
  const got = [];
  const maker = new TimelineMaker(reader, (e) => got.push(e));
  maker.add({ kind: "start", clock: "virtual" });
  maker.add({ kind: "stdout", body: "Ada has the noodles\n", t: 0 });
  maker.add({ kind: "trace", data: new Uint8Array(3), origin: 1e9 });
  maker.add({ kind: "exit", status: 2, elapsed: 100 });
  const e = await maker.done;
  assert.deepEqual(calls, [[3, 1e9]]);
  assert.deepEqual(got, [e]);
  assert.equal(e.kind, "timeline");
  assert.deepEqual(e.timeline.goroutines.map((g) => g.name), ["main", "noodlesFirst", "forkFirst", "noodlesFirst", "forkFirst"]);
  assert.deepEqual(e.lines, [{ t: 0, text: "Ada has the noodles", kind: "stdout" }]);
});

test("TimelineMaker reports a reader that fails, and makes nothing without a trace", async () => {
  const failing = new TimelineMaker(async () => () => ({ error: "bad trace" }), () => {});
  failing.add({ kind: "trace", data: new Uint8Array(1), origin: 0 });
  assert.deepEqual(await failing.done, { kind: "timeline", error: "bad trace" });
  const missing = new TimelineMaker(async () => { throw new Error("no reader"); }, () => {});
  missing.add({ kind: "trace", missing: "the program crashed before its trace was written" });
  assert.equal(await missing.done, null);
  const broken = new TimelineMaker(async () => { throw new Error("offline"); }, () => {});
  broken.add({ kind: "trace", data: new Uint8Array(1), origin: 0 });
  assert.deepEqual(await broken.done, { kind: "timeline", error: "reading the trace: offline" });
});
