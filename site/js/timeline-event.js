// timeline-event.js makes a run's "timeline" event (events.js) for every runner: the
// page's runner worker and the Node runner. It follows the run's events, and once the
// trace arrives it has the trace reader (trace-timeline.js) turn it into goroutine rows,
// names each row by the same rule as the deadlock diagnosis (goroutine-name.js), and adds
// the output lines on the same time axis.
import { Kind } from "./events.js";
import { OutputLines } from "./output-lines.js";
import { goroutineName, startedAt } from "./goroutine-name.js";
import { readTimeline } from "./trace-timeline.js";

/**
 * nameRows names each goroutine row of a timeline (trace-timeline.js) in place, from
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
 * the timeline event is made and handed to onTimeline. source is the program's, to name
 * the goroutines started through a wrapper (nameRows). read is the trace reader:
 * (trace: Uint8Array, originNs: number) => timeline, throwing for a trace it cannot read.
 */
export class TimelineMaker {
  constructor(onTimeline, source = "", read = readTimeline) {
    this.read = read;
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
    // The trace comes just before the run's exit: read it once the exit has gone out, so
    // that the end of a run never waits for its timeline.
    await null;
    try {
      const start = performance.now();
      const timeline = nameRows(this.read(trace.data, trace.origin), this.source);
      return { kind: Kind.Timeline, timeline, lines: this.output.lines, readMs: performance.now() - start };
    } catch (err) {
      return { kind: Kind.Timeline, error: `reading the trace: ${err.message || err}` };
    }
  }
}
