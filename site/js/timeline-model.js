// timeline-model.js is the timeline's arithmetic, apart from any canvas: what the bars
// mean (the kinds of span, their colours' custom properties and words), a timeline made
// ready for drawing, round axis ticks, which span is under the pointer, and the sentences
// a screen reader hears. timeline-view.js draws with it; unit tests run it under Node.
//
// The blocked kinds are wasm/timeline's Reason values (timeline.go); a test fails when a
// reason there has no kind, colour and words here. A reason this file does not know is
// still drawn, in the "other" colour, and its tooltip names it. The words are the page's
// (i18n.js): label and REASON_TEXT hold the keys of their strings.
import { formatElapsed } from "./events.js";
import { shownName } from "./goroutine-name.js";
import { t, list } from "./i18n.js";

export const MIN_W = 2; // the narrowest a bar is drawn, in CSS px
export const HIT_PX = 4; // how far from a bar or tick the pointer may be and still hover it
export const LABEL_EVERY = 90; // aim for an axis label about every this many CSS px
export const INSTANT = 0.001 + 1e-9; // spans this short (ms) read "at t" rather than "t → t"

// The kinds of bar, in drawing order: blocked bars first and thin, runnable next, running
// last and tallest, so the moments a goroutine runs sit on top and stand out. prop is the
// custom property holding the colour (fallback is for a page without site.css); top and
// height place the bar within its row; label is the key of the legend's word for it.
const BLOCKED_BAR = { top: 5, height: 8 };
export const KINDS = [
  { key: "channel", label: "js.timeline.kind.channel", prop: "--tl-channel", fallback: "#2f6fb5", ...BLOCKED_BAR },
  { key: "select", label: "js.timeline.kind.select", prop: "--tl-select", fallback: "#5aa9d6", ...BLOCKED_BAR },
  { key: "mutex", label: "js.timeline.kind.mutex", prop: "--tl-mutex", fallback: "#e69f00", ...BLOCKED_BAR },
  { key: "waitgroup", label: "js.timeline.kind.waitgroup", prop: "--tl-waitgroup", fallback: "#d55e00", ...BLOCKED_BAR },
  { key: "cond", label: "js.timeline.kind.cond", prop: "--tl-cond", fallback: "#a8432a", ...BLOCKED_BAR },
  { key: "sleep", label: "js.timeline.kind.sleep", prop: "--tl-sleep", fallback: "#b565a0", ...BLOCKED_BAR },
  { key: "stdin", label: "js.timeline.kind.stdin", prop: "--tl-stdin", fallback: "#7d8794", ...BLOCKED_BAR },
  { key: "output", label: "js.timeline.kind.output", prop: "--tl-output", fallback: "#98a1ad", ...BLOCKED_BAR },
  { key: "network", label: "js.timeline.kind.network", prop: "--tl-network", fallback: "#687280", ...BLOCKED_BAR },
  { key: "forever", label: "js.timeline.kind.forever", prop: "--tl-forever", fallback: "#7a1212", ...BLOCKED_BAR },
  { key: "other", label: "js.timeline.kind.other", prop: "--tl-other", fallback: "#a7adb5", ...BLOCKED_BAR },
  { key: "runnable", label: "js.timeline.kind.runnable", prop: "--tl-runnable", fallback: "#c7b66b", top: 4, height: 10 },
  { key: "running", label: "js.timeline.kind.running", prop: "--tl-running", fallback: "#0f8a6c", top: 3, height: 12 },
];
export const KIND_INDEX = new Map(KINDS.map((k, i) => [k.key, i]));
export const RUNNING = KIND_INDEX.get("running");
export const RUNNABLE = KIND_INDEX.get("runnable");
export const OTHER = KIND_INDEX.get("other");

// What a blocked goroutine is doing, by the trace's reason: the keys of the tooltip's
// words (reasonText gives the words).
export const REASON_TEXT = {
  channel: "js.timeline.reason.channel",
  select: "js.timeline.reason.select",
  mutex: "js.timeline.reason.mutex",
  waitgroup: "js.timeline.reason.waitgroup",
  cond: "js.timeline.reason.cond",
  sleep: "js.timeline.reason.sleep",
  stdin: "js.timeline.reason.stdin",
  output: "js.timeline.reason.output",
  network: "js.timeline.reason.network",
  forever: "js.timeline.reason.forever",
  other: "js.timeline.reason.other",
};

// prepare turns a timeline into what drawing needs: per row, the spans' times in typed
// arrays (reach[i] is the latest end of spans 0..i, which is what binary search needs),
// their kinds, and the labels; the output lines sorted by time; the full time range.
/**
 * reasonText is what a goroutine blocked for reason is doing, in tooltip words. A reason
 * this file does not know is named as it is, rather than passed off as "blocked".
 */
export function reasonText(reason) {
  if (Object.hasOwn(REASON_TEXT, reason)) return t(REASON_TEXT[reason]);
  return reason ? t("js.timeline.reason.unknown", { reason }) : t(REASON_TEXT.other);
}

export function prepare(timeline, outputLines) {
  let end = Math.max(0, Number(timeline?.end) || 0);
  const used = new Set();
  // One pass over every span finds the run's end and the kinds in use (for the legend);
  // a row's arrays are made when it is first drawn or hovered, so a run of ten thousand
  // goroutines costs only what shows.
  const rows = (timeline?.goroutines || []).map((g) => {
    const spans = Array.isArray(g.spans) ? g.spans : [];
    for (const s of spans) {
      used.add(kindOf(s));
      const e = Number(s.end) || 0;
      if (e > end) end = e;
    }
    return new Row(g, spans);
  });
  const lines = (Array.isArray(outputLines) ? outputLines : [])
    .filter((l) => l && Number.isFinite(Number(l.t)))
    .map((l) => ({ t: Number(l.t), text: String(l.text ?? ""), line: Number(l.line) || 0, err: l.kind === "stderr" }))
    .sort((a, b) => a.t - b.t);
  const times = Float64Array.from(lines, (l) => l.t);
  if (lines.length && times[times.length - 1] > end) end = times[times.length - 1];
  const runEnd = end;
  if (!(end > 0)) end = 1; // a run that took no time still needs a scale
  return {
    rows, lines, times, used, end, runEnd,
    hasErr: lines.some((l) => l.err),
    minRange: Math.max(end * 1e-7, 1e-6), // the deepest zoom: 1 ns, or 1e-7 of the run
    labelWidth: undefined,
  };
}

/**
 * Row is one goroutine's row: its spans sorted by start, and, made on first use, typed
 * arrays of their starts, ends, reach (the latest end so far, for binary search) and
 * kinds (indexes into KINDS).
 */
class Row {
  constructor(g, spans) {
    this.g = g;
    this.id = `G${g.id}`;
    this.name = shownName(String(g.name || g.func || "?"));
    this.given = spans;
    this.arrays = null;
  }

  get spans() {
    return this.fill().spans;
  }
  get starts() {
    return this.fill().starts;
  }
  get ends() {
    return this.fill().ends;
  }
  get reach() {
    return this.fill().reach;
  }
  get kinds() {
    return this.fill().kinds;
  }

  fill() {
    if (this.arrays) return this.arrays;
    let spans = this.given;
    if (!sortedByStart(spans)) spans = [...spans].sort((a, b) => a.start - b.start);
    const n = spans.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const reach = new Float64Array(n);
    const kinds = new Uint8Array(n);
    let latest = -Infinity;
    for (let i = 0; i < n; i++) {
      const s = spans[i];
      starts[i] = Number(s.start) || 0;
      ends[i] = Math.max(Number(s.end) || 0, starts[i]);
      latest = Math.max(latest, ends[i]);
      reach[i] = latest;
      kinds[i] = kindOf(s);
    }
    this.arrays = { spans, starts, ends, reach, kinds };
    return this.arrays;
  }
}

function sortedByStart(spans) {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

export function kindOf(span) {
  if (span.state === "running") return RUNNING;
  if (span.state === "runnable") return RUNNABLE;
  return KIND_INDEX.get(span.reason) ?? OTHER; // an unknown reason: see reasonText
}

// summarize says in a sentence or two what the timeline shows, for screen readers.
export function summarize(m) {
  const n = m.rows.length;
  const sentences = [];
  const outputs = m.lines.length ? t(m.lines.length === 1 ? "js.timeline.summary.line" : "js.timeline.summary.lines", { n: m.lines.length }) : "";
  if (!n) return [t("js.timeline.summary.none"), outputs].filter(Boolean).join(t("js.sentence.sep"));
  const groups = new Map();
  for (const row of m.rows) groups.set(row.name, (groups.get(row.name) || 0) + 1);
  const names = [...groups].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name));
  if (names.length > 10) names.splice(10, names.length, t("js.timeline.summary.more", { n: names.length - 10 }));
  sentences.push(t(n === 1 ? "js.timeline.summary.row" : "js.timeline.summary.rows", { n, time: shortTime(m.runEnd), names: names.join(t("js.list.semicolon")) }));
  if (outputs) sentences.push(outputs);
  const stuck = [];
  for (const row of m.rows) {
    // The span that ends last, found without preparing the row for drawing.
    let last = null;
    for (const s of row.given) if (!last || (Number(s.end) || 0) >= (Number(last.end) || 0)) last = s;
    if (last?.state === "blocked" && (Number(last.end) || 0) >= m.runEnd - 1e-6) {
      stuck.push(t("js.timeline.summary.stuck.one", { id: row.id, name: row.name, reason: reasonText(last.reason) }));
    }
  }
  if (stuck.length) {
    const shown = list(stuck.slice(0, 5));
    sentences.push(stuck.length > 5 ? t("js.timeline.summary.stuck.more", { list: shown, n: stuck.length - 5 }) : t("js.timeline.summary.stuck", { list: shown }));
  }
  sentences.push(t("js.timeline.summary.hover"));
  return sentences.join(t("js.sentence.sep"));
}

// spanText is a span's tooltip: who, what it was doing (and where), and when.
export function spanText(row, span, start, end) {
  let what;
  if (span.state === "running") what = t("js.timeline.span.running");
  else if (span.state === "runnable") what = t("js.timeline.span.runnable");
  else what = span.wait ? t("js.timeline.span.wait", { reason: reasonText(span.reason), wait: span.wait }) : reasonText(span.reason);
  if (span.line) what = t("js.timeline.span.line", { what, line: span.line });
  const d = end - start;
  const when = d <= INSTANT
    ? t("js.timeline.span.at", { time: shortTime(start) })
    : `${formatElapsed(start)} → ${formatElapsed(end)} (${shortTime(d)})`;
  return `${row.id} ${row.name} — ${what} · ${when}`;
}

// barEdges is where span i of a row is drawn, left and right, as paintBars draws it.
export function barEdges(row, i, g) {
  let a = g.plotL + (row.starts[i] - g.t0) * g.k;
  let b = g.plotL + (row.ends[i] - g.t0) * g.k;
  if (b - a < MIN_W) {
    const mid = (a + b) / 2;
    a = mid - MIN_W / 2;
    b = mid + MIN_W / 2;
  }
  return [a, b];
}

// hitSpan finds the span of a row nearest to x, within HIT_PX, or -1. Where bars
// overlap (a running tick on a long wait), the one drawn on top wins.
export function hitSpan(row, x, g) {
  const t = g.t0 + (x - g.plotL) / g.k;
  const tol = (HIT_PX + MIN_W) / g.k;
  let best = -1;
  let bestGap = Infinity;
  let bestMid = Infinity;
  const n = row.starts.length;
  for (let i = lowerBound(row.reach, t - tol), seen = 0; i < n && row.starts[i] <= t + tol && seen < 500; i++, seen++) {
    const [a, b] = barEdges(row, i, g);
    const gap = x < a ? a - x : x > b ? x - b : 0;
    if (gap > HIT_PX) continue;
    const mid = Math.abs(x - (a + b) / 2);
    const better = gap < bestGap
      || (gap === bestGap && row.kinds[i] > row.kinds[best])
      || (gap === bestGap && row.kinds[i] === row.kinds[best] && mid < bestMid);
    if (better) {
      best = i;
      bestGap = gap;
      bestMid = mid;
    }
  }
  return best;
}

// axisTicks picks round tick times for the visible range: 1, 2 or 5 × 10^n ms apart,
// about LABEL_EVERY px apart on screen.
export function axisTicks(g) {
  const raw = ((g.t1 - g.t0) * LABEL_EVERY) / Math.max(g.plotW, 1);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  const values = [];
  for (let i = Math.ceil(g.t0 / step); i * step <= g.t1 + step * 1e-9 && values.length < 200; i++) values.push(i * step);
  return { step, values };
}

/**
 * formatTick prints a time in ms for the axis: 0, 250µs, 500ms, 1s, 1.5s. step is the
 * spacing of the values printed together; it fixes how many decimals they need.
 */
export function formatTick(ms, step) {
  if (Math.abs(ms) < step * 1e-6 || ms === 0) return "0";
  const abs = Math.abs(ms);
  const [scale, unit] = abs >= 1000 ? [1000, "s"] : abs >= 1 ? [1, "ms"] : abs >= 1e-3 ? [1e-3, "µs"] : [1e-6, "ns"];
  const decimals = clamp(-Math.floor(Math.log10(step / scale) + 1e-9), 0, 6);
  let text = (ms / scale).toFixed(decimals);
  if (text.includes(".")) text = text.replace(/\.?0+$/, "");
  return `${text}${unit}`;
}

// shortTime prints a time or duration in ms briefly, to three significant digits: 0ms,
// 3s, 1.25s, 40ms, 1µs. (Trace times carry microsecond noise a learner need not see.)
export function shortTime(ms) {
  if (ms === 0) return "0ms";
  return formatTick(ms, 10 ** (Math.floor(Math.log10(Math.abs(ms))) - 2));
}

// lowerBound is the first index of a sorted array whose value is at least v.
export function lowerBound(sorted, v) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function clamp(v, lo, hi) {
  return Math.min(Math.max(v, lo), hi);
}
