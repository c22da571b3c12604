import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDiagnostic, parseDiagnostics, scanImports } from "../go-source.js";

test("scanImports finds single, grouped and named imports with their positions", () => {
  const src = `// Package main says "not an import".
package main

import "fmt"
import (
\t"sync"
\tstr "strings" // "comment"
\t_ "embed"
\t/* "nope" */ "time"
)

func main() { fmt.Println("import \\"os\\"") }
`;
  assert.deepEqual(scanImports(src), [
    { path: "fmt", line: 4, col: 8 },
    { path: "sync", line: 6, col: 2 },
    { path: "strings", line: 7, col: 6 },
    { path: "embed", line: 8, col: 4 },
    { path: "time", line: 9, col: 15 },
  ]);
});

test("scanImports of a file without imports is empty", () => {
  assert.deepEqual(scanImports("package main\n\nfunc main() {}\n"), []);
});

test("parseDiagnostics reads the compiler's lines and formatDiagnostic prints them back", () => {
  const out = "main.go:6:14: undefined: x\nmain.go:7: something without a column\n\tnot a diagnostic\nhelper_test.go:3:1: syntax error\n";
  const ds = parseDiagnostics(out);
  assert.deepEqual(ds, [
    { file: "main.go", line: 6, col: 14, message: "undefined: x" },
    { file: "main.go", line: 7, col: 1, message: "something without a column" },
    { file: "helper_test.go", line: 3, col: 1, message: "syntax error" },
  ]);
  assert.equal(formatDiagnostic(ds[0]), "main.go:6:14: undefined: x");
});
