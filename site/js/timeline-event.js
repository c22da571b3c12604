// timeline-event.js makes a run's "timeline" event (events.js) for every runner: the
// page's runner worker and the Node runner. It follows the run's events, and once the
// trace arrives it has the trace reader (wasm/timeline, a Go function) turn it into
// goroutine rows, names each row by the same rule as the deadlock diagnosis
// (goroutine-name.js), and adds the output lines on the same time axis.
import { Kind } from "./events.js";
import { OutputLines } from "./output-lines.js";
import { goroutineName, startedAt } from "./goroutine-name.js";

/**
 * nameRows names each goroutine row of a timeline (wasm/timeline's JSON) in place, from
 * the function it started in (func), the program functions on its stack (frames) and,
 * given the program's source, the line that started it (createdLine).
 */
export function nameRows(timeline, source = "") {
  for (const g of timeline.goroutines ?? []) {
    const started = source && g.createdLine ? startedAt(source, g.createdLine) : null;
    g.name = goroutineName({ id: g.id, start: g.func, frames: g.frames, started });
  }
  return timeline;
}

/**
 * TimelineMaker watches one run. add takes each event of the run; when the trace comes,
 * the timeline event is made and handed to onTimeline. reader() resolves with the trace
 * reader: (trace: Uint8Array, originNs: number) => {json} | {error}. source is the
 * program's, to name the goroutines started through a wrapper (nameRows).
 */
export class TimelineMaker {
  constructor(reader, onTimeline, source = "") {
    this.reader = reader;
    this.onTimeline = onTimeline;
    this.source = source;
    this.output = new OutputLines();
    this.done = Promise.resolve(null);
  }

  add(event) {
    this.output.add(event);
    if (event.kind === Kind.Trace && event.data) {
      this.done = this.make(event).then((e) => {
        this.onTimeline(e);
        return e;
      });
    }
  }

  async make(trace) {
    try {
      const read = await this.reader();
      const start = performance.now();
      const r = read(trace.data, trace.origin);
      if (r.error) return { kind: Kind.Timeline, error: r.error };
      const timeline = nameRows(JSON.parse(r.json), this.source);
      return { kind: Kind.Timeline, timeline, lines: this.output.lines, readMs: performance.now() - start };
    } catch (err) {
      return { kind: Kind.Timeline, error: `reading the trace: ${err.message || err}` };
    }
  }
}
