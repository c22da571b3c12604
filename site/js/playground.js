// playground.js wires one program panel (the .playground markup of the lesson, shared and
// embed pages): program tabs with editors, Run and Stop, Format and Reset, Share (and
// Embed, on lesson pages), the clock switch, the input line, the toolchain's progress
// bar, the output and the timeline.
//
// An unchanged program with a precompiled WebAssembly file runs that. An edited one (or
// one without, such as a shared program) is compiled and linked in the browser by the
// build worker first; edits are saved per program and survive a reload.
import { Runner } from "./runner.js";
import { Builder } from "./builder.js";
import { OutputView } from "./output-view.js";
import { TimelineView } from "./timeline-view.js";
import { createEditor } from "./editor.js";
import { Kind } from "./events.js";
import { shareProgram, embedSnippets } from "./share.js";
import { showDialog } from "./dialog.js";

const CLOCK_KEY = "playground:clock";
// How long typing must pause before an edited program is built ahead of Run.
const SPECULATIVE_BUILD_MS = 800;

/** editKey is the localStorage key of a lesson program's saved edit. */
export const editKey = (slug, file) => `playground:edit:${slug}/${file}`;

// deadlockMarks turns a deadlock diagnosis into editor marks: where each goroutine waits,
// and where it took the locks it holds.
// Goroutines that wait alike at one line share one mark.
function deadlockMarks(e) {
  const marks = [];
  const waiting = new Map(); // line and words -> {line, name, what, ids}
  for (const g of e.goroutines) {
    if (g.line) {
      const what = g.wants
        ? `wants ${g.wants.name}${g.wants.heldBy.length ? `, held by goroutine ${g.wants.heldBy.join(" and ")}` : ""}`
        : `waits in ${g.wait}`;
      const key = `${g.line}|${g.name}|${what}`;
      if (!waiting.has(key)) waiting.set(key, { line: g.line, name: g.name, what, ids: [] });
      waiting.get(key).ids.push(g.id);
    }
    for (const h of g.holds) {
      marks.push({ line: h.line, message: `goroutine ${g.id} (${g.name}) took ${h.name} here and still holds it`, severity: "warning" });
    }
  }
  for (const w of waiting.values()) {
    const who = w.ids.length === 1 ? `goroutine ${w.ids[0]}` : `${w.ids.length.toLocaleString("en-US")} goroutines`;
    const verb = w.ids.length === 1 ? w.what : w.what.replace(/^wants /, "want ").replace(/^waits /, "wait ");
    marks.push({ line: w.line, message: `${who} (${w.name}) ${verb}`, severity: "error" });
  }
  return marks;
}

export function readSaved(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage may be full or disabled; the edit still lives in the editor.
  }
}

// ProgressBar shows how much of the toolchain has been fetched.
class ProgressBar {
  constructor(root) {
    this.root = root;
    this.bar = root.querySelector("progress");
    this.label = root.querySelector(".label");
  }
  update({ loaded, total }) {
    const mb = (n) => (n / 1e6).toFixed(1);
    this.root.hidden = loaded >= total;
    this.bar.max = total;
    this.bar.value = loaded;
    this.label.textContent = `Loading the Go compiler: ${mb(loaded)} of ${mb(total)} MB`;
  }
}

/**
 * setupPlayground wires the program panel root for the page's data (LessonData, written
 * by tools/internal/site). options:
 *   storageKey(program)  the localStorage key of a program's saved edit; null saves none
 *                        (default: per lesson and file)
 *   readonly             the editors refuse edits
 *   lines                {from, to}: the editors show only these lines of each program
 *   clock                "virtual" or "real": the clock to start with, this time only
 *   timeline             false: no timeline under the output
 *   onRun(program)       a run begins (its build, if it needs one, first)
 *   onEvents(events, program)  every batch of a run's events (events.js), for pages
 *                        that pass them on
 * It returns the page's handles (for tests and benchmarks).
 */
export function setupPlayground(root, data, options = {}) {
  const storageKey = options.storageKey === undefined ? (p) => editKey(data.slug, p.name) : options.storageKey;
  const tabs = [...root.querySelectorAll("[role=tab]")];
  const panels = [...root.querySelectorAll("[role=tabpanel]")];
  const button = (action) => root.querySelector(`[data-action=${action}]`);
  const [runButton, stopButton, formatButton, resetButton] = ["run", "stop", "format", "reset"].map(button);
  const stdinForm = root.querySelector("form.stdin");
  const view = new OutputView({ log: root.querySelector("[role=log]"), status: root.querySelector(".status"), stdinForm });
  const progress = new ProgressBar(root.querySelector(".toolchain-progress"));
  const timeline = new TimelineView(root.querySelector(".timeline-host"), {
    onLine: (line) => editors[current].revealLine(line),
  });
  const traceTools = root.querySelector(".timeline-tools");
  const traceLink = traceTools.querySelector("a");
  let traceURL = null;
  const setTrace = (data) => {
    if (traceURL) URL.revokeObjectURL(traceURL);
    traceURL = data ? URL.createObjectURL(new Blob([data], { type: "application/octet-stream" })) : null;
    traceTools.hidden = !traceURL;
    if (traceURL) traceLink.href = traceURL;
  };
  const timelineURL = new URL(data.timeline, location.href).href;
  // How the latest timeline was made: read in the worker, drawn here (for benchmarks).
  const timelineStats = { count: 0, readMs: 0, drawMs: 0, spans: 0 };
  const runner = new Runner(new URL(data.worker, location.href));
  const builder = new Builder({
    workerURL: new URL(data.buildWorker, location.href),
    toolchainURL: new URL(data.toolchain, location.href).href,
    gofmtURL: new URL(data.gofmt, location.href).href,
  });
  builder.onProgress((e) => e.kind === Kind.ToolchainProgress && progress.update(e));
  const wasmURL = (p) => new URL(p.wasm, location.href).href;
  let current = 0;
  let runID = 0; // the run whose events the view shows

  const editors = data.programs.map((program, i) => {
    const key = storageKey?.(program) ?? null;
    const saved = key ? readSaved(key) : null;
    const host = panels[i].querySelector(".code");
    host.replaceChildren(); // the highlighted copy was for readers without JavaScript
    let saveTimer = 0;
    let buildTimer = 0;
    const editor = createEditor(host, {
      doc: saved ?? program.source,
      label: `Go program ${program.name}`,
      readonly: !!options.readonly,
      lines: options.lines,
      onRun: () => run(),
      onChange: (text) => {
        markEdited(i, text !== program.source);
        clearTimeout(saveTimer);
        if (key) saveTimer = setTimeout(() => save(key, text === program.source ? null : text), 250);
        builder.warm(); // the first edit fetches and warms the compiler
        // When typing pauses, build in the background: Run then finds the program built.
        clearTimeout(buildTimer);
        if (text !== program.source) {
          buildTimer = setTimeout(() => builder.warmedUp && !root.classList.contains("running") && builder.build(text), SPECULATIVE_BUILD_MS);
        }
      },
    });
    return editor;
  });

  function markEdited(i, edited) {
    tabs[i].classList.toggle("edited", edited);
    tabs[i].querySelector(".edited-mark").hidden = !edited;
    if (i === current) resetButton.disabled = !edited;
  }

  const select = (i, focus = false) => {
    current = i;
    tabs.forEach((t, j) => {
      t.setAttribute("aria-selected", String(j === i));
      t.tabIndex = j === i ? 0 : -1;
    });
    panels.forEach((p, j) => (p.hidden = j !== i));
    if (focus) tabs[i].focus();
    resetButton.disabled = editors[i].text() === data.programs[i].source;
    if (data.programs[i].wasm) runner.prepare(wasmURL(data.programs[i]));
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
  const savedClock = readSaved(CLOCK_KEY);
  clockInputs.forEach((input) => {
    input.checked = input.value === (options.clock || savedClock || "virtual");
    input.addEventListener("change", () => save(CLOCK_KEY, input.value));
  });
  const clock = () => clockInputs.find((i) => i.checked)?.value || "virtual";

  const setRunning = (running) => {
    runButton.disabled = running;
    stopButton.disabled = !running;
    root.classList.toggle("running", running);
  };

  async function run() {
    if (runButton.disabled) return;
    const id = ++runID;
    const program = data.programs[current];
    const editor = editors[current];
    const source = editor.text();
    editor.clearDiagnostics();
    view.begin();
    timeline.clear();
    setTrace(null);
    setRunning(true);
    const onEvents = (events) => {
      if (id !== runID) return;
      options.onEvents?.(events, program);
      view.push(events.filter((e) => e.kind !== Kind.Trace && e.kind !== Kind.Timeline));
      for (const e of events) {
        if (e.kind === Kind.Deadlock) editor.showDiagnostics(deadlockMarks(e));
        if (e.kind === Kind.Panic && e.line) editor.showDiagnostics([{ line: e.line, message: `panic: ${e.message}` }]);
        if (e.kind === Kind.Trace) {
          setTrace(e.data);
          if (e.missing) timeline.note(`No timeline: ${e.missing}.`);
        }
        if (e.kind === Kind.Timeline) {
          if (e.error) timeline.note(`No timeline: ${e.error}`);
          else {
            const drawMs = timeline.show(e.timeline, e.lines);
            Object.assign(timelineStats, { count: timelineStats.count + 1, readMs: e.readMs, drawMs, spans: e.timeline.spans });
          }
        }
      }
      const last = events[events.length - 1];
      if (last.kind === Kind.Exit || last.kind === Kind.Error) setRunning(false);
    };
    options.onRun?.(program);
    if (source === program.source && program.wasm) {
      runner.run({ wasm: wasmURL(program), files: data.files, clock: clock(), source, timeline: timelineURL }, onEvents);
      return;
    }
    const built = await builder.build(source, (e) => {
      if (e.kind === Kind.ToolchainProgress) progress.update(e);
      else if (id === runID) {
        view.push([e]);
        options.onEvents?.([e], program);
        if (e.kind === Kind.CompileError) editor.showDiagnostics(e.diagnostics);
      }
    });
    if (id !== runID) return; // stopped while compiling
    if (!built.ok) {
      setRunning(false);
      return;
    }
    runner.run({ bytes: built.wasm, files: data.files, clock: clock(), source, timeline: timelineURL }, onEvents);
  }

  runButton.addEventListener("click", run);
  stopButton.addEventListener("click", () => {
    runID++;
    runner.stop();
    view.stopped();
    timeline.note("No timeline: the program was stopped before its trace was written.");
    setRunning(false);
    runButton.focus();
  });
  formatButton.addEventListener("click", async () => {
    const editor = editors[current];
    formatButton.disabled = true;
    const r = await builder.format(editor.text());
    formatButton.disabled = false;
    if (r.error) {
      // gofmt reports "line:col: message"; show it as the compiler's would be.
      const diagnostics = r.error.split("\n").map((l) => /^(\d+):(\d+): (.*)$/.exec(l)).filter(Boolean)
        .map((m) => ({ file: "main.go", line: Number(m[1]), col: Number(m[2]), message: m[3] }));
      editor.showDiagnostics(diagnostics);
      view.note(`Format: ${r.error.split("\n").map((l) => `main.go:${l}`).join("; ")}`, "error");
    } else if (r.source !== editor.text()) {
      editor.setText(r.source);
      editor.clearDiagnostics();
    }
  });
  resetButton.addEventListener("click", () => {
    editors[current].setText(data.programs[current].source);
    editors[current].clearDiagnostics();
    const key = storageKey?.(data.programs[current]);
    if (key) save(key, null);
  });
  root.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.target.closest(".cm-editor")) {
      e.preventDefault();
      run();
    }
  });
  stdinForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const input = stdinForm.elements.line;
    runner.sendInput(input.value + "\n");
    input.value = "";
  });

  data.programs.forEach((p, i) => markEdited(i, editors[i].text() !== p.source));
  select(0);
  // A program without a precompiled file (a shared one), or one with saved edits, will
  // need the compiler: start loading it now.
  if (data.programs.some((p, i) => !p.wasm || editors[i].text() !== p.source)) builder.warm();
  if (options.readonly) {
    formatButton.hidden = true;
    resetButton.hidden = true;
  }
  if (options.timeline === false) {
    root.querySelector(".timeline-host").hidden = true;
    traceTools.remove();
  }
  wireShare(root, data, () => ({ program: data.programs[current], source: editors[current].text() }), view);
  return { run, runner, builder, view, editors, timeline, timelineStats, select, current: () => current };
}


// wireShare makes the Share button give a link to the program as it is now, and the
// Embed button (lesson pages) the snippets that put the lesson into another page.
function wireShare(root, data, now, view) {
  const share = root.querySelector("[data-action=share]");
  share?.addEventListener("click", async () => {
    share.disabled = true;
    try {
      const { program, source } = now();
      const link = await shareProgram(source, { root: new URL(data.root, location.href), lesson: data.slug, program: program.name });
      showDialog({
        title: "Share this program",
        text: link.note ?? "Anyone with this link sees exactly this program, and can run and edit it.",
        fields: [{ label: "Link", value: link.url }],
        opener: share,
      });
    } catch (err) {
      view.note(`Share: ${err.message || err}`, "error");
    } finally {
      share.disabled = false;
    }
  });
  const embed = root.querySelector("[data-action=embed]");
  embed?.addEventListener("click", () => {
    const { program } = now();
    const { iframe, script } = embedSnippets({ root: new URL(data.root, location.href), lesson: data.slug, title: data.title, program: program.name });
    showDialog({
      title: "Embed this lesson",
      text: "Paste either snippet into a course page. The script tag sizes the frame to its content and tells your page when the learner runs the program.",
      fields: [{ label: "Frame", value: iframe, lines: 3 }, { label: "Script tag", value: script, lines: 3 }],
      opener: embed,
    });
  });
}
