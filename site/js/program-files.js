// program-files.js is how a program of several files travels as one text: txtar, the
// archive format of Go's own tools (golang.org/x/tools/txtar) and the format the share
// API stores. A program of one main.go travels as that file alone, as it always has.
//
//   optional comment lines
//   -- main.go --
//   package main
//   …
//   -- worker.go --
//   …
//
// As in txtar itself, a line of a file that looks like a marker ("-- x --") starts a new
// file when the text is read back.
//
// It is not for: naming rules or building (toolchain.js).

const MARKER = /^-- (.+?) --$/;

/** formatProgram writes files ([{name, source}]) as one text. */
export function formatProgram(files) {
  if (files.length === 1 && files[0].name === "main.go") return files[0].source;
  return files.map((f) => `-- ${f.name} --\n${f.source.endsWith("\n") || f.source === "" ? f.source : f.source + "\n"}`).join("");
}

/**
 * parseProgram reads a text written by formatProgram (or any txtar archive) into
 * [{name, source}]. A text without file markers is one main.go.
 */
export function parseProgram(text) {
  if (!hasMarker(text)) return [{ name: "main.go", source: text }];
  const files = [];
  let current = null;
  for (const line of text.split(/(?<=\n)/)) {
    const m = MARKER.exec(line.replace(/\r?\n$/, ""));
    if (m) {
      current = { name: m[1].trim(), source: "" };
      files.push(current);
    } else if (current) {
      current.source += line;
    } // text before the first marker is the archive's comment
  }
  return files;
}

function hasMarker(text) {
  return text.split("\n").some((line) => MARKER.test(line.replace(/\r$/, "")));
}

/**
 * programData puts a shared text into a page's program data (tools/internal/site's
 * ProgramData): main.go as its source and the other files after it.
 */
export function programData(program, text) {
  const files = parseProgram(text);
  const main = files.find((f) => f.name === "main.go") ?? files[0] ?? { name: "main.go", source: "" };
  program.source = main.source;
  program.files = files.filter((f) => f !== main);
  return program;
}
