// trace-timeline.js turns a playground program's execution trace (runtime/trace's format
// of Go 1.26, recorded by wasm/runtrace) into the goroutine timeline the page draws: one
// row per goroutine the program started, with the program functions it runs, each a run
// of spans in which it was running, ready to run, or blocked, with why and at which line
// of main.go. The runner names the rows afterwards (timeline-event.js).
//
// It decodes the trace itself: the header, the batches, the string and stack tables, and
// the events, put in the order the scheduler's sequence numbers give them while following
// every goroutine's and proc's state, as Go's own reader (golang.org/x/exp/trace) does.
// A playground trace is one generation written by one thread (js/wasm has one); a trace
// of another shape is refused with an error, never drawn wrong.
//
// The result has the shape of wasm/timeline's Timeline, whose Go reading of the same
// trace a test compares with this one (tools/internal/noderun).
//
// It is not for: naming rows (goroutine-name.js) or drawing them (timeline-view.js).
import { MAIN_FILE } from "./goroutine-name.js";

/**
 * readTimeline reads a trace (a Uint8Array) into a timeline: {end, spans, goroutines}.
 * originNs is the trace clock's reading, in nanoseconds, at time 0 of the run; the
 * timeline's times are milliseconds since then. It throws an Error saying what is wrong
 * with a trace it cannot read.
 */
export function readTimeline(bytes, originNs) {
  const builder = new TimelineBuilder(originNs);
  readTrace(bytes, (ev, tables) => builder.event(ev, tables));
  return builder.finish();
}

/**
 * readTrace calls each(event, tables) for every event of a trace, in order. An event is
 * {type, time, args, g}: type is the wire format's event type (EventType, or SYNC for
 * the start and end of the trace), time in nanoseconds on the trace clock, args the
 * arguments after the time, and g the goroutine running on the thread at the event
 * (NO_GOROUTINE for none). Event objects are reused: each holds its event only during
 * the call. tables has the trace's strings (ID -> string), stacks (ID -> [PC], innermost
 * first) and frames (PC -> {func, file, line}).
 */
export function readTrace(bytes, each) {
  const gen = readGeneration(bytes);
  if (!gen) {
    // Only a header: Go's reader has nothing but the end of the trace.
    each(new TraceEvent(SYNC, 1), { strings: new Map(), stacks: new Map(), frames: new Map() });
    return;
  }
  new EventOrder(gen, each).run();
}

// EventType numbers the wire format's events (internal/trace/tracev2/events.go).
export const EventType = Object.freeze({
  EventBatch: 1, Stacks: 2, Stack: 3, Strings: 4, String: 5, CPUSamples: 6, CPUSample: 7, Frequency: 8,
  ProcsChange: 9, ProcStart: 10, ProcStop: 11, ProcSteal: 12, ProcStatus: 13,
  GoCreate: 14, GoCreateSyscall: 15, GoStart: 16, GoDestroy: 17, GoDestroySyscall: 18, GoStop: 19,
  GoBlock: 20, GoUnblock: 21, GoSyscallBegin: 22, GoSyscallEnd: 23, GoSyscallEndBlocked: 24, GoStatus: 25,
  STWBegin: 26, STWEnd: 27,
  GCActive: 28, GCBegin: 29, GCEnd: 30, GCSweepActive: 31, GCSweepBegin: 32, GCSweepEnd: 33,
  GCMarkAssistActive: 34, GCMarkAssistBegin: 35, GCMarkAssistEnd: 36, HeapAlloc: 37, HeapGoal: 38,
  GoLabel: 39, UserTaskBegin: 40, UserTaskEnd: 41, UserRegionBegin: 42, UserRegionEnd: 43, UserLog: 44,
  GoSwitch: 45, GoSwitchDestroy: 46, GoCreateBlocked: 47, GoStatusStack: 48,
  ExperimentalBatch: 49, Sync: 50, ClockSnapshot: 51, EndOfGeneration: 52,
  // The AllocFree experiment's.
  Span: 128, SpanAlloc: 129, SpanFree: 130, HeapObject: 131, HeapObjectAlloc: 132, HeapObjectFree: 133,
  GoroutineStack: 134, GoroutineStackAlloc: 135, GoroutineStackFree: 136,
});
const E = EventType;

/** SYNC is the type of the events that open and close the trace's one generation. */
export const SYNC = 0;
/** NO_GOROUTINE is an event's g when no goroutine ran on its thread. */
export const NO_GOROUTINE = -1;
const NO_PROC = -1;
// NO_THREAD is the thread of batches written by no thread: 2^64-1 on the wire, which a
// JavaScript number holds as 2^64.
const NO_THREAD = 2 ** 64;

const HEADER = "go 1.26 trace\0\0\0";
const MAX_BATCH_SIZE = 64 << 10;
const MAX_STRING_SIZE = 1 << 10;
const MAX_FRAMES = 128;

// The timed events: how many arguments follow the time, which of them are stack IDs (the
// event's own stack first) and which string IDs (tracev2's specs; a test compares them).
const TIMED = new Array(E.GoroutineStackFree + 1).fill(null);
const NAMES = Object.fromEntries(Object.entries(E).map(([name, type]) => [type, name]));
function timed(type, count, stacks = [], strings = []) {
  TIMED[type] = { name: NAMES[type], count, stacks, strings };
}
timed(E.ProcsChange, 2, [1]);
timed(E.ProcStart, 2);
timed(E.ProcStop, 0);
timed(E.ProcSteal, 3);
timed(E.ProcStatus, 2);
timed(E.GoCreate, 3, [2, 1]);
timed(E.GoCreateSyscall, 1);
timed(E.GoStart, 2);
timed(E.GoDestroy, 0);
timed(E.GoDestroySyscall, 0);
timed(E.GoStop, 2, [1], [0]);
timed(E.GoBlock, 2, [1], [0]);
timed(E.GoUnblock, 3, [2]);
timed(E.GoSyscallBegin, 2, [1]);
timed(E.GoSyscallEnd, 0);
timed(E.GoSyscallEndBlocked, 0);
timed(E.GoStatus, 3);
timed(E.STWBegin, 2, [1], [0]);
timed(E.STWEnd, 0);
timed(E.GCActive, 1);
timed(E.GCBegin, 2, [1]);
timed(E.GCEnd, 1);
timed(E.GCSweepActive, 1);
timed(E.GCSweepBegin, 1, [0]);
timed(E.GCSweepEnd, 2);
timed(E.GCMarkAssistActive, 1);
timed(E.GCMarkAssistBegin, 1, [0]);
timed(E.GCMarkAssistEnd, 0);
timed(E.HeapAlloc, 1);
timed(E.HeapGoal, 1);
timed(E.GoLabel, 1, [], [0]);
timed(E.UserTaskBegin, 4, [3], [2]);
timed(E.UserTaskEnd, 2, [1]);
timed(E.UserRegionBegin, 3, [2], [1]);
timed(E.UserRegionEnd, 3, [2], [1]);
timed(E.UserLog, 4, [3], [1, 2]);
timed(E.GoSwitch, 2);
timed(E.GoSwitchDestroy, 2);
timed(E.GoCreateBlocked, 3, [2, 1]);
timed(E.GoStatusStack, 4, [3]);
timed(E.ClockSnapshot, 3);
timed(E.Span, 3);
timed(E.SpanAlloc, 3);
timed(E.SpanFree, 1);
timed(E.HeapObject, 2);
timed(E.HeapObjectAlloc, 2);
timed(E.HeapObjectFree, 1);
timed(E.GoroutineStack, 2);
timed(E.GoroutineStackAlloc, 2);
timed(E.GoroutineStackFree, 1);

/** timedEvents lists the timed events as the reader decodes them, for a test. */
export function timedEvents() {
  return TIMED.flatMap((spec, type) => (spec ? [{ type, ...spec }] : []));
}

// For the events that end a range (or find one under way), the event that begins it.
const RANGE_START = {
  [E.STWEnd]: E.STWBegin,
  [E.GCSweepActive]: E.GCSweepBegin,
  [E.GCSweepEnd]: E.GCSweepBegin,
  [E.GCMarkAssistActive]: E.GCMarkAssistBegin,
  [E.GCMarkAssistEnd]: E.GCMarkAssistBegin,
};

// Goroutine statuses on the wire (tracev2.GoStatus) and the states of the timeline's
// transitions (trace.GoState).
const G_RUNNABLE = 1, G_RUNNING = 2, G_SYSCALL = 3, G_WAITING = 4;
const GoState = Object.freeze({ Undetermined: 0, NotExist: 1, Runnable: 2, Running: 3, Waiting: 4, Syscall: 5 });
const STATE_OF_STATUS = [GoState.Undetermined, GoState.Runnable, GoState.Running, GoState.Syscall, GoState.Waiting];
// Proc statuses on the wire (tracev2.ProcStatus).
const P_RUNNING = 1, P_IDLE = 2, P_SYSCALL = 3, P_SYSCALL_ABANDONED = 4;

function fail(message) {
  throw new Error(message);
}

// Reader decodes unsigned varints from bytes, up to end.
class Reader {
  constructor(bytes, pos, end) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }

  // uvarint reads one unsigned varint. Values past 2^53 come out rounded, which only the
  // no-thread marker and clock snapshots have.
  uvarint() {
    const b = this.bytes;
    let i = this.pos;
    if (i < this.end && b[i] < 0x80) {
      this.pos = i + 1;
      return b[i];
    }
    let x = 0;
    let scale = 1;
    for (let n = 0; n < 10; n++) {
      if (i >= this.end) fail("a number runs past the end of its batch");
      const c = b[i++];
      if (c < 0x80) {
        if (n === 9 && c > 1) fail("a number overflows 64 bits");
        this.pos = i;
        return x + c * scale;
      }
      x += (c & 0x7f) * scale;
      scale *= 128;
    }
    return fail("a number overflows 64 bits");
  }

  byte() {
    if (this.pos >= this.end) fail("the trace ends inside a batch");
    return this.bytes[this.pos++];
  }
}

const utf8 = new TextDecoder();

// readGeneration reads the trace's one generation: its batches of events by thread, its
// string and stack tables, its clock, and any CPU samples. It returns null for a trace
// with nothing but a header.
function readGeneration(bytes) {
  if (!(bytes instanceof Uint8Array)) fail("the trace is not bytes");
  const header = utf8.decode(bytes.subarray(0, HEADER.length));
  if (header !== HEADER) {
    const m = /^go 1\.(\d+) trace\0\0\0$/.exec(header);
    fail(m ? `the trace is in the format of Go 1.${m[1]}; this reader reads Go 1.26's` : "bad file format: not a Go execution trace");
  }
  const gen = {
    bytes,
    number: 0,
    freq: 0, // nanoseconds per tick of the trace clock
    snapshot: false,
    minTs: 0,
    strings: new Map([[0, ""]]),
    stacks: new Map([[0, []]]),
    frames: new Map(), // PC -> {funcID, fileID, line}, then {func, file, line}
    batches: new Map(), // thread -> [{start, end, time}]
    samples: [],
  };
  const r = new Reader(bytes, HEADER.length, bytes.length);
  let events = 0; // event batches read
  for (;;) {
    if (r.pos === bytes.length) {
      if (r.pos === HEADER.length) return null;
      if (events > 0) fail("incomplete generation found; trace likely truncated");
      return fail("the trace ends before its generation does");
    }
    const kind = r.byte();
    if (kind === E.EndOfGeneration) {
      if (gen.number === 0) fail("no frequency event found");
      if (r.pos !== bytes.length) fail("the trace holds more than one generation; a playground run makes one");
      break;
    }
    if (kind !== E.EventBatch && kind !== E.ExperimentalBatch) fail(`expected batch event, got event ${kind}`);
    const experiment = kind === E.ExperimentalBatch ? r.byte() : 0;
    const number = r.uvarint();
    const m = r.uvarint();
    const time = r.uvarint();
    const size = r.uvarint();
    if (size > MAX_BATCH_SIZE) fail(`invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`);
    const start = r.pos;
    const end = start + size;
    if (end > bytes.length) fail(`failed to read full batch: read ${bytes.length - start} but wanted ${size}`);
    r.pos = end;
    if (number === 0) fail("invalid generation number 0");
    if (gen.number === 0) gen.number = number;
    if (number !== gen.number) fail("the trace holds more than one generation; a playground run makes one");
    if (gen.minTs === 0 || time < gen.minTs) gen.minTs = time;
    const first = size > 0 ? bytes[start] : -1;
    if (experiment !== 0) continue; // data of an experiment, which the timeline has no use for
    if (first === E.Strings) readStrings(gen, new Reader(bytes, start + 1, end));
    else if (first === E.Stacks) readStacks(gen, new Reader(bytes, start + 1, end));
    else if (first === E.CPUSamples) readSamples(gen, new Reader(bytes, start + 1, end));
    else if (first === E.Sync) readSync(gen, new Reader(bytes, start + 1, end), time);
    else {
      if (!gen.batches.has(m)) gen.batches.set(m, []);
      gen.batches.get(m).push({ start, end, time });
      events++;
    }
  }
  if (gen.freq === 0) fail("no frequency event found");
  if (!gen.snapshot) fail("no clock snapshot event found");
  for (const [id, pcs] of gen.stacks) {
    for (const pc of pcs) {
      const f = gen.frames.get(pc);
      if (!gen.strings.has(f.funcID)) fail(`found invalid func string ID ${f.funcID} for stack ${id}`);
      if (!gen.strings.has(f.fileID)) fail(`found invalid file string ID ${f.fileID} for stack ${id}`);
    }
  }
  for (const f of gen.frames.values()) {
    f.func = gen.strings.get(f.funcID);
    f.file = gen.strings.get(f.fileID);
    f.main = baseName(f.file) === MAIN_FILE && f.func.startsWith("main.");
  }
  const threads = [...gen.batches.keys()].filter((m) => m !== NO_THREAD);
  if (threads.length > 1) fail(`the trace has events of ${threads.length} threads; a js/wasm program runs on one`);
  for (const s of gen.samples) s.time = ticks(s.time, gen.freq);
  gen.samples.sort((a, b) => a.time - b.time);
  return gen;
}

// ticks converts a count of trace clock ticks to nanoseconds, as Go's reader does
// (truncating a float64 product).
function ticks(n, freq) {
  return Math.trunc(n * freq);
}

function readStrings(gen, r) {
  while (r.pos < r.end) {
    const type = r.byte();
    if (type !== E.String) fail(`expected string event, got ${type}`);
    const id = r.uvarint();
    const n = r.uvarint();
    if (n > MAX_STRING_SIZE) fail(`invalid string size ${n}, maximum is ${MAX_STRING_SIZE}`);
    if (r.pos + n > r.end) fail(`failed to read full string: read ${r.end - r.pos} but wanted ${n}`);
    if (gen.strings.has(id)) fail(`multiple strings with the same ID: id=${id}`);
    gen.strings.set(id, utf8.decode(r.bytes.subarray(r.pos, r.pos + n)));
    r.pos += n;
  }
}

function readStacks(gen, r) {
  while (r.pos < r.end) {
    const type = r.byte();
    if (type !== E.Stack) fail(`expected stack event, got ${type}`);
    const id = r.uvarint();
    const n = r.uvarint();
    if (n > MAX_FRAMES) fail(`invalid stack size ${n}, maximum is ${MAX_FRAMES}`);
    const pcs = new Array(n);
    for (let i = 0; i < n; i++) {
      const pc = r.uvarint();
      const funcID = r.uvarint();
      const fileID = r.uvarint();
      const line = r.uvarint();
      pcs[i] = pc;
      if (!gen.frames.has(pc)) gen.frames.set(pc, { funcID, fileID, line, func: "", file: "", main: false });
    }
    if (gen.stacks.has(id)) fail(`multiple stacks with the same ID: id=${id}`);
    gen.stacks.set(id, pcs);
  }
}

function readSamples(gen, r) {
  while (r.pos < r.end) {
    const type = r.byte();
    if (type !== E.CPUSample) fail(`expected CPU sample event, got ${type}`);
    const time = r.uvarint();
    r.uvarint(); // thread
    r.uvarint(); // proc
    r.uvarint(); // goroutine
    r.uvarint(); // stack
    gen.samples.push(new TraceEvent(E.CPUSample, time));
  }
}

function readSync(gen, r, time) {
  let last = time;
  while (r.pos < r.end) {
    const type = r.byte();
    if (type === E.Frequency) {
      if (gen.freq !== 0) fail("found multiple frequency events");
      gen.freq = 1 / (r.uvarint() / 1e9);
    } else if (type === E.ClockSnapshot) {
      if (gen.snapshot) fail("found multiple clock snapshot events");
      gen.snapshot = true;
      last += r.uvarint();
      r.uvarint(); // monotonic clock
      r.uvarint(); // wall clock seconds
      r.uvarint(); // and nanoseconds
    } else {
      fail(`expected frequency or clock snapshot event, got ${type}`);
    }
  }
}

// TraceEvent is one event: see readTrace. from is set by GoStatus events: the state the
// goroutine was known to be in before.
class TraceEvent {
  constructor(type = SYNC, time = 0) {
    this.type = type;
    this.time = time;
    this.args = [0, 0, 0, 0];
    this.g = NO_GOROUTINE;
    this.from = 0;
  }
}

// Cursor walks the event batches of one thread, one event at a time.
class Cursor {
  constructor(gen, m) {
    this.gen = gen;
    this.bytes = gen.bytes;
    this.m = m;
    this.batches = gen.batches.get(m);
    this.index = 0;
    this.pos = this.batches[0].start;
    this.last = 0; // the previous event's time
    this.ev = null;
    this.events = [new TraceEvent(), new TraceEvent()];
    this.reader = new Reader(this.bytes, 0, 0);
  }

  // next reads the thread's next event into ev, or returns false after its last one.
  next() {
    while (this.index < this.batches.length && this.pos === this.batches[this.index].end) {
      this.index++;
      if (this.index < this.batches.length) this.pos = this.batches[this.index].start;
      this.last = 0;
    }
    if (this.index === this.batches.length) return false;
    const batch = this.batches[this.index];
    const freq = this.gen.freq;
    if (this.last === 0) this.last = ticks(batch.time, freq);
    const type = this.bytes[this.pos];
    const spec = type < TIMED.length ? TIMED[type] : null;
    if (!spec) fail(type > E.GoroutineStackFree ? `found invalid event type: ${type}` : `found event without a timestamp: type=${type}`);
    const r = this.reader;
    r.pos = this.pos + 1;
    r.end = batch.end;
    const bytes = this.bytes;
    // Most numbers take one byte: read those here, the others with uvarint.
    let dt = bytes[r.pos];
    if (dt < 0x80 && r.pos < r.end) r.pos++;
    else dt = r.uvarint();
    // Two events take turns: the one read before stays intact until it has been given out.
    const ev = this.ev === this.events[0] ? this.events[1] : this.events[0];
    const args = ev.args;
    for (let i = 0; i < spec.count; i++) {
      const v = bytes[r.pos];
      if (v < 0x80 && r.pos < r.end) {
        args[i] = v;
        r.pos++;
      } else {
        args[i] = r.uvarint();
      }
    }
    for (let i = 0; i < spec.stacks.length; i++) {
      const id = args[spec.stacks[i]];
      if (id !== 0 && !this.gen.stacks.has(id)) fail(`found invalid stack ID ${id} for event ${spec.name}`);
    }
    for (let i = 0; i < spec.strings.length; i++) {
      const id = args[spec.strings[i]];
      if (id !== 0 && !this.gen.strings.has(id)) fail(`found invalid string ID ${id} for event ${spec.name}`);
    }
    this.pos = r.pos;
    this.last += ticks(dt, freq);
    ev.type = type;
    ev.time = this.last;
    ev.g = NO_GOROUTINE;
    ev.from = 0;
    this.ev = ev;
    return true;
  }
}

// EventOrder puts the events of the threads' batches in the order they happened, the way
// Go's reader does: the thread whose next event is earliest goes first, unless that event
// cannot have happened yet (a goroutine started before it was unblocked, say); then the
// next thread's is tried. It follows the state of every goroutine and proc, and checks
// each event against it. Events come out with times that strictly increase.
class EventOrder {
  constructor(gen, each) {
    this.gen = gen;
    this.each = each;
    this.last = 0; // the time of the event given out last
    this.queue = []; // events advanced but not yet given out
    this.queued = 0;
    this.goroutines = new Map(); // id -> Resource
    this.procs = new Map(); // id -> Resource
    this.threads = new Map(); // id -> {g, p}
    this.tasks = new Set();
    this.gcSeq = 0;
    this.gcState = "undetermined";
  }

  emit(ev) {
    if (ev.time <= this.last) ev.time = this.last + 1;
    this.last = ev.time;
    this.each(ev, this.gen);
  }

  drain() {
    for (let i = 0; i < this.queued; i++) this.emit(this.queue[i]);
    this.queued = 0;
  }

  run() {
    const gen = this.gen;
    this.emit(new TraceEvent(SYNC, ticks(gen.minTs, gen.freq)));
    const heap = [];
    for (const m of gen.batches.keys()) {
      const c = new Cursor(gen, m);
      if (c.next()) heapInsert(heap, c);
    }
    let sample = 0;
    const samples = gen.samples;
    while (heap.length > 0 || sample < samples.length) {
      if (sample < samples.length && (heap.length === 0 || samples[sample].time < heap[0].ev.time)) {
        this.emit(samples[sample++]);
        continue;
      }
      if (!this.tryAdvance(heap, 0)) {
        sortByTime(heap);
        let advanced = false;
        for (let i = 1; i < heap.length && !advanced; i++) advanced = this.tryAdvance(heap, i);
        if (!advanced) fail(`broken trace: no thread's next event can happen (${heap.map((c) => TIMED[c.ev.type].name).join(", ")})`);
      }
      this.drain();
    }
    this.emit(new TraceEvent(SYNC, this.last));
  }

  tryAdvance(heap, i) {
    const c = heap[i];
    if (!this.advance(c.ev, c.m)) return false;
    if (c.next()) heapUpdate(heap, i);
    else heapRemove(heap, i);
    return true;
  }

  // advance takes ev, an event of thread m, if it can happen now: it checks it against
  // the state so far, updates the state, queues the event (and any it stands for) and
  // returns true. It returns false for an event that cannot happen yet, and throws for
  // one that can never happen.
  advance(ev, m) {
    let thread = null;
    let g = NO_GOROUTINE;
    let p = NO_PROC;
    if (m !== NO_THREAD) {
      thread = this.threads.get(m);
      if (!thread) this.threads.set(m, (thread = { g: NO_GOROUTINE, p: NO_PROC }));
      g = thread.g;
      p = thread.p;
    }
    this.ng = g;
    this.np = p;
    const handle = ORDERING[ev.type];
    if (!handle) fail(`bad event type found while ordering: ${TIMED[ev.type].name}`);
    if (!handle.call(this, ev, m, g, p)) return false;
    if (thread) {
      thread.g = this.ng;
      thread.p = this.np;
    }
    return true;
  }

  // push queues ev, an event that happened while goroutine g ran on its thread.
  push(ev, g) {
    ev.g = g;
    this.queue[this.queued++] = ev;
  }

  goroutine(id, ev) {
    const s = this.goroutines.get(id);
    if (!s) fail(`event ${TIMED[ev.type].name} for goroutine (${id}) that doesn't exist`);
    return s;
  }

  proc(id, ev) {
    const s = this.procs.get(id);
    if (!s) fail(`uninitialized proc ${id} found during ${TIMED[ev.type].name}`);
    return s;
  }

  // The handlers of advance, one for each kind of event. Each takes the event, its
  // thread m and the goroutine g and proc p on that thread before it; it leaves the
  // thread's goroutine and proc after the event in ng and np, and returns false if the
  // event cannot happen yet.

  procStatus(ev, m, g, p) {
    const a = ev.args;
    const pid = a[0];
    const status = a[1];
    if (status > P_SYSCALL_ABANDONED) fail(`invalid status for proc ${pid}: ${status}`);
    let wasRunning = false;
    const s = this.procs.get(pid);
    if (s) {
      if (status === P_SYSCALL_ABANDONED && s.status === P_SYSCALL) {
        wasRunning = true;
        a[1] = P_SYSCALL;
      } else if (status !== s.status && !(status === P_SYSCALL_ABANDONED && s.status === P_SYSCALL_ABANDONED)) {
        fail(`inconsistent status for proc ${pid}: old ${s.status} vs. new ${status}`);
      }
      s.seq = 0;
    } else {
      this.procs.set(pid, new Resource(status));
    }
    if (status === P_RUNNING || status === P_SYSCALL) this.np = pid;
    let on = g;
    if (status === P_SYSCALL_ABANDONED && wasRunning) {
      const holder = [...this.threads.values()].find((t) => t.p === pid);
      if (!holder) fail(`failed to find sched context for proc ${pid} that's about to be stolen`);
      on = holder.g;
    }
    this.push(ev, on);
    return true;
  }

  procStart(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    const pid = a[0];
    const s = this.procs.get(pid);
    if (!s || s.status !== P_IDLE || a[1] !== s.seq + 1 || p !== NO_PROC) return false;
    need(m, p, g, name, MUST, MUST_NOT, MAY);
    s.status = P_RUNNING;
    s.seq = a[1];
    this.np = pid;
    this.push(ev, g);
    return true;
  }

  procStop(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    const s = this.procs.get(p);
    if (!s) fail(`event ${name} for proc (${p}) that doesn't exist`);
    if (s.status !== P_RUNNING && s.status !== P_SYSCALL) fail(`${name} event for proc that's not running or in a syscall`);
    need(m, p, g, name, MUST, MUST, MAY);
    s.status = P_IDLE;
    this.np = NO_PROC;
    this.push(ev, g);
    return true;
  }

  procSteal(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    const pid = a[0];
    const s = this.procs.get(pid);
    if (!s || (s.status !== P_SYSCALL && s.status !== P_SYSCALL_ABANDONED) || a[1] !== s.seq + 1) return false;
    need(m, p, g, name, MUST, MAY, MAY);
    const old = s.status;
    s.status = P_IDLE;
    s.seq = a[1];
    if (old === P_SYSCALL_ABANDONED) {
      this.push(ev, g);
      return true;
    }
    const mid = a[2];
    if (mid === m) {
      if (p !== pid) fail(`tried to self-steal proc ${pid} (thread ${mid}), but got proc ${p} instead`);
      this.np = NO_PROC;
      this.push(ev, g);
      return true;
    }
    const t = this.threads.get(mid);
    if (!t) fail(`stole proc from non-existent thread ${mid}`);
    if (t.p !== pid) fail(`tried to steal proc ${pid} from thread ${mid}, but got proc ${t.p} instead`);
    t.p = NO_PROC;
    this.push(ev, g);
    return true;
  }

  goStatus(ev, m, g, p) {
    const a = ev.args;
    const gid = a[0];
    const mid = a[1];
    const status = a[2];
    if (status > G_WAITING) fail(`invalid status for goroutine ${gid}: ${status}`);
    let from = STATE_OF_STATUS[status];
    const s = this.goroutines.get(gid);
    if (s) {
      if (s.status !== status) fail(`inconsistent status for goroutine ${gid}: old ${s.status} vs. new ${status}`);
      s.seq = 0;
    } else {
      this.goroutines.set(gid, new Resource(status));
      from = GoState.Undetermined;
    }
    ev.from = from;
    let on = g;
    if (status === G_RUNNING) {
      this.ng = gid;
    } else if (status === G_SYSCALL) {
      if (mid === NO_THREAD) fail(`found goroutine ${gid} in syscall without a thread`);
      if (mid === m) {
        this.ng = gid;
      } else {
        const t = this.threads.get(mid);
        if (t) {
          if (t.g !== gid) fail(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${t.g}`);
          on = t.g;
        } else {
          this.threads.set(mid, { g: gid, p: NO_PROC });
        }
      }
    }
    this.push(ev, on);
    return true;
  }

  goCreate(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MAY);
    const creator = this.goroutines.get(g);
    if (creator && creator.status !== G_RUNNING) fail(`${name} event for goroutine that's not running`);
    const gid = a[0];
    if (this.goroutines.has(gid)) fail(`tried to create goroutine (${gid}) that already exists`);
    this.goroutines.set(gid, new Resource(ev.type === E.GoCreateBlocked ? G_WAITING : G_RUNNABLE));
    this.push(ev, g);
    return true;
  }

  goStopRunning(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    const s = this.goroutine(g, ev);
    if (s.status !== G_RUNNING) fail(`${name} event for goroutine that's not running`);
    if (ev.type === E.GoDestroy) this.goroutines.delete(g);
    else s.status = ev.type === E.GoStop ? G_RUNNABLE : G_WAITING;
    this.ng = NO_GOROUTINE;
    this.push(ev, g);
    return true;
  }

  goStart(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    const s = this.goroutines.get(a[0]);
    if (!s || s.status !== G_RUNNABLE || a[1] !== s.seq + 1) return false;
    need(m, p, g, name, MUST, MUST, MUST_NOT);
    s.status = G_RUNNING;
    s.seq = a[1];
    this.ng = a[0];
    this.push(ev, g);
    return true;
  }

  goUnblock(ev, m, g, p) {
    const a = ev.args;
    const s = this.goroutines.get(a[0]);
    if (!s || s.status !== G_WAITING || a[1] !== s.seq + 1) return false;
    s.status = G_RUNNABLE;
    s.seq = a[1];
    this.push(ev, g);
    return true;
  }

  goSwitch(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    // A coroutine switch (iter.Pull): it unblocks the goroutine it names, blocks or
    // ends the one running, and starts the one it named.
    need(m, p, g, name, MUST, MUST, MUST);
    const cur = this.goroutine(g, ev);
    if (cur.status !== G_RUNNING) fail(`${name} event for goroutine that's not running`);
    const s = this.goroutines.get(a[0]);
    if (!s || s.status !== G_WAITING || a[1] !== s.seq + 1) return false;
    this.push(ev, g);
    if (ev.type === E.GoSwitch) {
      cur.status = G_WAITING;
      this.push(new TraceEvent(E.GoBlock, ev.time), g); // with no reason and no stack
    } else {
      this.goroutines.delete(g);
      this.push(new TraceEvent(E.GoDestroy, ev.time), g);
    }
    s.status = G_RUNNING;
    s.seq = a[1];
    this.ng = a[0];
    const start = new TraceEvent(E.GoStart, ev.time);
    start.args[0] = a[0];
    start.args[1] = a[1];
    this.push(start, NO_GOROUTINE);
    return true;
  }

  goSyscallBegin(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    const s = this.goroutine(g, ev);
    if (s.status !== G_RUNNING) fail(`${name} event for goroutine that's not running`);
    s.status = G_SYSCALL;
    const proc = this.proc(p, ev);
    proc.status = P_SYSCALL;
    if (a[0] !== proc.seq + 1) fail(`failed to advance ${name}: can't make sequence: ${proc.seq} -> ${a[0]}`);
    proc.seq = a[0];
    this.push(ev, g);
    return true;
  }

  goSyscallEnd(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    const s = this.goroutine(g, ev);
    if (s.status !== G_SYSCALL) fail(`${name} event for goroutine that's not in a syscall`);
    s.status = G_RUNNING;
    const proc = this.proc(p, ev);
    if (proc.status !== P_SYSCALL) fail(`expected proc ${p} in a syscall, but got ${proc.status} instead`);
    proc.status = P_RUNNING;
    this.push(ev, g);
    return true;
  }

  goSyscallEndBlocked(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    if (p !== NO_PROC && this.proc(p, ev).status === P_SYSCALL) return false;
    need(m, p, g, name, MUST, MAY, MUST);
    const s = this.goroutine(g, ev);
    if (s.status !== G_SYSCALL) fail(`${name} event for goroutine that's not in a syscall`);
    s.status = G_RUNNABLE;
    this.ng = NO_GOROUTINE;
    this.push(ev, g);
    return true;
  }

  goCreateSyscall(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MAY, MUST_NOT);
    if (this.goroutines.has(a[0])) fail(`tried to create goroutine (${a[0]}) in syscall that already exists`);
    this.goroutines.set(a[0], new Resource(G_SYSCALL));
    this.ng = a[0];
    this.push(ev, g);
    return true;
  }

  goDestroySyscall(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MAY, MUST);
    const s = this.goroutine(g, ev);
    if (s.status !== G_SYSCALL) fail(`${name} event for goroutine that's not in a syscall`);
    this.goroutines.delete(g);
    this.ng = NO_GOROUTINE;
    if (p !== NO_PROC) {
      const proc = this.proc(p, ev);
      if (proc.status !== P_SYSCALL) fail(`proc ${p} in unexpected state ${proc.status} during ${name}`);
      proc.status = P_SYSCALL_ABANDONED;
      this.np = NO_PROC;
      const steal = new TraceEvent(E.ProcSteal, ev.time);
      steal.args[0] = p;
      this.push(steal, g);
    }
    this.push(ev, g);
    return true;
  }

  userTaskBegin(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    if (this.tasks.has(a[0])) fail(`task ID conflict: ${a[0]}`);
    this.tasks.add(a[0]);
    need(m, p, g, name, MUST, MUST, MUST);
    this.push(ev, g);
    return true;
  }

  userTaskEnd(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    this.tasks.delete(a[0]);
    need(m, p, g, name, MUST, MUST, MUST);
    this.push(ev, g);
    return true;
  }

  userRegion(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    const s = this.goroutines.get(g);
    if (!s) fail(`encountered ${name} without known state for current goroutine ${g}`);
    const region = `${a[0]} ${this.gen.strings.get(a[1])}`;
    if (ev.type === E.UserRegionBegin) {
      (s.regions ??= []).push(region);
    } else if (s.regions?.length > 0) {
      // Regions begun before tracing started end unseen.
      if (s.regions[s.regions.length - 1] !== region) fail(`misuse of region in goroutine ${g}`);
      s.regions.pop();
    }
    this.push(ev, g);
    return true;
  }

  gcActive(ev, m, g, p) {
    const a = ev.args;
    if (this.gcState !== "undetermined") fail("GCActive in the first generation isn't first GC event");
    this.gcSeq = a[0];
    this.gcState = "running";
    this.push(ev, g);
    return true;
  }

  gcBegin(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    if (this.gcState !== "undetermined") {
      if (a[0] !== this.gcSeq + 1) return false;
      if (this.gcState === "running") fail("encountered GCBegin while GC was already in progress");
      need(m, p, g, name, MUST, MUST, MUST);
    }
    this.gcSeq = a[0];
    this.gcState = "running";
    this.push(ev, g);
    return true;
  }

  gcEnd(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    if (a[0] !== this.gcSeq + 1) return false;
    if (this.gcState === "undetermined") fail("encountered GCEnd when GC was in an undetermined state");
    if (this.gcState !== "running") fail("encountered GCEnd when GC was not in progress");
    this.gcSeq = a[0];
    this.gcState = "stopped";
    need(m, p, g, name, MUST, MUST, MUST);
    this.push(ev, g);
    return true;
  }

  annotation(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    this.push(ev, g);
    return true;
  }

  heapMetric(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MAY);
    this.push(ev, g);
    return true;
  }

  sweepBegin(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MAY);
    beginRange(this.proc(p, ev), E.GCSweepBegin, 0);
    this.push(ev, g);
    return true;
  }

  sweepActive(ev, m, g, p) {
    const a = ev.args;
    const proc = this.procs.get(a[0]);
    if (!proc) fail(`encountered GCSweepActive for unknown proc ${a[0]}`);
    beginRange(proc, E.GCSweepBegin, 0);
    this.push(ev, g);
    return true;
  }

  sweepEnd(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MAY);
    endRange(this.proc(p, ev), ev.type);
    this.push(ev, g);
    return true;
  }

  rangeBegin(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    const s = this.goroutines.get(g);
    if (!s) fail(`encountered ${name} without known state for current goroutine ${g}`);
    beginRange(s, ev.type, ev.type === E.STWBegin ? a[0] : 0);
    this.push(ev, g);
    return true;
  }

  markAssistActive(ev, m, g, p) {
    const a = ev.args;
    const name = TIMED[ev.type].name;
    const s = this.goroutines.get(a[0]);
    if (!s) fail(`uninitialized goroutine ${a[0]} found during ${name}`);
    beginRange(s, E.GCMarkAssistBegin, 0);
    this.push(ev, g);
    return true;
  }

  rangeEnd(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MUST, MUST);
    const s = this.goroutines.get(g);
    if (!s) fail(`encountered ${name} without known state for current goroutine ${g}`);
    endRange(s, ev.type);
    this.push(ev, g);
    return true;
  }

  experimental(ev, m, g, p) {
    const name = TIMED[ev.type].name;
    need(m, p, g, name, MUST, MAY, MAY);
    this.push(ev, g);
    return true;
  }
}

// ORDERING has the handler of advance for each event type.
const ORDERING = [];
ORDERING[E.ProcStatus] = EventOrder.prototype.procStatus;
ORDERING[E.ProcStart] = EventOrder.prototype.procStart;
ORDERING[E.ProcStop] = EventOrder.prototype.procStop;
ORDERING[E.ProcSteal] = EventOrder.prototype.procSteal;
ORDERING[E.GoStatus] = EventOrder.prototype.goStatus;
ORDERING[E.GoStatusStack] = EventOrder.prototype.goStatus;
ORDERING[E.GoCreate] = EventOrder.prototype.goCreate;
ORDERING[E.GoCreateBlocked] = EventOrder.prototype.goCreate;
ORDERING[E.GoDestroy] = EventOrder.prototype.goStopRunning;
ORDERING[E.GoStop] = EventOrder.prototype.goStopRunning;
ORDERING[E.GoBlock] = EventOrder.prototype.goStopRunning;
ORDERING[E.GoStart] = EventOrder.prototype.goStart;
ORDERING[E.GoUnblock] = EventOrder.prototype.goUnblock;
ORDERING[E.GoSwitch] = EventOrder.prototype.goSwitch;
ORDERING[E.GoSwitchDestroy] = EventOrder.prototype.goSwitch;
ORDERING[E.GoSyscallBegin] = EventOrder.prototype.goSyscallBegin;
ORDERING[E.GoSyscallEnd] = EventOrder.prototype.goSyscallEnd;
ORDERING[E.GoSyscallEndBlocked] = EventOrder.prototype.goSyscallEndBlocked;
ORDERING[E.GoCreateSyscall] = EventOrder.prototype.goCreateSyscall;
ORDERING[E.GoDestroySyscall] = EventOrder.prototype.goDestroySyscall;
ORDERING[E.UserTaskBegin] = EventOrder.prototype.userTaskBegin;
ORDERING[E.UserTaskEnd] = EventOrder.prototype.userTaskEnd;
ORDERING[E.UserRegionBegin] = EventOrder.prototype.userRegion;
ORDERING[E.UserRegionEnd] = EventOrder.prototype.userRegion;
ORDERING[E.GCActive] = EventOrder.prototype.gcActive;
ORDERING[E.GCBegin] = EventOrder.prototype.gcBegin;
ORDERING[E.GCEnd] = EventOrder.prototype.gcEnd;
ORDERING[E.ProcsChange] = EventOrder.prototype.annotation;
ORDERING[E.GoLabel] = EventOrder.prototype.annotation;
ORDERING[E.UserLog] = EventOrder.prototype.annotation;
ORDERING[E.HeapAlloc] = EventOrder.prototype.heapMetric;
ORDERING[E.HeapGoal] = EventOrder.prototype.heapMetric;
ORDERING[E.GCSweepBegin] = EventOrder.prototype.sweepBegin;
ORDERING[E.GCSweepActive] = EventOrder.prototype.sweepActive;
ORDERING[E.GCSweepEnd] = EventOrder.prototype.sweepEnd;
ORDERING[E.STWBegin] = EventOrder.prototype.rangeBegin;
ORDERING[E.GCMarkAssistBegin] = EventOrder.prototype.rangeBegin;
ORDERING[E.GCMarkAssistActive] = EventOrder.prototype.markAssistActive;
ORDERING[E.STWEnd] = EventOrder.prototype.rangeEnd;
ORDERING[E.GCMarkAssistEnd] = EventOrder.prototype.rangeEnd;
ORDERING[E.Span] = EventOrder.prototype.experimental;
ORDERING[E.SpanAlloc] = EventOrder.prototype.experimental;
ORDERING[E.SpanFree] = EventOrder.prototype.experimental;
ORDERING[E.HeapObject] = EventOrder.prototype.experimental;
ORDERING[E.HeapObjectAlloc] = EventOrder.prototype.experimental;
ORDERING[E.HeapObjectFree] = EventOrder.prototype.experimental;
ORDERING[E.GoroutineStack] = EventOrder.prototype.experimental;
ORDERING[E.GoroutineStackAlloc] = EventOrder.prototype.experimental;
ORDERING[E.GoroutineStackFree] = EventOrder.prototype.experimental;

// Resource is the state of a goroutine or a proc: its status on the wire, the sequence
// number of its last transition, and the user regions (goroutines) and ranges it is in.
class Resource {
  constructor(status) {
    this.status = status;
    this.seq = 0;
    this.regions = null;
    this.ranges = null;
  }
}

// What an event needs of its thread's context: a thread, a proc and a goroutine.
const MUST = 2, MAY = 1, MUST_NOT = 0;

function need(m, p, g, name, wantM, wantP, wantG) {
  check(name, "thread", wantM, m !== NO_THREAD);
  check(name, "proc", wantP, p !== NO_PROC);
  check(name, "goroutine", wantG, g !== NO_GOROUTINE);
}

function check(name, what, want, has) {
  if (want === MUST && !has) fail(`${name}: expected a ${what} but didn't have one`);
  if (want === MUST_NOT && has) fail(`${name}: expected no ${what} but had one`);
}

// beginRange starts a range (a stop of the world, a sweep, a mark assist) on a goroutine
// or proc, which may have one of each kind at a time.
function beginRange(res, type, desc) {
  const ranges = (res.ranges ??= []);
  if (ranges.some((r) => r.type === type && r.desc === desc)) fail(`discovered event already in-flight for when starting event ${TIMED[type].name}`);
  ranges.push({ type, desc });
}

function endRange(res, end) {
  const start = RANGE_START[end];
  const ranges = res.ranges ?? [];
  const i = ranges.findIndex((r) => r.type === start);
  if (i < 0) fail(`tried to end event ${TIMED[start].name}, but not in-flight`);
  ranges[i] = ranges[ranges.length - 1];
  ranges.pop();
}

// The cursors form a min-heap by the time of their next event, kept exactly as Go's
// reader keeps its own, so that events of equal time come out in the same order.
function heapInsert(heap, c) {
  heap.push(c);
  siftUp(heap, heap.length - 1);
}

function heapUpdate(heap, i) {
  if (siftUp(heap, i) !== i) return;
  siftDown(heap, i);
}

function heapRemove(heap, i) {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
  [heap[0], heap[heap.length - 1]] = [heap[heap.length - 1], heap[0]];
  heap.pop();
  siftDown(heap, 0);
}

function siftUp(heap, i) {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!(heap[parent].ev.time > heap[i].ev.time)) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
  return i;
}

function siftDown(heap, i) {
  for (;;) {
    let least = i;
    let t = i < heap.length ? heap[i].ev.time : Infinity;
    for (const child of [2 * i + 1, 2 * i + 2]) {
      if (child < heap.length && heap[child].ev.time < t) {
        least = child;
        t = heap[child].ev.time;
      }
    }
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least], heap[i]];
    i = least;
  }
}

// sortByTime sorts the cursors by the time of their next event, keeping the order of
// equal ones.
function sortByTime(heap) {
  for (let i = 1; i < heap.length; i++) {
    for (let j = i; j > 0 && heap[j].ev.time < heap[j - 1].ev.time; j--) {
      [heap[j], heap[j - 1]] = [heap[j - 1], heap[j]];
    }
  }
}

// The timeline.

/** State is what a goroutine does during a span (timeline.go's State). */
export const State = Object.freeze({ Running: "running", Runnable: "runnable", Blocked: "blocked" });

// Transition is an event that changes a goroutine's state, as the timeline reads it:
// which goroutine, from and to which state, why (for a stop or a block) and the stack
// that goes with the change; evStack is the event's own stack.
class Transition {
  constructor() {
    this.id = 0;
    this.from = 0;
    this.to = 0;
    this.reason = "";
    this.stack = 0;
    this.evStack = 0;
  }

  // read fills the transition from ev and reports whether ev is one.
  read(ev, tables) {
    const a = ev.args;
    const S = GoState;
    this.id = a[0];
    this.reason = "";
    this.stack = 0;
    this.evStack = 0;
    switch (ev.type) {
      case E.GoCreate:
      case E.GoCreateBlocked:
        this.set(S.NotExist, ev.type === E.GoCreate ? S.Runnable : S.Waiting);
        this.stack = a[1];
        this.evStack = a[2];
        return true;
      case E.GoCreateSyscall:
        return this.set(S.NotExist, S.Syscall);
      case E.GoStart:
        return this.set(S.Runnable, S.Running);
      case E.GoDestroy:
        this.id = ev.g;
        return this.set(S.Running, S.NotExist);
      case E.GoDestroySyscall:
        this.id = ev.g;
        return this.set(S.Syscall, S.NotExist);
      case E.GoStop:
      case E.GoBlock:
        this.id = ev.g;
        this.reason = tables.strings.get(a[0]);
        this.stack = this.evStack = a[1];
        return this.set(S.Running, ev.type === E.GoStop ? S.Runnable : S.Waiting);
      case E.GoUnblock:
        this.evStack = a[2];
        return this.set(S.Waiting, S.Runnable);
      case E.GoSwitch:
      case E.GoSwitchDestroy:
        return this.set(S.Waiting, S.Runnable);
      case E.GoSyscallBegin:
        this.id = ev.g;
        this.stack = this.evStack = a[1];
        return this.set(S.Running, S.Syscall);
      case E.GoSyscallEnd:
        this.id = ev.g;
        return this.set(S.Syscall, S.Running);
      case E.GoSyscallEndBlocked:
        this.id = ev.g;
        return this.set(S.Syscall, S.Runnable);
      case E.GoStatus:
        return this.set(ev.from, STATE_OF_STATUS[a[2]]);
      case E.GoStatusStack:
        this.stack = this.evStack = a[3];
        return this.set(ev.from, STATE_OF_STATUS[a[2]]);
    }
    return false;
  }

  set(from, to) {
    this.from = from;
    this.to = to;
    return true;
  }
}

const NO_FRAMES = Object.freeze([]);

// Row is one goroutine's row: what wasm/timeline's Goroutine holds, and the span open
// now, which has not ended yet.
class Row {
  constructor(id) {
    this.id = id;
    this.func = "";
    this.frames = NO_FRAMES;
    this.framed = false; // frames were taken from a stack with functions of main.go
    this.createdLine = 0;
    this.createdBy = 0;
    this.spans = [];
    this.open = false; // whether the fields below describe a span that has not ended
    this.start = 0;
    this.state = "";
    this.reason = "";
    this.wait = "";
    this.line = 0;
    // What the last of spans says, to join the next to it when it says the same.
    this.lastState = "";
    this.lastReason = "";
    this.lastWait = "";
    this.lastLine = 0;
  }

  // close ends the open span at t. A span that says what the one before it says, and
  // starts where it ends, extends it.
  close(t) {
    if (!this.open) return;
    this.open = false;
    const n = this.spans.length;
    const same = this.lastState === this.state && this.lastReason === this.reason && this.lastWait === this.wait && this.lastLine === this.line;
    if (n > 0 && same && this.spans[n - 1].end === this.start) {
      this.spans[n - 1].end = t;
      return;
    }
    // A span as wasm/timeline's Span encodes it: reason, wait and line only when set.
    const span = { start: this.start, end: t, state: this.state };
    if (this.reason) span.reason = this.reason;
    if (this.wait) span.wait = this.wait;
    if (this.line) span.line = this.line;
    this.spans.push(span);
    this.lastState = this.state;
    this.lastReason = this.reason;
    this.lastWait = this.wait;
    this.lastLine = this.line;
  }

  // json is the row as wasm/timeline's Goroutine encodes it, leaving out empty fields.
  json() {
    const g = { id: this.id, func: this.func };
    if (this.frames.length) g.frames = this.frames;
    if (this.createdLine) g.createdLine = this.createdLine;
    if (this.createdBy) g.createdBy = this.createdBy;
    g.spans = this.spans.length ? this.spans : null;
    return g;
  }
}

// TimelineBuilder makes the rows from the events, as wasm/timeline's builder does.
class TimelineBuilder {
  constructor(originNs) {
    this.origin = originNs;
    this.end = 0;
    this.rows = new Map(); // goroutine id -> Row
    this.skip = new Set(); // the runtime's own goroutines and the tracer's
    this.done = []; // rows of goroutines that ended
    this.tables = null;
    this.stacks = new Map(); // stack id -> StackInfo
    this.tr = new Transition();
  }

  event(ev, tables) {
    const t = (ev.time - this.origin) / 1e6;
    if (t > this.end) this.end = t;
    const tr = this.tr;
    if (!tr.read(ev, tables)) return;
    this.tables = tables;
    const id = tr.id;
    if (this.skip.has(id)) {
      if (tr.to === GoState.NotExist) this.skip.delete(id); // the id may be reused
      return;
    }
    let row = this.rows.get(id);
    if (!row) {
      row = this.admit(ev, tr);
      if (!row) {
        this.skip.add(id);
        return;
      }
    }
    row.close(t);
    if (tr.to === GoState.NotExist) {
      // The goroutine ended; a later goroutine may reuse its id as a new row.
      this.rows.delete(id);
      this.done.push(row);
      return;
    }
    row.open = true;
    row.start = t;
    row.state = stateOf(tr.to);
    row.reason = "";
    row.wait = "";
    row.line = 0;
    if (row.state === State.Blocked) {
      const stack = this.stack(tr.stack);
      const blocked = stack.blockedOn(tr.reason);
      row.reason = blocked.reason;
      row.wait = blocked.wait;
      row.line = blocked.line;
      if (!row.framed) {
        row.frames = stack.mainFrames.slice();
        row.framed = row.frames.length > 0;
      }
    }
  }

  // stack returns what the timeline reads of a stack, worked out once per stack.
  stack(id) {
    let s = this.stacks.get(id);
    if (!s) {
      s = new StackInfo(this.tables.stacks.get(id).map((pc) => this.tables.frames.get(pc)));
      this.stacks.set(id, s);
    }
    return s;
  }

  // admit starts a row for a goroutine seen for the first time, unless it is the
  // runtime's.
  admit(ev, tr) {
    const row = new Row(tr.id);
    if (tr.id === 1) {
      row.func = "main.main";
    } else if (tr.from === GoState.NotExist) {
      // Created while tracing: the transition's stack is where it starts, the event's
      // where the go statement ran.
      row.func = this.stack(tr.stack).outermost;
      const at = this.stack(tr.evStack).frames.find(isMain);
      if (at) row.createdLine = at.line;
      if (ev.g !== NO_GOROUTINE) row.createdBy = ev.g;
    } else {
      // Alive when tracing began, which is before package main's initialization: only
      // the runtime's own goroutines are.
      row.func = this.stack(tr.stack).outermost;
    }
    if (row.func === "" || (row.func.startsWith("runtime.") && row.func !== "runtime.main")) return null;
    this.rows.set(tr.id, row);
    return row;
  }

  finish() {
    for (const row of this.rows.values()) {
      row.close(this.end);
      this.done.push(row);
    }
    let total = 0;
    for (const row of this.done) total += row.spans.length;
    const first = (row) => (row.spans.length ? row.spans[0].start : 0);
    this.done.sort((a, b) => first(a) - first(b) || a.id - b.id);
    return { end: this.end, spans: total, goroutines: this.done.length ? this.done.map((row) => row.json()) : null };
  }
}

function stateOf(to) {
  if (to === GoState.Runnable) return State.Runnable;
  if (to === GoState.Waiting) return State.Blocked;
  return State.Running; // running, or in a system call
}

// StackInfo is what the timeline reads of one stack: its frames, innermost first, the
// functions of main.go on it, outermost first, and what a goroutine blocked with it waits
// for, by the runtime's reason.
class StackInfo {
  constructor(frames) {
    this.frames = frames;
    this.mainFrames = [];
    for (let i = frames.length - 1; i >= 0; i--) if (isMain(frames[i])) this.mainFrames.push(frames[i].func);
    this.outermost = frames.length ? frames[frames.length - 1].func : ""; // the function it started in
    this.blocked = new Map(); // runtime's reason -> {reason, wait, line}
  }

  blockedOn(reason) {
    let b = this.blocked.get(reason);
    if (!b) this.blocked.set(reason, (b = blockedOn(reason, this.frames)));
    return b;
  }
}

// blockedOn names what a goroutine blocking with the runtime's reason and these frames
// waits for (one of timeline.go's Reasons), in which call (wait), at which line of
// main.go.
function blockedOn(why, frames) {
  let line = 0;
  let call = "";
  const i = frames.findIndex(isMain);
  if (i >= 0) {
    line = frames[i].line;
    if (i > 0) call = trimPrefix(frames[i - 1].func, "playground/");
  }
  const has = (fn) => frames.some((f) => f.func.startsWith(fn));
  const as = (reason, wait = why) => ({ reason, wait, line });
  if (has("syscall.Read") || has("internal/poll.(*FD).Read")) return as("stdin", "reading standard input");
  if (has("syscall.Write") || has("internal/poll.(*FD).Write")) return as("output", "writing output");
  if (has("net/http.")) return as("network", "waiting for the network");
  if (call.includes("Mutex).") || call.includes("Once).")) return as("mutex", call);
  if (call.includes("WaitGroup).")) return as("waitgroup", call);
  if (call.includes("Cond).") || why.startsWith("sync.(*Cond)")) return as("cond", "sync.(*Cond).Wait");
  if (why === "sleep") return as("sleep", "time.Sleep");
  if (why.startsWith("chan ")) return as("channel");
  if (why === "select") return as("select");
  if (why === "forever" || why.includes("no cases")) return as("forever");
  if (why === "sync") return as("mutex");
  return as("other");
}

function trimPrefix(s, prefix) {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

// isMain reports whether a frame is of a function of main.go.
function isMain(f) {
  return f.main;
}

// baseName is the last element of a slash-separated path, as Go's path.Base has it.
function baseName(p) {
  p = p.replace(/\/+$/, "");
  return p.slice(p.lastIndexOf("/") + 1);
}
