// timeline-view.js draws the goroutine timeline of one run on a canvas: a row per
// goroutine with its running, runnable and blocked spans, a thin lane of output ticks
// above the rows and a time axis below them. The learner hovers for details, zooms and
// pans (wheel, drag, keys) and clicks a bar to find its line in the editor.
//
// What the bars mean and the arithmetic behind them (ticks, hit testing, the summary
// sentence) are in timeline-model.js. It is not where timelines come from: the runner
// turns the trace into rows (trace-timeline.js, the "timeline" event in events.js) and the
// page hands them over. Nor does it follow a run as it happens; it shows one finished
// run at a time.
//
// Drawing stays cheap for thousands of spans: bars are bucketed by colour and filled with
// one path per colour, spans outside the visible time range are skipped, and bars that
// overlap once widened to a visible width merge into one. Colours come from custom
// properties in site.css (its "Timeline" section), read at each draw so that they follow
// dark mode. Nothing animates, so there is nothing for prefers-reduced-motion to stop.
import {
  MIN_W, HIT_PX, KINDS, RUNNING, RUNNABLE,
  prepare, summarize, spanText, reasonText, barEdges, hitSpan, axisTicks, formatTick, shortTime, lowerBound, clamp,
} from "./timeline-model.js";
import { darkTheme } from "./theme.js";
import { t } from "./i18n.js";

const ROW_H = 18; // CSS px per goroutine row
const LANE_H = 14; // the output lane above the rows
const GAP = 4; // between the output lane and the first row
const AXIS_H = 22; // the time axis below the rows
const MAX_ROWS = 16; // rows shown before the rows scroll
const PAD_LEFT = 4; // room before time 0, so a tick at the very start shows whole
const PAD_RIGHT = 10; // room after the last moment, so a bar at the very end is not cut
const TIP_LINES = 8; // output lines listed in one tooltip before "and N more"


let figures = 0; // numbers the figures on a page, for their element ids

/** TimelineView shows one run's goroutine timeline inside a container element. */
export class TimelineView {
  /**
   * The view appends its figure to container and starts out with a placeholder.
   * options.onLine(line) is called when the learner clicks a bar, label or output tick
   * that has a line of main.go, so the page can highlight that line in the editor.
   */
  constructor(container, options = {}) {
    this.onLine = options.onLine || null;
    this.timeline = null; // what show was given
    this.model = null; // the same, prepared for drawing
    this.view = { t0: 0, t1: 1 }; // the visible time range, ms
    this.drawMs = 0;
    this.frame = 0;
    this.width = 0; // canvas width and gutter width at the last draw, CSS px
    this.gutter = 0;
    this.viewH = 0;
    this.dpr = 1;
    this.pointer = null; // {x, y, clientX, clientY} while the pointer is over the canvas
    this.hover = null; // what the pointer is over (see hitTest)
    this.drag = null;
    this.fitted = new Map(); // ellipsized labels, by width and text
    this.pattern = null;
    this.patternKey = "";
    this.buckets = KINDS.map(() => []);
    this.lastRow = new Int32Array(KINDS.length);
    this.lastEnd = new Float64Array(KINDS.length);
    this.lastPos = new Int32Array(KINDS.length);
    this.build(container);
    this.clear();
  }

  /**
   * show draws a timeline (trace-timeline.js's: {end, spans, goroutines}) with the run's
   * output lines ([{t, text}], t in ms), replacing whatever was shown. It draws at once
   * and returns how long the drawing took, in ms.
   */
  show(timeline, outputLines = []) {
    this.cancelFrame();
    this.timeline = timeline;
    this.model = prepare(timeline, outputLines);
    this.view = { t0: 0, t1: this.model.end };
    this.endDrag();
    this.hover = null;
    this.tooltip.hidden = true;
    this.fitted.clear();
    this.empty.hidden = true;
    this.scroller.hidden = false;
    this.foot.hidden = false;
    this.layout();
    this.scroller.scrollTop = 0;
    this.fillLegend();
    this.caption.textContent = summarize(this.model);
    return this.draw();
  }

  /** note shows a message in place of a timeline, such as why there is none. */
  note(text) {
    this.showMessage(text);
  }

  /** clear empties the view before a new run, leaving a placeholder. */
  clear() {
    this.showMessage(t("js.timeline.placeholder"));
  }

  /** rowMiddle is the canvas y, in CSS px, through the middle of row i as last drawn. */
  rowMiddle(i) {
    return LANE_H + GAP + i * ROW_H + ROW_H / 2 - this.scroller.scrollTop;
  }

  /** plotLeft is the canvas x, in CSS px, where time 0 is drawn when all of it shows. */
  get plotLeft() {
    return this.gutter + PAD_LEFT;
  }

  /** lastDrawMs is how long the most recent draw took, in ms. */
  get lastDrawMs() {
    return this.drawMs;
  }

  /** data is the timeline being shown, as given to show, or null. */
  get data() {
    return this.timeline;
  }

  build(container) {
    const id = `timeline-${++figures}`;
    const figure = element("figure", "timeline");
    figure.setAttribute("aria-label", t("js.timeline.label"));
    const empty = element("p", "timeline-empty");
    const scroller = element("div", "timeline-scroll");
    const track = element("div", "timeline-track");
    const canvas = document.createElement("canvas");
    canvas.tabIndex = 0;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", t("js.timeline.canvas"));
    canvas.setAttribute("aria-describedby", `${id}-summary`);
    track.append(canvas);
    scroller.append(track);
    const foot = element("div", "timeline-foot");
    const legend = element("ul", "timeline-legend");
    legend.setAttribute("aria-label", t("js.timeline.legend"));
    const hint = element("p", "timeline-hint");
    hint.textContent = t("js.timeline.hint");
    foot.append(legend, hint);
    const tooltip = element("div", "timeline-tooltip");
    tooltip.setAttribute("role", "tooltip");
    tooltip.id = `${id}-tip`;
    tooltip.hidden = true;
    const caption = element("figcaption", "sr-only");
    caption.id = `${id}-summary`;
    figure.append(empty, scroller, foot, tooltip, caption);
    container.append(figure);
    Object.assign(this, { figure, empty, scroller, track, canvas, foot, legend, tooltip, caption });

    canvas.addEventListener("pointermove", (e) => this.pointerMove(e));
    canvas.addEventListener("pointerdown", (e) => this.pointerDown(e));
    canvas.addEventListener("pointerup", (e) => this.pointerUp(e));
    canvas.addEventListener("pointercancel", () => this.endDrag());
    canvas.addEventListener("pointerleave", () => this.leave());
    canvas.addEventListener("dblclick", (e) => {
      e.preventDefault();
      this.resetView();
    });
    canvas.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    canvas.addEventListener("keydown", (e) => this.key(e));
    // The canvas sticks to the top of the scroller, so a scroll moves the rows under it.
    scroller.addEventListener("scroll", () => {
      if (!this.model) return;
      this.refreshHover();
      this.draw();
    });
    if (typeof ResizeObserver === "function") {
      this.resizer = new ResizeObserver(() => {
        if (this.model && this.scroller.clientWidth !== this.width) this.requestDraw();
      });
      this.resizer.observe(scroller);
    }
    const dark = darkTheme();
    dark?.addEventListener?.("change", () => this.requestDraw());
  }

  showMessage(text) {
    this.cancelFrame();
    this.endDrag();
    this.timeline = null;
    this.model = null;
    this.pointer = null;
    this.hover = null;
    this.empty.textContent = text;
    this.empty.hidden = false;
    this.scroller.hidden = true;
    this.foot.hidden = true;
    this.tooltip.hidden = true;
    this.caption.textContent = text;
  }

  // layout sizes the scroller and the canvas for the model's rows. The track under the
  // canvas is as tall as all the rows; the canvas, sticky at the top, is as tall as what
  // shows, so the output lane and the axis stay put while the rows scroll.
  layout() {
    const rows = Math.max(this.model.rows.length, 1);
    const shown = rows > MAX_ROWS ? MAX_ROWS - 0.5 : rows; // half a row says "scroll"
    this.viewH = Math.round(LANE_H + GAP + shown * ROW_H + AXIS_H);
    this.scroller.style.height = `${this.viewH}px`;
    this.track.style.height = `${LANE_H + GAP + rows * ROW_H + AXIS_H}px`;
    this.canvas.style.height = `${this.viewH}px`;
  }

  fillLegend() {
    const m = this.model;
    const items = [];
    const add = (text, colour, shape, title) => {
      const li = document.createElement("li");
      const swatch = element("span", `swatch ${shape}`);
      swatch.style.setProperty("--swatch", colour);
      li.append(swatch, text);
      if (title) li.title = title;
      items.push(li);
    };
    const colour = (k) => `var(${KINDS[k].prop}, ${KINDS[k].fallback})`;
    if (m.used.has(RUNNING)) add(t(KINDS[RUNNING].label), colour(RUNNING), "bar", t("js.timeline.legend.running"));
    if (m.used.has(RUNNABLE)) add(t(KINDS[RUNNABLE].label), colour(RUNNABLE), "bar hatched", t("js.timeline.legend.runnable"));
    const blocked = KINDS.filter((k, i) => i !== RUNNING && i !== RUNNABLE && m.used.has(i));
    if (blocked.length) {
      const group = element("li", "group");
      group.textContent = t("js.timeline.legend.blocked");
      items.push(group);
      for (const k of blocked) add(t(k.label), `var(${k.prop}, ${k.fallback})`, "bar blocked", reasonText(k.key));
    }
    if (m.lines.length) add(t("js.timeline.legend.line"), "var(--tl-tick, currentColor)", "tick", t("js.timeline.legend.line.title"));
    this.legend.replaceChildren(...items);
  }

  requestDraw() {
    if (!this.frame && this.model) this.frame = requestAnimationFrame(() => this.draw());
  }

  cancelFrame() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  // draw paints the whole canvas and returns how long that took.
  draw() {
    this.frame = 0;
    if (!this.model) return 0;
    const width = this.scroller.clientWidth; // may lay the page out: not drawing, so not timed
    const started = performance.now();
    if (width > 0) this.paint(this.model, width);
    // A draw always takes some time, even when it is less than the clock's resolution
    // (coarsened to 0.1ms in some browsers), so report at least a microsecond.
    this.drawMs = Math.max(performance.now() - started, 0.001);
    return this.drawMs;
  }

  paint(m, width) {
    const canvas = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.round(width * dpr);
    const bh = Math.round(this.viewH * dpr);
    if (canvas.width !== bw || canvas.height !== bh) {
      canvas.width = bw;
      canvas.height = bh;
    }
    const ctx = this.ctx || (this.ctx = canvas.getContext("2d"));
    if (!ctx) return;
    const c = this.colours();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, this.viewH);
    ctx.font = `12px ${c.mono}`;
    if (m.labelWidth === undefined) m.labelWidth = widestLabel(ctx, m);
    const gutter = Math.round(clamp(m.labelWidth + 18, 64, Math.max(64, Math.min(220, width * 0.32))));
    if (gutter !== this.gutter) this.fitted.clear();
    this.width = width;
    this.gutter = gutter;
    this.dpr = dpr;

    const g = this.geometry();
    const ticks = axisTicks(g);
    this.paintBackground(ctx, g, c, ticks);
    this.paintBars(ctx, g, c);
    this.paintOutput(ctx, g, c);
    this.paintLabels(ctx, g, c);
    this.paintAxis(ctx, g, c, ticks);
    this.paintCursor(ctx, g, c, ticks);
  }

  // geometry is where things are on the canvas now: the plot's edges, the scale (CSS px
  // per ms) and which rows show. Drawing and hit testing both work from it.
  geometry() {
    const { t0, t1 } = this.view;
    const plotL = this.gutter + PAD_LEFT;
    const plotR = Math.max(plotL + 1, this.width - PAD_RIGHT);
    const rowsTop = LANE_H + GAP;
    const rowsBottom = this.viewH - AXIS_H;
    const scrollTop = this.scroller.scrollTop;
    const n = this.model.rows.length;
    return {
      t0, t1, plotL, plotR, plotW: plotR - plotL, k: (plotR - plotL) / (t1 - t0),
      rowsTop, rowsBottom, scrollTop, width: this.width, height: this.viewH, dpr: this.dpr,
      first: Math.max(0, Math.floor(scrollTop / ROW_H)),
      last: Math.min(n - 1, Math.floor((scrollTop + rowsBottom - rowsTop) / ROW_H)),
    };
  }

  colours() {
    const style = getComputedStyle(this.figure);
    const v = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return {
      fg: v("--fg", "#1d1f23"),
      muted: v("--muted", "#5d6470"),
      line: v("--line", "#dde1e6"),
      panel: v("--panel", "#ffffff"),
      lane: v("--code-bg", "#f4f6f8"),
      accent: v("--accent", "#007d9c"),
      err: v("--err", "#b3261e"),
      mono: v("--mono", "monospace"),
      sans: v("--sans", "sans-serif"),
      tick: v("--tl-tick", "#3e4550"),
      grid: v("--tl-grid", "rgba(128, 128, 128, 0.12)"),
      rowAlt: v("--tl-row-alt", "rgba(128, 128, 128, 0.05)"),
      rowHover: v("--tl-row-hover", "rgba(0, 125, 156, 0.08)"),
      cursor: v("--tl-cursor", "rgba(128, 128, 128, 0.7)"),
      kinds: KINDS.map((k) => v(k.prop, k.fallback)),
    };
  }

  // paintBackground draws the output lane, striped rows, the hovered row and the grid.
  paintBackground(ctx, g, c, ticks) {
    ctx.fillStyle = c.lane;
    ctx.fillRect(0, 0, g.width, LANE_H);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, g.rowsTop, g.width, g.rowsBottom - g.rowsTop);
    ctx.clip();
    ctx.fillStyle = c.rowAlt;
    ctx.beginPath();
    for (let r = g.first; r <= g.last; r++) {
      if (r % 2) ctx.rect(0, g.rowsTop + r * ROW_H - g.scrollTop, g.width, ROW_H);
    }
    ctx.fill();
    const row = this.hover?.row;
    if (row !== undefined && row >= 0) {
      ctx.fillStyle = c.rowHover;
      ctx.fillRect(0, g.rowsTop + row * ROW_H - g.scrollTop, g.width, ROW_H);
    }
    ctx.restore();

    ctx.fillStyle = c.grid;
    ctx.beginPath();
    for (const t of ticks.values) ctx.rect(snap(g.plotL + (t - g.t0) * g.k, g.dpr), 0, 1, g.rowsBottom);
    ctx.fill();
  }

  // paintBars collects every visible span into its colour's bucket, widening short ones
  // to MIN_W and merging ones that then overlap, and fills each bucket as one path.
  paintBars(ctx, g, c) {
    const { t0, t1, plotL, k, dpr } = g;
    const rows = this.model.rows;
    const buckets = this.buckets;
    const lastRow = this.lastRow;
    const lastEnd = this.lastEnd;
    const lastPos = this.lastPos;
    for (const list of buckets) list.length = 0;
    lastRow.fill(-1);
    const slack = MIN_W / k; // a bar just outside the range can still reach into it
    const tMin = t0 - slack;
    const tMax = t1 + slack;
    const left = this.gutter - MIN_W;
    const right = g.width + MIN_W;
    const touch = 0.5 / dpr;
    for (let r = g.first; r <= g.last; r++) {
      const { starts, ends, reach, kinds } = rows[r];
      const y = g.rowsTop + r * ROW_H - g.scrollTop;
      const n = starts.length;
      for (let i = lowerBound(reach, tMin); i < n; i++) {
        const start = starts[i];
        if (start > tMax) break;
        let a = plotL + (start - t0) * k;
        let b = plotL + (ends[i] - t0) * k;
        if (b - a < MIN_W) {
          const mid = (a + b) / 2;
          a = mid - MIN_W / 2;
          b = mid + MIN_W / 2;
        } else if (b - a > 3) {
          b -= 1; // a hairline gap keeps back-to-back waits of one kind apart
        }
        a = Math.round(Math.max(a, left) * dpr) / dpr;
        b = Math.round(Math.min(b, right) * dpr) / dpr;
        const kind = kinds[i];
        const list = buckets[kind];
        if (lastRow[kind] === r && a <= lastEnd[kind] + touch) {
          if (b > lastEnd[kind]) {
            lastEnd[kind] = b;
            list[lastPos[kind] + 2] = b - list[lastPos[kind]];
          }
        } else {
          lastRow[kind] = r;
          lastEnd[kind] = b;
          lastPos[kind] = list.length;
          list.push(a, y, b - a);
        }
      }
    }

    ctx.save();
    ctx.beginPath();
    ctx.rect(this.gutter, g.rowsTop, g.width - this.gutter, g.rowsBottom - g.rowsTop);
    ctx.clip();
    for (let kind = 0; kind < KINDS.length; kind++) {
      const list = buckets[kind];
      if (!list.length) continue;
      const { top, height } = KINDS[kind];
      ctx.fillStyle = kind === RUNNABLE ? this.hatch(ctx, c.kinds[kind], dpr) : c.kinds[kind];
      ctx.globalAlpha = kind === RUNNING || kind === RUNNABLE ? 1 : 0.85;
      ctx.beginPath();
      for (let j = 0; j < list.length; j += 3) ctx.rect(list[j], list[j + 1] + top, list[j + 2], height);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    const h = this.hover;
    if (h?.area === "span") {
      const row = rows[h.row];
      const [a, b] = barEdges(row, h.index, g);
      const { top, height } = KINDS[row.kinds[h.index]];
      ctx.strokeStyle = c.fg;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(a - 0.75, g.rowsTop + h.row * ROW_H - g.scrollTop + top - 0.75, b - a + 1.5, height + 1.5);
    }
    ctx.restore();
  }

  // hatch is the runnable bars' fill: the colour, faint, under diagonal stripes of it.
  hatch(ctx, colour, dpr) {
    const key = `${colour}|${dpr}`;
    if (this.pattern && this.patternKey === key) return this.pattern;
    const size = Math.max(4, Math.round(5 * dpr));
    const tile = document.createElement("canvas");
    tile.width = tile.height = size;
    const t = tile.getContext("2d");
    t.fillStyle = colour;
    t.globalAlpha = 0.45;
    t.fillRect(0, 0, size, size);
    t.globalAlpha = 1;
    t.strokeStyle = colour;
    t.lineWidth = 1.5 * dpr;
    t.beginPath();
    for (let o = -size; o <= size; o += size) {
      t.moveTo(o, size);
      t.lineTo(o + size, 0);
    }
    t.stroke();
    const pattern = ctx.createPattern(tile, "repeat");
    // The tile was drawn in device pixels; undo the canvas's scale so it stays crisp.
    if (pattern && typeof pattern.setTransform === "function" && typeof DOMMatrix === "function") {
      pattern.setTransform(new DOMMatrix().scale(1 / dpr));
    }
    this.pattern = pattern || colour;
    this.patternKey = key;
    return this.pattern;
  }

  // paintOutput draws a tick in the output lane for each line the program wrote, at most
  // one per device pixel; stderr lines are ticked in the error colour.
  paintOutput(ctx, g, c) {
    const { lines, times } = this.model;
    if (!lines.length) return;
    const { t0, t1, plotL, k, dpr } = g;
    const slack = HIT_PX / k;
    const from = lowerBound(times, t0 - slack);
    const w = Math.max(1, Math.round(1.5 * dpr)) / dpr;
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.gutter, 0, g.width - this.gutter, LANE_H);
    ctx.clip();
    for (const err of this.model.hasErr ? [false, true] : [false]) {
      ctx.fillStyle = err ? c.err : c.tick;
      ctx.beginPath();
      let last = NaN;
      for (let i = from; i < times.length && times[i] <= t1 + slack; i++) {
        if (lines[i].err !== err) continue;
        const x = snap(plotL + (times[i] - t0) * k - w / 2, dpr);
        if (x === last) continue;
        last = x;
        ctx.rect(x, 2, w, LANE_H - 4);
      }
      ctx.fill();
    }
    const h = this.hover;
    if (h?.area === "output") {
      ctx.fillStyle = c.accent;
      const x = snap(plotL + (times[h.from] - t0) * k, dpr);
      ctx.fillRect(x - 1, 1, 2 + w, LANE_H - 2);
    }
    ctx.restore();
  }

  // paintLabels writes "G10 worker" beside each visible row, the id muted and the name
  // shortened to fit the gutter.
  paintLabels(ctx, g, c) {
    const rows = this.model.rows;
    ctx.fillStyle = c.line;
    ctx.fillRect(this.gutter - 1, 0, 1, g.rowsBottom);
    ctx.textBaseline = "middle";
    ctx.font = `italic 11px ${c.sans}`;
    ctx.fillStyle = this.hover?.area === "lane-label" ? c.fg : c.muted;
    ctx.fillText(this.fit(ctx, t("js.timeline.lane"), this.gutter - 14), 8, LANE_H / 2 + 0.5);

    ctx.save();
    ctx.beginPath();
    ctx.rect(0, g.rowsTop, this.gutter - 1, g.rowsBottom - g.rowsTop);
    ctx.clip();
    ctx.font = `12px ${c.mono}`;
    if (!rows.length) {
      ctx.fillStyle = c.muted;
      ctx.fillText(t("js.timeline.summary.none"), 8, g.rowsTop + ROW_H / 2);
    }
    const hovered = this.hover?.area === "label" || this.hover?.area === "span" ? this.hover.row : -1;
    for (let r = g.first; r <= g.last; r++) {
      const row = rows[r];
      const y = g.rowsTop + r * ROW_H - g.scrollTop + ROW_H / 2 + 0.5;
      ctx.fillStyle = c.muted;
      ctx.fillText(row.id, 8, y);
      const x = 8 + ctx.measureText(`${row.id} `).width;
      const name = this.fit(ctx, row.name, this.gutter - 8 - x);
      ctx.fillStyle = r === hovered ? c.accent : c.fg;
      if (name) ctx.fillText(name, x, y);
    }
    ctx.restore();
  }

  paintAxis(ctx, g, c, ticks) {
    const y = g.rowsBottom;
    ctx.fillStyle = c.line;
    ctx.fillRect(0, y, g.width, 1);
    ctx.fillStyle = c.muted;
    ctx.beginPath();
    for (const t of ticks.values) ctx.rect(snap(g.plotL + (t - g.t0) * g.k, g.dpr), y + 1, 1, 4);
    ctx.fill();
    ctx.font = `11px ${c.sans}`;
    ctx.textBaseline = "middle";
    let free = this.gutter + 2; // labels must not overlap the one before
    for (const t of ticks.values) {
      const text = formatTick(t, ticks.step);
      const w = ctx.measureText(text).width;
      const x = clamp(g.plotL + (t - g.t0) * g.k - w / 2, this.gutter + 2, g.width - w - 2);
      if (x < free) continue;
      ctx.fillText(text, x, y + AXIS_H / 2 + 2);
      free = x + w + 8;
    }
  }

  // paintCursor draws the hover line across the lane and rows, and its time on the axis.
  paintCursor(ctx, g, c, ticks) {
    const p = this.pointer;
    if (!p || this.drag?.moved || p.x < g.plotL || p.x > g.plotR || p.y < 0 || p.y >= g.rowsBottom) return;
    const x = snap(p.x, g.dpr);
    ctx.fillStyle = c.cursor;
    ctx.fillRect(x, 0, 1, g.rowsBottom);
    const text = formatTick(g.t0 + (p.x - g.plotL) / g.k, ticks.step / 10);
    ctx.font = `11px ${c.sans}`;
    const w = ctx.measureText(text).width + 10;
    const left = clamp(p.x - w / 2, this.gutter + 1, g.width - w - 1);
    const top = g.rowsBottom + 3;
    ctx.fillStyle = c.fg;
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(left, top, w, AXIS_H - 6, 3);
    else ctx.rect(left, top, w, AXIS_H - 6);
    ctx.fill();
    ctx.fillStyle = c.panel;
    ctx.textBaseline = "middle";
    ctx.fillText(text, left + 5, top + (AXIS_H - 6) / 2 + 0.5);
  }

  fit(ctx, text, max) {
    const key = `${Math.round(max)}|${ctx.font}|${text}`;
    let fitted = this.fitted.get(key);
    if (fitted === undefined) {
      if (this.fitted.size > 4000) this.fitted.clear();
      fitted = ellipsize(ctx, text, max);
      this.fitted.set(key, fitted);
    }
    return fitted;
  }

  // hitTest finds what is under a canvas point: {area, row, index, from, to}. area is
  // "span" (row, index), "label" (row), "output" (lines from..to), "lane-label",
  // "plot" (empty plot, maybe in a row), "axis" or "gutter"; null is off the canvas.
  hitTest(x, y) {
    const m = this.model;
    if (!m || !this.width || y < 0 || y >= this.viewH || x < 0 || x > this.width) return null;
    const g = this.geometry();
    if (y >= g.rowsBottom) return { area: "axis" };
    if (y < LANE_H + GAP / 2) {
      if (x < this.gutter) return { area: "lane-label" };
      return this.hitOutput(x, g) || { area: "plot", row: -1 };
    }
    const r = Math.floor((y - g.rowsTop + g.scrollTop) / ROW_H);
    if (y < g.rowsTop || r >= m.rows.length) return { area: x < this.gutter ? "gutter" : "plot", row: -1 };
    if (x < this.gutter) return { area: "label", row: r };
    const i = hitSpan(m.rows[r], x, g);
    return i < 0 ? { area: "plot", row: r } : { area: "span", row: r, index: i };
  }

  hitOutput(x, g) {
    const { times } = this.model;
    const t = g.t0 + (x - g.plotL) / g.k;
    const tol = HIT_PX / g.k;
    const from = lowerBound(times, t - tol);
    let to = from;
    while (to < times.length && times[to] <= t + tol) to++;
    return to > from ? { area: "output", from, to } : null;
  }

  // refreshHover hit-tests the pointer again (after a move, zoom or scroll) and updates
  // the tooltip and the pointer's cursor.
  refreshHover() {
    const p = this.pointer;
    this.hover = p && !this.drag?.moved ? this.hitTest(p.x, p.y) : null;
    const text = this.hover ? this.describe(this.hover) : "";
    this.placeTooltip(text, p);
    let cursor = "default";
    if (this.drag?.moved) cursor = "grabbing";
    else if (this.lineOf(this.hover)) cursor = "pointer";
    else if (p && this.model && p.x >= this.gutter && p.y < this.viewH - AXIS_H) cursor = "crosshair";
    this.canvas.style.cursor = cursor;
  }

  describe(h) {
    const m = this.model;
    switch (h.area) {
      case "span": {
        const row = m.rows[h.row];
        return spanText(row, row.spans[h.index], row.starts[h.index], row.ends[h.index]);
      }
      case "label": {
        const row = m.rows[h.row];
        const g = row.g;
        const who = `${row.id} ${g.func || row.name}`;
        const vars = { who, line: g.createdLine, by: g.createdBy };
        if (g.createdLine && g.createdBy) return t("js.timeline.row.line.by", vars);
        if (g.createdLine) return t("js.timeline.row.line", vars);
        if (g.createdBy) return t("js.timeline.row.by", vars);
        return who;
      }
      case "output": {
        const shown = m.lines.slice(h.from, Math.min(h.to, h.from + TIP_LINES));
        const text = shown.map((l) => `${shortTime(l.t)}  ${l.text}`);
        const more = h.to - h.from - TIP_LINES;
        if (more > 0) text.push(t(more === 1 ? "js.timeline.tip.more.one" : "js.timeline.tip.more", { n: more }));
        return text.join("\n");
      }
      case "lane-label":
        return t("js.timeline.lane.title");
      default:
        return "";
    }
  }

  // lineOf is the line of main.go a click on h should show, or 0.
  lineOf(h) {
    if (!h || !this.model) return 0;
    if (h.area === "span") return this.model.rows[h.row].spans[h.index].line | 0;
    if (h.area === "label") return this.model.rows[h.row].g.createdLine | 0;
    if (h.area === "output") {
      for (let i = h.from; i < h.to; i++) if (this.model.lines[i].line) return this.model.lines[i].line;
    }
    return 0;
  }

  placeTooltip(text, p) {
    const tip = this.tooltip;
    if (!text || !p) {
      tip.hidden = true;
      return;
    }
    if (tip.textContent !== text) tip.textContent = text;
    tip.hidden = false;
    const box = this.figure.getBoundingClientRect();
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const x = p.clientX - box.left;
    const y = p.clientY - box.top;
    let left = x + 14;
    if (left + w > box.width - 4) left = Math.max(4, x - w - 14);
    const top = y + 18 + h > box.height + 12 ? y - h - 12 : y + 18;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  local(e) {
    const box = this.canvas.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top, clientX: e.clientX, clientY: e.clientY };
  }

  pointerMove(e) {
    if (!this.model) return;
    const p = this.local(e);
    const d = this.drag;
    if (d && d.pan) {
      const dx = p.x - d.x;
      if (!d.moved && Math.hypot(dx, p.y - d.y) < 4) return;
      if (!d.moved) {
        d.moved = true;
        this.canvas.classList.add("dragging");
      }
      this.pointer = p;
      this.setView(d.t0 - dx / d.k, d.t1 - dx / d.k);
      return;
    }
    this.pointer = p;
    this.refreshHover();
    this.requestDraw();
  }

  pointerDown(e) {
    if (!this.model || e.button !== 0) return;
    const p = this.local(e);
    this.pointer = p;
    const g = this.geometry();
    const pan = p.x >= this.gutter && p.y < g.rowsBottom;
    this.drag = { x: p.x, y: p.y, t0: g.t0, t1: g.t1, k: g.k, pan, moved: false, id: e.pointerId };
    if (pan) {
      try {
        this.canvas.setPointerCapture(e.pointerId); // keep panning outside the canvas
      } catch {
        // A pointer the browser no longer tracks cannot be captured; the drag still works.
      }
    }
    this.refreshHover(); // a tap shows what it touched
    this.requestDraw();
  }

  pointerUp(e) {
    const d = this.drag;
    this.endDrag();
    if (!d || !this.model) return;
    const p = this.local(e);
    const hit = this.hitTest(p.x, p.y);
    this.pointer = hit ? p : null; // a drag can end outside the canvas
    if (!d.moved) {
      const line = this.lineOf(hit);
      if (line && this.onLine) this.onLine(line);
    }
    this.refreshHover();
    this.requestDraw();
  }

  endDrag() {
    const d = this.drag;
    if (!d) return;
    this.drag = null;
    this.canvas.classList.remove("dragging");
    if (this.canvas.hasPointerCapture?.(d.id)) this.canvas.releasePointerCapture(d.id);
  }

  leave() {
    if (this.drag?.moved) return; // the drag goes on outside the canvas
    this.endDrag();
    this.pointer = null;
    this.hover = null;
    this.tooltip.hidden = true;
    this.requestDraw();
  }

  // wheel zooms around the pointer; a sideways wheel (or trackpad swipe) pans; with Shift
  // the wheel scrolls the rows. Zooming out past the whole run leaves the wheel to the
  // page, so a view that is all in sight never traps the page's scrolling.
  wheel(e) {
    if (!this.model) return;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.viewH : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    const g = this.geometry();
    if (e.shiftKey && !e.ctrlKey) {
      const before = this.scroller.scrollTop;
      this.scroller.scrollTop += dy || dx;
      if (this.scroller.scrollTop !== before) e.preventDefault();
      return;
    }
    if (!e.ctrlKey && Math.abs(dx) > Math.abs(dy)) {
      e.preventDefault();
      this.setView(g.t0 + dx / g.k, g.t1 + dx / g.k);
      return;
    }
    if (dy > 0 && !e.ctrlKey && this.allInView()) return;
    e.preventDefault();
    const p = this.local(e);
    const at = g.t0 + (clamp(p.x, g.plotL, g.plotR) - g.plotL) / g.k;
    this.zoom(Math.exp(dy * (e.ctrlKey ? 0.01 : 0.0015)), at);
  }

  // key handles the canvas's keys, and keeps them from the page (whose ← and → turn the
  // lesson's pages).
  key(e) {
    if (!this.model || e.altKey || e.ctrlKey || e.metaKey) return;
    const { t0, t1 } = this.view;
    const w = t1 - t0;
    const step = w * (e.shiftKey ? 0.5 : 0.1);
    switch (e.key) {
      case "+":
      case "=":
        this.zoom(1 / 1.5, this.anchor());
        break;
      case "-":
      case "_":
        this.zoom(1.5, this.anchor());
        break;
      case "ArrowLeft":
        this.setView(t0 - step, t1 - step);
        break;
      case "ArrowRight":
        this.setView(t0 + step, t1 + step);
        break;
      case "Home":
        this.setView(0, w);
        break;
      case "End":
        this.setView(this.model.end - w, this.model.end);
        break;
      case "0":
        this.resetView();
        break;
      case "ArrowUp":
      case "ArrowDown": {
        const before = this.scroller.scrollTop;
        this.scroller.scrollTop += e.key === "ArrowUp" ? -ROW_H : ROW_H;
        if (this.scroller.scrollTop === before) return; // nothing to scroll: the page's key
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  // anchor is the time the keyboard zooms around: the pointer's, or the middle.
  anchor() {
    const p = this.pointer;
    const g = this.geometry();
    if (p && p.x >= g.plotL && p.x <= g.plotR) return g.t0 + (p.x - g.plotL) / g.k;
    return (g.t0 + g.t1) / 2;
  }

  zoom(factor, at) {
    const { t0, t1 } = this.view;
    const w = t1 - t0;
    const nw = clamp(w * factor, this.model.minRange, this.model.end);
    const nt0 = at - ((at - t0) / w) * nw;
    this.setView(nt0, nt0 + nw);
  }

  resetView() {
    if (this.model) this.setView(0, this.model.end);
  }

  allInView() {
    return this.view.t0 <= 0 && this.view.t1 >= this.model.end;
  }

  // setView shows the range t0..t1, kept within the run and no narrower than minRange.
  setView(t0, t1) {
    const { end, minRange } = this.model;
    const w = clamp(t1 - t0, minRange, end);
    const start = clamp(t0, 0, end - w);
    this.view = { t0: start, t1: start + w };
    this.refreshHover();
    this.requestDraw();
  }
}


// widestLabel is the width of the widest row label. The labels' font is monospaced, so
// only the longest labels need measuring: with ten thousand goroutines, measuring them
// all would hold up the page.
function widestLabel(ctx, m) {
  let longest = 0;
  for (const row of m.rows) longest = Math.max(longest, String(row.id).length + 1 + row.name.length);
  const measured = new Set();
  let widest = 0;
  for (const row of m.rows) {
    const label = `${row.id} ${row.name}`;
    if (label.length < longest - 2 || measured.has(label)) continue;
    measured.add(label);
    widest = Math.max(widest, ctx.measureText(label).width);
    if (measured.size >= 32) break;
  }
  return widest;
}


function ellipsize(ctx, text, max) {
  if (max <= 0) return "";
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo ? `${text.slice(0, lo)}…` : "";
}

// snap rounds a CSS px position to the device pixel grid, so thin lines stay sharp.
function snap(x, dpr) {
  return Math.round(x * dpr) / dpr;
}


function element(tag, className) {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}
