// Tests of the one naming rule for goroutines, on its own and on the timeline of a real
// trace (wasm/timeline writes testdata/dining-deadlock.json from it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { displayName, goroutineName } from "../goroutine-name.js";
import { nameRows } from "../timeline-event.js";

test("displayName shortens the program's functions and keeps other packages'", () => {
  for (const [fn, want] of [
    ["main.worker", "worker"],
    ["main.main.func1", "main (a function literal)"],
    ["main.(*pool).run", "(*pool).run"],
    ["main.(*pool).run.func2.1", "(*pool).run (a function literal)"],
    ["time.goFunc", "time.goFunc"],
    ["sync.(*WaitGroup).Go.func1", "sync.(*WaitGroup).Go.func1"],
  ]) assert.equal(displayName(fn), want, fn);
});

test("goroutineName prefers the declared function the goroutine runs", () => {
  assert.equal(goroutineName({ id: 1, start: "main.main", frames: ["main.main"] }), "main");
  assert.equal(goroutineName({ id: 7, start: "main.worker", frames: [] }), "worker");
  const wrapped = { id: 8, start: "sync.(*WaitGroup).Go.func1" };
  assert.equal(goroutineName({ ...wrapped, frames: ["main.main.func1", "main.worker"] }), "worker");
  assert.equal(goroutineName({ ...wrapped, frames: ["main.main.func1"] }), "main (a function literal)");
  assert.equal(goroutineName({ ...wrapped, frames: [] }), "sync.(*WaitGroup).Go.func1");
  assert.equal(goroutineName({ id: 9, start: "main.main.func2", frames: ["main.main.func2", "main.main"] }), "main (a function literal)");
  assert.equal(goroutineName({ id: 9, frames: [] }), "?");
});

test("the timeline of the dining-deadlock trace names its rows as the diagnosis does", () => {
  const timeline = JSON.parse(readFileSync(new URL("../../../wasm/timeline/testdata/dining-deadlock.json", import.meta.url), "utf8"));
  nameRows(timeline);
  assert.deepEqual(timeline.goroutines.map((g) => g.name), ["main", "noodlesFirst", "forkFirst", "noodlesFirst", "forkFirst"]);
});

test("startedAt reads what a go statement or a wrapper hands over", async () => {
  const { startedAt } = await import("../goroutine-name.js");
  const source = [
    "package main", // 1
    "func (p *pool) run() {", // 2
    "\twg.Go(func() {", // 3
    "\t})", // 4
    "}", // 5
    "func main() {", // 6
    "\twg.Go(worker)", // 7
    "\tgo func(i int) {}(3)", // 8
    "\ttime.AfterFunc(time.Second, ring)", // 9
    "\tx := 1", // 10
    "}", // 11
  ].join("\n");
  assert.deepEqual(startedAt(source, 3), { literal: "main.(*pool).run" });
  assert.deepEqual(startedAt(source, 7), { func: "main.worker" });
  assert.deepEqual(startedAt(source, 8), { literal: "main.main" });
  assert.deepEqual(startedAt(source, 9), { func: "main.ring" });
  assert.equal(startedAt(source, 10), null);
  const wrapped = { id: 7, start: "sync.(*WaitGroup).Go.func1", frames: [] };
  assert.equal(goroutineName({ ...wrapped, started: startedAt(source, 3) }), "(*pool).run (a function literal)");
  assert.equal(goroutineName({ ...wrapped, started: startedAt(source, 7) }), "worker");
  assert.equal(goroutineName({ ...wrapped, frames: ["main.main.func1", "main.work"], started: startedAt(source, 7) }), "work", "a stack of the program's wins");
});
