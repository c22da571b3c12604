// Tests of the timeline's arithmetic (timeline-model.js), on the timeline of a real trace
// and on small made-up ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { KINDS, REASON_TEXT, RUNNING, axisTicks, formatTick, hitSpan, kindOf, prepare, reasonText, shortTime, summarize } from "../timeline-model.js";
import { nameRows } from "../timeline-event.js";
import { setStrings, t } from "../i18n.js";

const table = (code) => JSON.parse(readFileSync(new URL(`../../i18n/${code}.json`, import.meta.url), "utf8"));
setStrings(table("en"), { strict: true });

const dining = nameRows(JSON.parse(readFileSync(new URL("../../../wasm/timeline/testdata/dining-deadlock.json", import.meta.url), "utf8")));

// geometry is a plot 1000 px wide showing t0..t1 ms, as TimelineView.geometry makes it.
const geometry = (t0, t1, plotW = 1000) => ({ t0, t1, plotL: 100, plotR: 100 + plotW, plotW, k: plotW / (t1 - t0) });

test("prepare puts each row's spans in typed arrays with their reach and kind", () => {
  const m = prepare(dining, [{ t: 0.5, text: "Ada has the noodles", kind: "stdout" }, { t: 0.2, text: "first", kind: "stderr" }]);
  assert.equal(m.rows.length, 5);
  assert.equal(m.end, dining.end);
  const main = m.rows[0];
  assert.equal(main.name, "main");
  for (let i = 1; i < main.starts.length; i++) assert.ok(main.reach[i] >= main.reach[i - 1]);
  assert.equal(KINDS[main.kinds.at(-1)].key, "waitgroup");
  assert.deepEqual(m.lines.map((l) => l.text), ["first", "Ada has the noodles"], "lines sorted by time");
  assert.equal(m.hasErr, true);
});

test("prepare stretches the range to the last output and keeps a scale for an empty run", () => {
  const m = prepare({ end: 0, goroutines: [] }, []);
  assert.equal(m.end, 1);
  assert.equal(m.runEnd, 0);
  assert.equal(prepare({ end: 5, goroutines: [] }, [{ t: 9, text: "late" }]).end, 9);
});

test("axisTicks are 1, 2 or 5 times a power of ten, about 90 px apart", () => {
  for (const [t0, t1] of [[0, 100], [0, 3000], [12.5, 13], [0, 0.004]]) {
    const g = geometry(t0, t1);
    const { step, values } = axisTicks(g);
    const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
    assert.ok([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6), `step ${step}`);
    const px = step * g.k;
    assert.ok(px >= 45 && px <= 225, `ticks ${px}px apart for ${t0}..${t1}`);
    assert.ok(values[0] >= t0 - 1e-9 && values.at(-1) <= t1 + step * 1e-6);
  }
});

test("formatTick and shortTime print times briefly", () => {
  assert.equal(formatTick(0, 1), "0");
  assert.equal(formatTick(1500, 500), "1.5s");
  assert.equal(formatTick(0.25, 0.05), "250µs");
  assert.equal(shortTime(100.000513), "100ms");
  assert.equal(shortTime(3000), "3s");
});

test("hitSpan finds the bar under the pointer and prefers the one drawn on top", () => {
  const m = prepare({
    end: 100,
    goroutines: [{ id: 1, name: "main", spans: [
      { start: 0, end: 100, state: "blocked", reason: "channel" },
      { start: 50, end: 50.001, state: "running" },
    ] }],
  }, []);
  const g = geometry(0, 100);
  const row = m.rows[0];
  assert.equal(hitSpan(row, g.plotL + 10 * g.k, g), 0, "inside the long wait");
  assert.equal(hitSpan(row, g.plotL + 50 * g.k + 1, g), 1, "the running tick sits on top");
  assert.equal(hitSpan(row, g.plotL + 120 * g.k, g), -1, "past the end");
});

test("summarize names the goroutines and those still waiting at the end", () => {
  const text = summarize(prepare(dining, []));
  assert.match(text, /^5 goroutines over 100ms: main; noodlesFirst ×2; forkFirst ×2\./);
  assert.match(text, /Still waiting at the end: G1 main \(blocked on a WaitGroup\), G10 noodlesFirst \(blocked on a mutex\)/);
});

test("a reason the page does not know is drawn as other and named as it is", () => {
  const span = { state: "blocked", reason: "gc assist" };
  assert.equal(KINDS[kindOf(span)].key, "other");
  assert.equal(reasonText("gc assist"), "blocked (gc assist)");
  assert.equal(reasonText("channel"), t(REASON_TEXT.channel));
  assert.equal(reasonText("channel"), "blocked on a channel");
  assert.equal(kindOf({ state: "running" }), RUNNING);
});

test("summarize speaks the page's language", () => {
  setStrings(table("zh"), { strict: true });
  try {
    const text = summarize(prepare(dining, [{ t: 1, text: "Ada has the noodles", kind: "stdout" }]));
    assert.match(text, /^100ms 内共有 5 个 goroutine：main；noodlesFirst ×2；forkFirst ×2。输出了 1 行。/);
    assert.match(text, /运行结束时仍在等待：G1 main（阻塞在 WaitGroup 上）、G10 noodlesFirst（阻塞在互斥锁上）/);
  } finally {
    setStrings(table("en"), { strict: true });
  }
});
