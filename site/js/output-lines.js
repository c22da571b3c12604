// output-lines.js gathers a run's output (the stdout and stderr events of events.js)
// into whole lines, each at the time its first part was written. The runner hands them
// to the timeline with its "timeline" event, whose output lane shows them.
import { Kind } from "./events.js";

/** OutputLines collects lines as events arrive: [{t, text, kind}]. */
export class OutputLines {
  lines = [];
  open = false; // the last line has not ended yet

  /** add takes any event; only program output is kept. */
  add(e) {
    if (e.kind !== Kind.Stdout && e.kind !== Kind.Stderr) return;
    for (const part of e.body.split(/(?<=\n)/)) {
      if (part === "") continue;
      const text = part.replace(/\n$/, "");
      if (this.open) this.lines[this.lines.length - 1].text += text;
      else this.lines.push({ t: e.t, text, kind: e.kind });
      this.open = !part.endsWith("\n");
    }
  }
}
