// embed-page.js wires an embed page (/embed/<slug>/ or /embed/snippet/), the program panel
// without the site around it, for other pages to frame. Its options come from the query:
//
//   program=NAME      show only that program of the lesson
//   theme=light|dark  (auto by default: follows the system, as the framing page does;
//                     set before anything is drawn, by embed.html)
//   readonly=1        the editor refuses edits
//   autorun=1         run once the frame is on screen
//   clock=real        start with the real clock
//   lines=5-12        show only those lines of the program; all of it still builds
//   timeline=0        no timeline
//   height=N          keep the page N px tall (for a frame that cannot size itself)
//
// The snippet page takes its program from the link (program-source.js): #code=… or, on
// the Worker, ?share=ID.
//
// To its parent it posts these messages, and nothing else (embed.js receives them):
//   {type: "go-playground:resize", height}       the page's height changed (CSS px)
//   {type: "go-playground:run", program}         a run began
//   {type: "go-playground:exit", program, status, elapsed, output}   a run ended; output
//                                                is what it printed, as text
import { setupPlayground } from "./playground.js";
import { linkedProgram } from "./program-source.js";
import { programData } from "./program-files.js";
import { Kind } from "./events.js";

const params = new URLSearchParams(location.search);
const data = JSON.parse(document.getElementById("lesson-data").textContent);
const page = document.querySelector("main.embed");
const root = document.querySelector(".playground");
const framed = window.parent !== window;

function post(message) {
  // The framing page is whoever embeds us; the messages carry nothing it did not give.
  if (framed) window.parent.postMessage(message, "*");
}

// lines parses "5-12" (or "7") into {from, to}, or null.
function lines(text) {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text ?? "");
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from >= 1 && to >= from ? { from, to } : null;
}

function watchHeight() {
  const height = Number(params.get("height"));
  if (height > 0) {
    page.style.height = `${height}px`;
    page.classList.add("fixed-height");
  }
  let last = 0;
  const report = () => {
    const h = Math.ceil(page.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      post({ type: "go-playground:resize", height: h });
    }
  };
  new ResizeObserver(report).observe(page);
  report();
}

// forwardRuns tells the framing page when a run begins and how it ended.
function forwardRuns() {
  let output = "";
  return {
    onRun(program) {
      output = "";
      post({ type: "go-playground:run", program: program.name });
    },
    onEvents(events, program) {
      for (const e of events) {
        if (e.kind === Kind.Stdout || e.kind === Kind.Stderr) output += e.body;
        if (e.kind === Kind.CompileError) post({ type: "go-playground:exit", program: program.name, status: -1, elapsed: 0, output: e.output });
        if (e.kind === Kind.Exit) post({ type: "go-playground:exit", program: program.name, status: e.status, elapsed: e.elapsed, output });
      }
    },
  };
}

async function main() {
  let storageKey; // lessons: the same saved edits as the lesson page
  if (data.slug === "snippet") {
    try {
      const program = await linkedProgram(new URL(location.href), new URL(data.root, location.href));
      programData(data.programs[0], program.source);
      storageKey = null; // a snippet is the page's, not the learner's: nothing is saved
    } catch (err) {
      root.replaceChildren(Object.assign(document.createElement("p"), { className: "embed-error", textContent: err.message }));
      watchHeight();
      return;
    }
  }
  const only = params.get("program");
  if (only) {
    const i = data.programs.findIndex((p) => p.name === only || p.name === `${only}.go`);
    if (i >= 0) {
      // One program: drop the others' tabs and panels, and their data.
      root.querySelectorAll("[role=tab]").forEach((t, j) => j !== i && t.remove());
      root.querySelectorAll("[role=tabpanel]").forEach((p, j) => j !== i && p.remove());
      data.programs = [data.programs[i]];
      const tab = root.querySelector("[role=tab]");
      tab.setAttribute("aria-selected", "true");
      root.querySelector("[role=tabpanel]").hidden = false;
    }
  }
  if (data.programs.length === 1) root.querySelector(".tabs").classList.add("single");
  const playground = setupPlayground(root, data, {
    storageKey,
    readonly: params.get("readonly") === "1",
    lines: lines(params.get("lines")),
    clock: params.get("clock") === "real" ? "real" : undefined,
    timeline: params.get("timeline") !== "0",
    loadKeptTools: false,
    ...forwardRuns(),
  });
  window.playground = playground;
  watchHeight();
  if (params.get("autorun") === "1") {
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        playground.run();
      }
    });
    seen.observe(root);
  }
}

main();
