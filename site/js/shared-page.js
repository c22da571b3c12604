// shared-page.js wires the page of a shared program (/s/{id} or /s/#code=…): it fetches
// or unpacks the program (program-source.js), puts it into the program panel
// (playground.js) and says where it came from. The learner's edits of a shared program
// are saved under that program's own key, so opening a shared link never touches the
// edits saved for a lesson.
import { setupPlayground } from "./playground.js";
import { linkedProgram } from "./program-source.js";
import { programData } from "./program-files.js";

const data = JSON.parse(document.getElementById("lesson-data").textContent);
const root = document.querySelector(".playground");
const siteRoot = new URL(data.root, location.href);

async function main() {
  let program;
  try {
    program = await linkedProgram(new URL(location.href), siteRoot);
  } catch (err) {
    document.querySelector(".shared-note").textContent = err.message;
    root.hidden = true;
    return;
  }
  programData(data.programs[0], program.source);
  const from = new URLSearchParams(location.search).get("lesson");
  if (from && /^[a-z0-9-]+$/.test(from)) {
    const note = document.querySelector(".shared-from");
    const link = note.querySelector("a");
    link.href = new URL(`lessons/${from}/`, siteRoot).href;
    link.textContent = from;
    note.hidden = false;
  }
  window.playground = setupPlayground(root, data, {
    storageKey: (p) => `playground:edit:shared/${program.key}/${p.name}`,
  });
}

main();
