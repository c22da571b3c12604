// The trace reader, on traces of lesson programs checked in with wasm/timeline (each with
// its timeline as timeline.Build, Go's reading, makes it), and on small traces written
// here, byte by byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readTimeline, readTrace, EventType as E, SYNC, NO_GOROUTINE } from "../trace-timeline.js";

const testdata = (name) => new URL(`../../../wasm/timeline/testdata/${name}`, import.meta.url);
const traceOf = (name) => new Uint8Array(readFileSync(testdata(`${name}.trace`)));
const timelineOf = (name) => JSON.parse(readFileSync(testdata(`${name}.json`), "utf8"));
const VIRTUAL_ORIGIN = 1e9; // the virtual clock's reading at time 0 of a run

for (const name of ["dining-deadlock", "generators-pull"]) {
  test(`${name}: the timeline is Go's reading of the trace`, () => {
    assert.deepEqual(readTimeline(traceOf(name), VIRTUAL_ORIGIN), timelineOf(name));
  });
}

test("the events come in order, between the two ends of the trace", () => {
  const counts = new Map();
  const times = [];
  readTrace(traceOf("dining-deadlock"), (ev) => {
    counts.set(ev.type, (counts.get(ev.type) ?? 0) + 1);
    times.push(ev.time);
  });
  // main's four diners, the tracer's goroutines and the runtime's.
  assert.equal(counts.get(E.GoCreate), 8);
  assert.equal(counts.get(E.GoStatus), 3);
  assert.equal(counts.get(E.GoStatusStack), 3);
  assert.equal(counts.get(SYNC), 2);
  assert.ok(times.every((t, i) => i === 0 || t > times[i - 1]), "times strictly increase");
});

test("a coroutine switch stands for the unblock, block and start it makes", () => {
  const seen = [];
  readTrace(traceOf("generators-pull"), (ev) => {
    if (seen.length < 3 && (seen.length > 0 || ev.type === E.GoSwitch)) seen.push({ type: ev.type, g: ev.g, arg: ev.args[0] });
  });
  const [sw, block, start] = seen;
  assert.deepEqual([sw.type, block.type, start.type], [E.GoSwitch, E.GoBlock, E.GoStart]);
  assert.equal(block.g, sw.g); // the goroutine that switched blocks
  assert.equal(start.arg, sw.arg); // and the one it switched to starts
  assert.equal(start.g, NO_GOROUTINE);
});

// A trace written here: the wire format's varints, batches and tables.
function uvarint(n) {
  const out = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return out;
}
const NO_THREAD = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]; // 2^64-1
const HEADER = [..."go 1.26 trace\0\0\0"].map((c) => c.charCodeAt(0));

function batch(thread, ticks, data, gen = 1) {
  const m = thread === "none" ? NO_THREAD : uvarint(thread);
  return [E.EventBatch, ...uvarint(gen), ...m, ...uvarint(ticks), ...uvarint(data.length), ...data];
}

// writeTrace makes a trace of one generation: its clock ticks every 64ns, batches start
// at tick 1000, and events follow each other a tick apart. strings are [id, text],
// stacks [id, [[pc, funcID, fileID, line], ...]], threads {m: [[type, ...args], ...]}.
function writeTrace({ strings, stacks, threads }) {
  const text = new TextEncoder();
  const sync = [E.Sync, E.Frequency, ...uvarint(15625000), E.ClockSnapshot, ...uvarint(1), ...uvarint(1e9), ...uvarint(0), ...uvarint(0)];
  const table = [E.Strings];
  for (const [id, s] of strings) table.push(E.String, ...uvarint(id), ...uvarint(s.length), ...text.encode(s));
  const stackTable = [E.Stacks];
  for (const [id, frames] of stacks) {
    stackTable.push(E.Stack, ...uvarint(id), ...uvarint(frames.length));
    for (const f of frames) for (const v of f) stackTable.push(...uvarint(v));
  }
  const out = [...HEADER, ...batch("none", 1000, sync), ...batch("none", 1000, table), ...batch("none", 1000, stackTable)];
  for (const [m, events] of Object.entries(threads)) {
    const data = [];
    for (const [type, ...args] of events) data.push(type, ...uvarint(1), ...args.flatMap(uvarint));
    out.push(...batch(Number(m), 1000, data));
  }
  out.push(E.EndOfGeneration);
  return new Uint8Array(out);
}

const program = {
  strings: [[1, "main.main"], [2, "/tmp/x/main.go"], [3, "main.worker"], [4, "chan receive"], [5, "runtime.chanrecv1"], [6, "runtime/chan.go"]],
  stacks: [
    [1, [[101, 1, 2, 7]]], // main.main at the go statement, main.go:7
    [2, [[200, 3, 2, 12]]], // where the new goroutine starts: main.worker
    [3, [[100, 5, 6, 1], [102, 1, 2, 9]]], // main.main receiving at main.go:9
  ],
  threads: {
    1: [
      [E.ProcStatus, 0, 1], // proc 0 runs
      [E.GoStatus, 1, 1, 2], // goroutine 1 runs on thread 1
      [E.GoCreate, 2, 2, 1], // it starts goroutine 2
      [E.GoBlock, 4, 3], // and blocks on a channel
      [E.GoStart, 2, 1],
      [E.GoUnblock, 1, 1, 0], // goroutine 2 wakes goroutine 1
      [E.GoDestroy],
      [E.GoStart, 1, 2],
    ],
  },
};

test("a trace written here reads as the timeline worked out by hand", () => {
  // Batches start at tick 1000 (64,000ns, the origin here), and each event is a tick
  // (64ns) after the one before; the trace ends a nanosecond after its last event.
  const ms = (ticks) => (ticks * 64) / 1e6;
  const end = (8 * 64 + 1) / 1e6;
  assert.deepEqual(readTimeline(writeTrace(program), 64000), {
    end,
    spans: 6,
    goroutines: [
      {
        id: 1,
        func: "main.main",
        frames: ["main.main"],
        spans: [
          { start: ms(2), end: ms(4), state: "running" },
          { start: ms(4), end: ms(6), state: "blocked", reason: "channel", wait: "chan receive", line: 9 },
          { start: ms(6), end: ms(8), state: "runnable" },
          { start: ms(8), end, state: "running" },
        ],
      },
      {
        id: 2,
        func: "main.worker",
        createdLine: 7,
        createdBy: 1,
        spans: [
          { start: ms(3), end: ms(5), state: "runnable" },
          { start: ms(5), end: ms(7), state: "running" },
        ],
      },
    ],
  });
});

test("a trace with nothing but its header has an empty timeline", () => {
  assert.deepEqual(readTimeline(new Uint8Array(HEADER), 0), { end: 1e-6, spans: 0, goroutines: null });
});

test("a trace of a shape the reader does not know is refused, never drawn", () => {
  const dining = traceOf("dining-deadlock");
  const body = dining.subarray(HEADER.length);
  const cases = [
    [new TextEncoder().encode("not a trace at all"), /not a Go execution trace/],
    [new Uint8Array([...new TextEncoder().encode("go 1.25 trace\0\0\0"), ...body]), /format of Go 1\.25/],
    [dining.subarray(0, dining.length - 1), /truncated/], // no end of generation
    [dining.subarray(0, dining.length - 100), /batch|truncated|string/], // cut inside a batch
    [new Uint8Array([...dining, ...body]), /more than one generation/],
    [writeTrace({ ...program, threads: { ...program.threads, 2: [[E.ProcStatus, 1, 2]] } }), /2 threads/],
    // A goroutine started that was never created.
    [writeTrace({ ...program, threads: { 1: [[E.ProcStatus, 0, 1], [E.GoStart, 7, 1]] } }), /broken trace/],
    [writeTrace({ ...program, threads: { 1: [[E.ProcStatus, 0, 1], [E.GoBlock, 4, 3]] } }), /expected a goroutine/],
    [writeTrace({ ...program, threads: { 1: [[E.ProcStatus, 0, 1], [E.GoBlock, 4, 99]] } }), /invalid stack ID 99/],
    [writeTrace({ ...program, threads: { 1: [[60, 0]] } }), /without a timestamp/],
  ];
  for (const [bytes, error] of cases) assert.throws(() => readTimeline(bytes, 0), error);
});
