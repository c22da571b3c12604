import { test } from "node:test";
import assert from "node:assert/strict";
import { TestReporter, runArgs } from "../go-test-report.js";
import { Kind } from "../events.js";

// Output of a real test binary run with -test.v=test2json (framing bytes as \x16).
const RUN = [
  "\x16=== RUN   TestA\n    main_test.go:5: hello\n\x16=== RUN   TestA/sub\n    main_test.go:5: bad sub\n",
  "\x16--- FAIL: TestA/sub (0.00s)\n\x16=== NAME  TestA\n\x16--- FAIL: TestA (0.25s)\n\x16=== NAME  \n",
  "\x16=== RUN   TestB\n\x16=== PAUSE TestB\n\x16=== NAME  \n\x16=== RUN   TestC\n    main_test.go:7: later\n\x16--- SKIP: TestC (0.00s)\n",
  "\x16=== NAME  \n\x16=== CONT  TestB\n--- FAIL: fake\n\x16--- PASS: TestB (3.00s)\n",
  "\x16=== RUN   Example_x\n\x16--- FAIL: Example_x (0.00s)\ngot:\n1\nwant:\n2\n\x16=== NAME   \n\x16FAIL\n",
];

function report(bodies, end) {
  const events = [];
  const r = new TestReporter((e) => events.push(e));
  for (const body of bodies) r.add({ kind: Kind.Stdout, body, t: 0 });
  for (const e of end) r.add(e);
  return events;
}

test("each test is reported with its verdict, time, output and failing lines", () => {
  const events = report(RUN, [{ kind: Kind.Exit, status: 1, elapsed: 3250 }]);
  const tests = Object.fromEntries(events.filter((e) => e.kind === Kind.Test).map((e) => [e.name, e]));
  assert.deepEqual(Object.keys(tests).sort(), ["Example_x", "TestA", "TestA/sub", "TestB", "TestC"]);
  assert.equal(tests["TestA"].result, "fail");
  assert.equal(tests["TestA"].elapsed, 250);
  assert.deepEqual(tests["TestA/sub"].failures, [{ file: "main_test.go", line: 5, col: 1, message: "bad sub" }]);
  assert.equal(tests["TestB"].result, "pass", "a test that prints a fake verdict still passes");
  assert.equal(tests["TestB"].elapsed, 3000);
  assert.match(tests["TestB"].output, /--- FAIL: fake/);
  assert.equal(tests["TestC"].result, "skip");
  assert.match(tests["Example_x"].output, /got:\n1\nwant:\n2/);
  const summary = events.find((e) => e.kind === Kind.TestSummary);
  assert.deepEqual(summary, { kind: Kind.TestSummary, result: "fail", passed: 1, failed: 2, skipped: 1 });
  assert.equal(events.at(-1).kind, Kind.Exit, "the summary comes before exit");
  const shown = events.filter((e) => e.kind === Kind.Stdout).map((e) => e.body).join("");
  assert.ok(!shown.includes("\x16"), "the framing bytes are not shown");
  assert.match(shown, /--- PASS: TestB \(3\.00s\)/);
});

test("a test that deadlocks is reported as a deadlock", () => {
  const events = report(["\x16=== RUN   TestOK\n\x16--- PASS: TestOK (0.00s)\n\x16=== RUN   TestStuck\n"], [
    { kind: Kind.Deadlock, report: "fatal error: all goroutines are asleep - deadlock!", summary: [] },
    { kind: Kind.Exit, status: 2, elapsed: 0 },
  ]);
  const stuck = events.find((e) => e.kind === Kind.Test && e.name === "TestStuck");
  assert.equal(stuck.result, "deadlock");
  assert.equal(events.find((e) => e.kind === Kind.TestSummary).result, "deadlock");
});

test("runArgs runs one test by its exact name", () => {
  const run = runArgs("TestA+B").at(-1);
  assert.equal(run, "-test.run=^TestA\\+B$");
  assert.ok(new RegExp(run.slice("-test.run=".length)).test("TestA+B"));
});
