// lesson-page.js wires a lesson page: program tabs, Run and Stop, the clock switch, the
// input line, and ←/→ to move between lessons. The lesson's data comes from the JSON in
// #lesson-data, written by the site builder (tools/internal/site).
import { Runner } from "./runner.js";
import { OutputView } from "./output-view.js";

const CLOCK_KEY = "playground:clock";

function setupNavigation(data) {
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
    const t = e.target;
    if (t.closest?.("input, textarea, select, [contenteditable], [role=tab], .cm-editor")) return;
    const href = e.key === "ArrowLeft" ? data?.prev : e.key === "ArrowRight" ? data?.next : null;
    if (href) location.href = href;
  });
}

function setupPlayground(root, data) {
  const tabs = [...root.querySelectorAll("[role=tab]")];
  const panels = [...root.querySelectorAll("[role=tabpanel]")];
  const runButton = root.querySelector("[data-action=run]");
  const stopButton = root.querySelector("[data-action=stop]");
  const stdinForm = root.querySelector("form.stdin");
  const view = new OutputView({
    log: root.querySelector("[role=log]"),
    status: root.querySelector(".status"),
    stdinForm,
  });
  const runner = new Runner(new URL(data.worker, location.href));
  const wasmURL = (p) => new URL(p.wasm, location.href).href;
  let current = 0;

  const select = (i, focus = false) => {
    current = i;
    tabs.forEach((t, j) => {
      t.setAttribute("aria-selected", String(j === i));
      t.tabIndex = j === i ? 0 : -1;
    });
    panels.forEach((p, j) => (p.hidden = j !== i));
    if (focus) tabs[i].focus();
    runner.prepare(wasmURL(data.programs[i]));
  };
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => select(i));
    t.addEventListener("keydown", (e) => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (step) {
        e.preventDefault();
        select((i + step + tabs.length) % tabs.length, true);
      }
    });
  });

  const clockInputs = [...root.querySelectorAll("input[name=clock]")];
  const saved = localStorage.getItem(CLOCK_KEY);
  clockInputs.forEach((input) => {
    input.checked = input.value === (saved || "virtual");
    input.addEventListener("change", () => localStorage.setItem(CLOCK_KEY, input.value));
  });
  const clock = () => clockInputs.find((i) => i.checked)?.value || "virtual";

  const setRunning = (running) => {
    runButton.disabled = running;
    stopButton.disabled = !running;
    root.classList.toggle("running", running);
  };

  const run = () => {
    const program = data.programs[current];
    view.begin();
    setRunning(true);
    runner.run({ wasm: wasmURL(program), files: data.files, clock: clock() }, (events) => {
      view.push(events);
      const last = events[events.length - 1];
      if (last.kind === "exit" || last.kind === "error") setRunning(false);
    });
  };
  runButton.addEventListener("click", run);
  stopButton.addEventListener("click", () => {
    if (runner.stop()) {
      view.stopped();
      setRunning(false);
      runButton.focus();
    }
  });
  root.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!runButton.disabled) run();
    }
  });
  stdinForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const input = stdinForm.elements.line;
    runner.sendInput(input.value + "\n");
    input.value = "";
  });

  select(0);
  return { run, stop: () => stopButton.click(), runner, view };
}

const dataElement = document.getElementById("lesson-data");
const data = dataElement ? JSON.parse(dataElement.textContent) : null;
setupNavigation(data);
const root = document.querySelector(".playground");
if (root && data) window.playground = setupPlayground(root, data);
