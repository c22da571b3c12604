import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { codeFromHash, decodeProgram, encodeProgram } from "../program-code.js";
import { setStrings } from "../i18n.js";

setStrings(JSON.parse(readFileSync(new URL("../../i18n/en.json", import.meta.url), "utf8")), { strict: true });

test("a program survives the trip through a URL, byte for byte", async () => {
  for (const source of ["", "package main\n", "// 世界 \u{1F600}\npackage main\n\nfunc main() { println(\"<script>\") }\n", "x".repeat(200000)]) {
    const packed = await encodeProgram(source);
    assert.match(packed, /^[A-Za-z0-9_-]*$/);
    assert.equal(await decodeProgram(packed), source);
  }
});

test("compression keeps a long program's link short", async () => {
  const source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n" + "\tfmt.Println(\"hello, goroutines\")\n".repeat(300) + "}\n";
  assert.ok((await encodeProgram(source)).length < source.length / 10);
});

test("damaged or hostile text is refused with a reason", async () => {
  await assert.rejects(decodeProgram('"><img src=x onerror=alert(1)>'), /not in the form/);
  await assert.rejects(decodeProgram("AAAA"), /cut short or damaged|not text/);
  const packed = await encodeProgram("package main\n");
  await assert.rejects(decodeProgram(packed.slice(0, 3)), /cut short or damaged/);
});

test("codeFromHash reads the code parameter of a fragment", () => {
  assert.equal(codeFromHash("#code=abc_-1"), "abc_-1");
  assert.equal(codeFromHash("#other=1&code=xyz"), "xyz");
  assert.equal(codeFromHash(""), null);
});

import { formatProgram, parseProgram } from "../program-files.js";

test("a program of several files travels as txtar, one main.go as itself", () => {
  const one = [{ name: "main.go", source: "package main\n\nfunc main() {}\n" }];
  assert.equal(formatProgram(one), one[0].source);
  assert.deepEqual(parseProgram(formatProgram(one)), one);
  const two = [one[0], { name: "main_test.go", source: "package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}" }];
  const text = formatProgram(two);
  assert.match(text, /^-- main\.go --\npackage main/);
  assert.deepEqual(parseProgram(text), [one[0], { ...two[1], source: two[1].source + "\n" }]);
  assert.deepEqual(parseProgram("A comment.\n-- a.go --\nx\n-- b.go --\ny\n"), [{ name: "a.go", source: "x\n" }, { name: "b.go", source: "y\n" }]);
});
