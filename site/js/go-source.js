// go-source.js reads the little of a Go file and of the compiler's messages that the
// in-browser toolchain needs before and after compiling: the imports (to fetch their
// archives, or say a package is not offered) and the diagnostics (to underline them).
//
// It is not for: checking Go. The compiler does that.

/** formatDiagnostic prints a diagnostic the way the compiler does. */
export function formatDiagnostic(d) {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}

/** parseDiagnostics reads "main.go:12:5: message" lines from compiler output. */
export function parseDiagnostics(output) {
  const out = [];
  for (const line of output.split("\n")) {
    const m = /^(\S+?\.go):(\d+)(?::(\d+))?: (.*)$/.exec(line);
    if (m) out.push({ file: m[1], line: Number(m[2]), col: Number(m[3] ?? 1), message: m[4] });
  }
  return out;
}

/**
 * scanImports lists the import paths of a Go file with their positions. It reads only the
 * import declarations at the top of the file; the compiler checks everything else.
 */
export function scanImports(source) {
  const imports = [];
  // Blank out comments so quotes inside them are not taken for imports.
  const text = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " "));
  const decl = /\bimport\s*(\(([^)]*)\)|((?:[\w.]+\s+)?"[^"\n]*"))/g;
  let m;
  while ((m = decl.exec(text))) {
    const body = m[2] ?? m[3];
    const bodyStart = m.index + m[0].indexOf(body);
    const spec = /"([^"\n]*)"/g;
    let s;
    while ((s = spec.exec(body))) {
      const at = bodyStart + s.index;
      const before = text.slice(0, at);
      const line = before.split("\n").length;
      const col = at - before.lastIndexOf("\n");
      imports.push({ path: s[1], line, col });
    }
  }
  return imports;
}
