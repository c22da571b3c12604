// go-test-report.js reads the output of a test binary, run with TEST_ARGS, into one "test"
// event per test and a closing "test-summary" (events.js). The test binary frames its
// own lines ("=== RUN", "--- PASS: …") with a ^V byte in this mode (go test -json uses
// the same framing), so a test that prints "--- FAIL" is not taken for a failure. The
// runner worker and the Node runner put every test run's events through it, so the page
// and the tests read the same verdicts.
//
// It is not for: finding or building the tests (wasm/testmain, toolchain.js).
import { Kind } from "./events.js";

/** TEST_ARGS are the arguments every test run gets; -test.run may follow. */
export const TEST_ARGS = Object.freeze(["-test.v=test2json", "-test.timeout=0", "-test.count=1"]);

/** runArgs are the arguments to run only the test called name (a top-level test). */
export function runArgs(name) {
  const quoted = name.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
  return [...TEST_ARGS, `-test.run=^${quoted}$`];
}

const FRAME = "\x16";
const MARKER = /^(=== (RUN|PAUSE|CONT|NAME)\s*(.*)|--- (PASS|FAIL|SKIP): (\S+) \(([\d.]+)s\)|(PASS|FAIL))$/;
// A t.Log or t.Error line: "    main_test.go:12: message".
const LOG_LINE = /^\s+(\S+\.go):(\d+): (.*)$/;

/**
 * TestReporter turns the events of a test run into the same events with its framing
 * bytes removed, plus the test events. emit receives them in order.
 */
export class TestReporter {
  constructor(emit) {
    this.emit = emit;
    this.partial = "";
    this.current = "";
    this.tests = new Map(); // name -> {name, output: [], result, elapsed}
    this.open = null; // the test whose "---" line came last: its output may follow
    this.counts = { passed: 0, failed: 0, skipped: 0 };
    this.overall = "";
  }

  /** add takes one event of the run. */
  add(event) {
    if (event.kind === Kind.Stdout) {
      const text = this.partial + event.body;
      const lines = text.split("\n");
      this.partial = lines.pop();
      for (const line of lines) this.line(line);
      // What the learner sees is the output without the framing.
      const body = event.body.replaceAll(FRAME, "");
      if (body) this.emit({ ...event, body });
      return;
    }
    if (event.kind === Kind.Exit || event.kind === Kind.Error) this.finish(event);
    this.emit(event);
    if (event.kind === Kind.Deadlock || event.kind === Kind.Panic || event.kind === Kind.Truncated || event.kind === Kind.MemoryLimit) {
      this.ended = event.kind;
    }
  }

  line(raw) {
    const framed = raw.startsWith(FRAME);
    const m = framed ? MARKER.exec(raw.slice(1)) : null;
    if (!m) {
      const name = this.open?.name ?? this.current;
      if (name) this.test(name).output.push(raw);
      return;
    }
    this.close();
    if (m[2]) {
      this.current = m[3].trim();
      if (m[2] === "RUN") this.test(this.current);
    } else if (m[4]) {
      const t = this.test(m[5]);
      t.result = m[4].toLowerCase();
      t.elapsed = Number(m[6]) * 1000;
      this.open = t;
    } else {
      this.overall = m[7].toLowerCase();
    }
  }

  test(name) {
    if (!this.tests.has(name)) this.tests.set(name, { name, output: [], result: "", elapsed: 0, reported: false });
    return this.tests.get(name);
  }

  // close reports the test whose verdict came last, now that its output is complete.
  close() {
    const t = this.open;
    this.open = null;
    if (t) this.report(t);
  }

  report(t) {
    if (t.reported) return;
    t.reported = true;
    if (!t.name.includes("/")) {
      if (t.result === "pass") this.counts.passed++;
      else if (t.result === "skip") this.counts.skipped++;
      else this.counts.failed++;
    }
    const failures = [];
    if (t.result !== "pass" && t.result !== "skip") {
      for (const line of t.output) {
        const m = LOG_LINE.exec(line);
        if (m) failures.push({ file: m[1], line: Number(m[2]), col: 1, message: m[3] });
      }
    }
    this.emit({ kind: Kind.Test, name: t.name, result: t.result, elapsed: t.elapsed, output: t.output.join("\n"), failures });
  }

  // finish reports what is left when the binary ends: the last verdict's test, and any
  // test still running, which the deadlock, panic or cut-off stopped.
  finish(exit) {
    if (this.partial) this.line(this.partial), (this.partial = "");
    this.close();
    const stopped = this.ended === Kind.Deadlock ? "deadlock" : this.ended === Kind.Panic ? "panic" : "stopped";
    for (const t of [...this.tests.values()].reverse()) {
      if (t.reported) continue;
      t.result = stopped;
      this.report(t);
    }
    let result = this.overall;
    if (this.ended === Kind.Deadlock || this.ended === Kind.Panic) result = this.ended;
    else if (!result) result = exit.kind === Kind.Exit && exit.status === 0 ? "pass" : "fail";
    if (this.tests.size === 0 && result === "pass") result = "none";
    this.emit({ kind: Kind.TestSummary, result, ...this.counts });
  }
}
