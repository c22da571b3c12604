// Tests of diagnose.js on the runtime's report of a real deadlock (the dining-deadlock
// lesson) and on panics.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { LockWatch, deadlockMarks, diagnoseDeadlock, diagnosePanic, parseDump, shownReport, summaryText } from "../diagnose.js";
import { setStrings } from "../i18n.js";

const dining = JSON.parse(readFileSync(new URL("./testdata/dining-deadlock.json", import.meta.url), "utf8"));
const table = (code) => JSON.parse(readFileSync(new URL(`../../i18n/${code}.json`, import.meta.url), "utf8"));
const english = table("en");
setStrings(english, { strict: true });

function watch(reports) {
  const locks = new LockWatch();
  for (const r of reports) locks.apply(r);
  return locks;
}

test("parseDump reads every goroutine with its frames and creator", () => {
  const dump = parseDump(dining.report);
  assert.deepEqual(dump.map((g) => [g.id, g.wait]), [
    [1, "sync.WaitGroup.Wait"], [10, "sync.Mutex.Lock"], [11, "sync.Mutex.Lock"], [12, "sync.Mutex.Lock"], [13, "sync.Mutex.Lock"],
  ]);
  const ada = dump[1];
  assert.deepEqual(ada.frames.find((f) => f.file === "main.go"), { func: "main.noodlesFirst", file: "main.go", line: 18 });
  assert.equal(ada.createdBy.func, "sync.(*WaitGroup).Go");
  assert.equal(ada.createdBy.goroutine, 1);
});

test("diagnoseDeadlock finds the cycle, who holds what, and names goroutines", () => {
  const diagnosis = diagnoseDeadlock(dining.report, watch(dining.locks), dining.source);
  const { goroutines } = diagnosis;
  const summary = summaryText(diagnosis);
  assert.deepEqual(goroutines.map((g) => g.name), ["main", "noodlesFirst", "forkFirst", "noodlesFirst", "forkFirst"]);
  assert.deepEqual(goroutines.map((g) => g.startLine), [41, 37, 38, 39, 40]);
  const ada = goroutines[1];
  assert.deepEqual(ada.holds.map((h) => [h.name, h.line]), [["noodles", 15]]);
  assert.equal(ada.wants.name, "fork");
  assert.deepEqual(ada.wants.heldBy, [11]);
  assert.equal(summary[0], "A cycle: goroutine 10 holds noodles and wants fork; goroutine 11 holds fork and wants noodles. None of them can go on.");
  assert.equal(summary[3], "goroutine 11 (forkFirst) wants noodles at line 29, held by goroutine 10; it holds fork (taken at line 26).");
  assert.equal(summary[4], "goroutine 12 (noodlesFirst) wants noodles at line 15, held by goroutine 10.");
});

test("a goroutine that locks a mutex it holds waits for itself", () => {
  const report = `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [sync.Mutex.Lock]:
internal/sync.runtime_SemacquireMutex(0x1, 0x0, 0x1)
\truntime/sema.go:95 +0x2
sync.(*Mutex).Lock(...)
\tsync/mutex.go:46
main.main()
\tmain.go:7 +0x3
`;
  const source = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n}\n".replace("\tmu.Lock()\n}", "\tmu.Lock()\n\tmu.Lock()\n}");
  const locks = watch([
    { op: "want", g: 1, lock: "a", line: 6 }, { op: "hold", g: 1, lock: "a", line: 6 }, { op: "want", g: 1, lock: "a", line: 7 },
  ]);
  const summary = summaryText(diagnoseDeadlock(report, locks, source));
  assert.match(summary[0], /^goroutine 1 \(main\) wants mu at line 7, which it already holds \(it took it at line 6\): a sync.Mutex is not reentrant/);
});

test("LockWatch frees read locks by their owner and write locks by anyone", () => {
  const locks = watch([
    { op: "hold-read", g: 2, lock: "rw", line: 3 }, { op: "hold-read", g: 3, lock: "rw", line: 4 },
    { op: "free-read", g: 3, lock: "rw", line: 5 }, { op: "hold", g: 4, lock: "m", line: 6 }, { op: "free", g: 5, lock: "m", line: 7 },
  ]);
  assert.deepEqual(locks.held(2), [{ lock: "rw", line: 3, read: true }]);
  assert.deepEqual(locks.held(3), []);
  assert.equal(locks.holders.has("m"), false);
});

test("diagnosePanic finds the message and the program's line", () => {
  const stderr = `panic: runtime error: index out of range [5] with length 3

goroutine 1 [running]:
main.pick(...)
\tmain.go:9
main.main()
\tmain.go:13 +0x5
`;
  assert.deepEqual(diagnosePanic(stderr), { message: "runtime error: index out of range [5] with length 3", goroutine: 1, line: 9, func: "pick" });
  assert.equal(diagnosePanic("fatal error: out of memory\n"), null);
});

test("shownReport leaves out the playground's own sync frames, and nothing else", () => {
  const shown = shownReport(dining.report);
  assert.doesNotMatch(shown, /playground\//);
  assert.equal(shown.split("\n").length, dining.report.split("\n").length - 2 * 4);
  assert.match(shown, /sync\.\(\*Mutex\)\.Lock\(\.\.\.\)\n\tsync\/mutex\.go:46\nmain\.noodlesFirst/);
  assert.deepEqual(parseDump(shown).map((g) => g.id), [1, 10, 11, 12, 13]);
});

test("goroutines that wait alike share one sentence, with their ids beside it", () => {
  const waiter = (id) => `goroutine ${id} [sync.Mutex.Lock]:
internal/sync.runtime_SemacquireMutex(0x1, 0x0, 0x2)
\truntime/sema.go:95 +0x2
sync.(*Mutex).Lock(...)
\tsync/mutex.go:46
main.main.func1()
\tmain.go:4 +0x2
created by main.main in goroutine 1
\tmain.go:3 +0x5
`;
  const ids = Array.from({ length: 1000 }, (_, i) => i + 10);
  const report = `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [sync.WaitGroup.Wait]:
sync.(*WaitGroup).Wait(0x1)
\tsync/waitgroup.go:206 +0x19
main.main()
\tmain.go:9 +0x7

${ids.map(waiter).join("\n")}`;
  const source = "package main\n\nfunc main() {\n\tgo func() { mu.Lock() }()\n}\n";
  const locks = watch([{ op: "want", g: 1, lock: "m", line: 2 }, { op: "hold", g: 1, lock: "m", line: 2 }, ...ids.map((g) => ({ op: "want", g, lock: "m", line: 4 }))]);
  const diagnosis = diagnoseDeadlock(report, locks, source);
  const summary = summaryText(diagnosis);
  assert.equal(diagnosis.goroutines.length, 1001);
  assert.equal(summary.length, 2);
  assert.equal(summary[1], "1,000 goroutines (main (a function literal)) want mu at line 4, held by goroutine 1.");
  assert.deepEqual(diagnosis.summary, [{ ids: [1] }, { ids }]);
  const marks = deadlockMarks(diagnosis);
  assert.deepEqual(marks.filter((m) => m.line === 4).map((m) => m.message), ["1,000 goroutines (main (a function literal)) want mu, held by goroutine 1"]);
});

test("two goroutines that wait alike keep a sentence each", () => {
  const { summary } = diagnoseDeadlock(dining.report, watch(dining.locks), dining.source);
  assert.equal(summary.length, 6);
  assert.ok(summary[0].cycle);
  assert.ok(summary.slice(1).every((s) => s.ids.length === 1));
});

test("the diagnosis is data; its words are the page's", () => {
  const diagnosis = diagnoseDeadlock(dining.report, watch(dining.locks), dining.source);
  assert.deepEqual(diagnosis.summary[0], { cycle: [{ id: 10, holds: "noodles", wants: "fork" }, { id: 11, holds: "fork", wants: "noodles" }] });
  assert.deepEqual(deadlockMarks(diagnosis).filter((m) => m.line === 15).map((m) => m.message), [
    "goroutine 10 (noodlesFirst) took noodles here and still holds it",
    "goroutine 12 (noodlesFirst) wants noodles, held by goroutine 10",
  ]);
  setStrings(table("zh"), { strict: true });
  try {
    const summary = summaryText(diagnosis);
    assert.equal(summary[0], "循环等待：goroutine 10 持有 noodles，又在等 fork；goroutine 11 持有 fork，又在等 noodles。它们谁都无法继续执行。");
    assert.equal(summary[2], "goroutine 10（noodlesFirst）在第 18 行等待锁 fork，这把锁被 goroutine 11 持有；它还持有 noodles（在第 15 行拿到）。");
    for (const s of [...summary, ...deadlockMarks(diagnosis).map((m) => m.message)]) {
      assert.doesNotMatch(s.replace(/goroutine|noodlesFirst|forkFirst|noodles|fork|main|sync\.[\w.]+/g, ""), /[A-Za-z]{3,}/, s);
    }
  } finally {
    setStrings(english, { strict: true });
  }
});
