// Tests of the scripts' strings: every key a script names is in every table
// (site/i18n/<lang>.json), every "js." key of the tables is used, the translations keep
// the English's {parts}, and the scripts write no words of their own into the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { andList, setStrings, t } from "../i18n.js";

const jsDir = new URL("../", import.meta.url);
const scripts = readdirSync(jsDir).filter((f) => f.endsWith(".js")).map((f) => ({ name: f, text: readFileSync(new URL(f, jsDir), "utf8") }));
const table = (code) => JSON.parse(readFileSync(new URL(`../../i18n/${code}.json`, import.meta.url), "utf8"));
const tables = { en: table("en"), zh: table("zh") };

// The keys the scripts name: every quoted "js.…" string (t("js.x"), and the maps of keys
// such as timeline-model.js's REASON_TEXT).
const used = new Map(); // key -> script
for (const s of scripts) {
  for (const m of s.text.matchAll(/["'`](js\.[a-z0-9.-]+)["'`]/g)) used.set(m[1], s.name);
}

test("every key the scripts name is in every table", () => {
  assert.ok(used.size > 100, `found only ${used.size} keys`);
  for (const [code, strings] of Object.entries(tables)) {
    const missing = [...used].filter(([key]) => typeof strings[key] !== "string").map(([key, file]) => `${key} (${file})`);
    assert.deepEqual(missing, [], `site/i18n/${code}.json lacks strings`);
  }
});

test("every script string of the tables is used", () => {
  for (const [code, strings] of Object.entries(tables)) {
    const unused = Object.keys(strings).filter((k) => k.startsWith("js.") && !used.has(k));
    assert.deepEqual(unused, [], `site/i18n/${code}.json has strings no script uses`);
  }
});

test("the tables have the same keys, and each translation the English's {parts}", () => {
  assert.deepEqual(Object.keys(tables.zh).sort(), Object.keys(tables.en).sort());
  const parts = (s) => [...s.matchAll(/\{(\w+)\}|%[sd]/g)].map((m) => m[0]).sort();
  for (const [key, en] of Object.entries(tables.en)) {
    assert.deepEqual(parts(tables.zh[key]), parts(en), `${key}: "${tables.zh[key]}" against "${en}"`);
  }
});

test("the Chinese script strings are Chinese", () => {
  // Punctuation and joiners, and Go's and go test's own words, stay as they are.
  const kept = new Set([
    "js.list.sep", "js.list.semicolon", "js.sentence.sep", "js.deadlock.cycle.sep", "js.deadlock.end", "js.tests.sep",
    "js.predict.explain", "js.timeline.span.wait", "js.timeline.summary.stuck.one", "js.deadlock.ids",
    "js.tests.pass", "js.tests.fail", "js.tests.badge.pass", "js.tests.badge.fail", "js.tests.badge.skip", "js.tests.badge.panic",
    "js.timeline.kind.select", "js.timeline.kind.waitgroup", "js.timeline.kind.cond",
  ]);
  for (const [key, zh] of Object.entries(tables.zh)) {
    if (!key.startsWith("js.") || kept.has(key)) continue;
    assert.match(zh, /\p{Script=Han}/u, `${key}: "${zh}" has no Chinese in it`);
  }
});

test("keys are literal, so the tests above see them all", () => {
  for (const s of scripts) {
    assert.doesNotMatch(s.text, /\bt\(`/, `${s.name} builds a key at run time`);
  }
});

test("scripts write no words of their own into the page", () => {
  // A string literal with a word in it, given to the page as text, a title, a label or a
  // placeholder, belongs in the tables.
  const written = /(?:textContent|title|placeholder)\s*=\s*["'`][^"'`]*[A-Za-z]{2}|setAttribute\("aria-label",\s*["'`][^"'`]*[A-Za-z]{2}|fillText\(["'`][^"'`]*[A-Za-z]{2}/;
  const code = /\$\{[^}]*\}/g; // what a template literal fills in is not its words
  // embed.js runs in other sites' pages, and the service worker has no page of an edition.
  const allowed = new Set(["service-worker.js", "embed.js"]);
  for (const s of scripts) {
    if (allowed.has(s.name)) continue;
    s.text.split("\n").forEach((line, i) => {
      if (line.trim().startsWith("//") || line.trim().startsWith("*")) return;
      assert.doesNotMatch(line.replace(code, ""), written, `${s.name}:${i + 1}: ${line.trim()}`);
    });
  }
});

test("t fills in parts, and a missing key shows, or throws when strict", () => {
  setStrings({ "js.a": "{n} of {total} ({n})", "js.list.sep": "、", "js.list.and": " 和 " });
  assert.equal(t("js.a", { n: 1, total: 3 }), "1 of 3 (1)");
  assert.equal(t("js.a", { n: 1 }), "1 of {total} (1)");
  assert.equal(t("js.nothing"), "js.nothing");
  assert.equal(andList([10, 11, 12]), "10、11 和 12");
  assert.equal(andList([10]), "10");
  setStrings(tables.en, { strict: true });
  assert.throws(() => t("js.nothing"), /js\.nothing/);
  assert.equal(andList(["a", "b", "c"]), "a, b and c");
});
