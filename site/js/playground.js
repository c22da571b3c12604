// playground.js wires one program panel (the .playground markup of the lesson, shared and
// embed pages): program tabs, each with its files (file-tabs.js), Run, Test and Stop,
// Format and Reset, Share (and Embed, on lesson pages), the clock switch, the input line,
// the toolchain's progress bar, the output and the timeline.
//
// An unchanged program with a precompiled WebAssembly file runs that. An edited one (or
// one without, such as a shared program) is compiled and linked in the browser by the
// build worker first; edits are saved per program and survive a reload. A program with a
// _test.go file can be tested: Test builds its test binary and runs it with -test.v.
import { Runner } from "./runner.js";
import { Builder } from "./builder.js";
import { OutputView } from "./output-view.js";
import { TimelineView } from "./timeline-view.js";
import { FileSet } from "./file-tabs.js";
import { Kind } from "./events.js";
import { shareProgram, embedSnippets } from "./share.js";
import { showDialog } from "./dialog.js";
import { editKey, readSaved, save } from "./storage.js";
import { TEST_ARGS, runArgs } from "./go-test-report.js";
import { formatProgram } from "./program-files.js";
import { PredictionBox } from "./prediction.js";
import { deadlockMarks } from "./diagnose.js";
import { t } from "./i18n.js";

export { editKey, readSaved, save };

const CLOCK_KEY = "playground:clock";
// How long typing must pause before an edited program is built ahead of Run: shorter
// than a learner takes to reach for Run after the last keystroke (a second or so), so the
// build is mostly done by the click. A build of the toolchain that is warm takes about
// half a second, and typing that resumes only queues the next one.
const SPECULATIVE_BUILD_MS = 500;

// NO_TRACE says why a run has no timeline, by the trace event's missing.
const NO_TRACE = {
  "too-big": "js.timeline.none.too-big",
  crashed: "js.timeline.none.crashed",
  "cut-off": "js.timeline.none.cut-off",
  ended: "js.timeline.none.ended",
};

// canAffordTools tells whether this device should hold the toolchain (well over 100 MB of
// memory once loaded) without being asked: not when the learner asked to save data, nor
// on a device with little memory.
function canAffordTools() {
  return !navigator.connection?.saveData && !(navigator.deviceMemory < 4);
}

// whenIdle runs fn once the page has loaded and the browser is idle.
function whenIdle(fn) {
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
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
    this.label.textContent = t("js.toolchain.progress", { loaded: mb(loaded), total: mb(total) });
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
 *   onTestSummary(event, program)  a test run has its verdict (test-summary)
 *   loadKeptTools        false: do not load the toolchain when the page opens even if
 *                        this browser keeps it (embedded pages, many to a page)
 * It returns the page's handles (for tests and benchmarks).
 */
export function setupPlayground(root, data, options = {}) {
  const storageKey = options.storageKey === undefined ? (p) => editKey(data.slug, p.name) : options.storageKey;
  const tabs = [...root.querySelectorAll("[role=tab]")];
  const panels = [...root.querySelectorAll("[role=tabpanel]")];
  const button = (action) => root.querySelector(`[data-action=${action}]`);
  const [runButton, testButton, stopButton, formatButton, resetButton] = ["run", "test", "stop", "format", "reset"].map(button);
  const stdinForm = root.querySelector("form.stdin");
  const view = new OutputView({
    log: root.querySelector("[role=log]"), status: root.querySelector(".status"), stdinForm,
    onRunTest: (name) => run({ test: true, only: name }),
  });
  const prediction = new PredictionBox(root.querySelector(".predict"));
  const progress = new ProgressBar(root.querySelector(".toolchain-progress"));
  const timeline = new TimelineView(root.querySelector(".timeline-host"), {
    onLine: (line) => sets[current].selectFile("main.go").revealLine(line),
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
  // How the latest timeline was made: read in the worker, drawn here (for benchmarks).
  const timelineStats = { count: 0, readMs: 0, drawMs: 0, spans: 0 };
  const runner = new Runner(new URL(data.worker, location.href));
  const builder = new Builder({
    workerURL: new URL(data.buildWorker, location.href),
    toolchainURL: new URL(data.toolchain, location.href).href,
    gofmtURL: new URL(data.gofmt, location.href).href,
    tools: data.tools && { compile: new URL(data.tools.compile, location.href).href, link: new URL(data.tools.link, location.href).href },
  });
  builder.onProgress((e) => e.kind === Kind.ToolchainProgress && progress.update(e));
  const wasmURL = (p) => new URL(p.wasm, location.href).href;
  let current = 0;
  let runID = 0; // the run whose events the view shows

  // Each program's files: main.go, then what the program brings (an exercise's tests).
  // A pause in typing builds ahead after SPECULATIVE_BUILD_MS, unless Run comes first.
  const buildTimers = [];
  const sets = data.programs.map((program, i) => {
    const key = storageKey?.(program) ?? null;
    const set = new FileSet(panels[i], [{ name: "main.go", source: program.source }, ...(program.files ?? [])], key, {
      readonly: !!options.readonly,
      lines: options.lines,
      onRun: () => run(),
      onTest: () => run({ test: true }),
      onChange: () => {
        markEdited(i);
        builder.warm(); // the first edit fetches and warms the compiler
        // When typing pauses, build in the background, and have the runner compile what it
        // built: Run then finds the program built and compiled.
        clearTimeout(buildTimers[i]);
        if (set.edited()) {
          buildTimers[i] = setTimeout(() => {
            if (!builder.warmedUp || root.classList.contains("running")) return;
            builder.build(set.sources()).then((built) => {
              if (built.ok && !root.classList.contains("running")) runner.prepareBuilt(built.wasm);
            });
          }, SPECULATIVE_BUILD_MS);
        }
      },
      onFilesChanged: () => {
        markEdited(i);
        if (i === current) testButton.hidden = !set.hasTests();
      },
    });
    return set;
  });
  // main.go's editor of each program (for tests and benchmarks).
  const editors = sets.map((set) => set.main);

  function markEdited(i) {
    const edited = sets[i].edited();
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
    resetButton.disabled = !sets[i].edited();
    testButton.hidden = !sets[i].hasTests();
    prediction.show(data.programs[i].predict ?? null);
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
    testButton.disabled = running;
    stopButton.disabled = !running;
    root.classList.toggle("running", running);
  };

  /**
   * run builds (when needed) and runs the program shown. With test, it builds the test
   * binary and runs its tests, or only the top-level test called only; it resolves with
   * the test-summary event then (null when the build failed or the run was stopped).
   */
  function run({ test = false, only = null } = {}) {
    if (runButton.disabled) return Promise.resolve(null);
    const id = ++runID;
    const index = current;
    const program = data.programs[index];
    const set = sets[index];
    clearTimeout(buildTimers[index]); // this run builds what a pause would have
    const files = set.sources();
    const source = files[0].source;
    set.clearDiagnostics();
    view.begin(t(test ? "js.output.testing" : "js.output.running"));
    timeline.clear();
    setTrace(null);
    setRunning(true);
    if (!test) prediction.begin();
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    let failures = [];
    const onEvents = (events) => {
      if (id !== runID) return;
      options.onEvents?.(events, program);
      view.push(events.filter((e) => e.kind !== Kind.Trace && e.kind !== Kind.Timeline));
      for (const e of events) {
        if (e.kind === Kind.Deadlock) set.showDiagnostics(deadlockMarks(e).map((m) => ({ ...m, file: "main.go" })));
        if (e.kind === Kind.Panic && e.line) set.showDiagnostics([{ file: "main.go", line: e.line, message: `panic: ${e.message}` }]);
        if ((e.kind === Kind.Stdout || e.kind === Kind.Stderr) && !test) prediction.output(e.body);
        // The runtime's deadlock report is printed too, though it comes as its own event.
        if (e.kind === Kind.Deadlock && !test) prediction.output(e.report);
        if (e.kind === Kind.Test && e.failures.length) {
          failures = failures.concat(e.failures.map((f) => ({ ...f, col: 0, message: `${e.name}: ${f.message}` })));
        }
        if (e.kind === Kind.TestSummary) {
          if (failures.length) set.showDiagnostics(failures);
          options.onTestSummary?.(e, program);
          finish(e);
        }
        if (e.kind === Kind.Trace) {
          setTrace(e.data);
          if (e.missing) timeline.note(t(NO_TRACE[e.missing] ?? "js.timeline.none.ended", { mib: Math.round((e.max ?? 0) / 2 ** 20) }));
        }
        if (e.kind === Kind.Timeline) {
          if (e.error) timeline.note(t("js.timeline.none.error", { error: e.error }));
          else {
            // Drawn in a task of its own: the message that brought a large timeline
            // already took its time to arrive, and the page stays responsive between.
            setTimeout(() => {
              if (id !== runID) return;
              const drawMs = timeline.show(e.timeline, e.lines);
              Object.assign(timelineStats, { count: timelineStats.count + 1, readMs: e.readMs, drawMs, spans: e.timeline.spans });
            }, 0);
          }
        }
      }
      const last = events[events.length - 1];
      if (last.kind === Kind.Exit || last.kind === Kind.Error) {
        setRunning(false);
        if (!test) prediction.end();
        finish(null);
      }
    };
    options.onRun?.(program);
    stopped = () => finish(null);
    if (!test && !set.edited() && program.wasm) {
      runner.run({ wasm: wasmURL(program), files: data.files, clock: clock(), source, timeline: true }, onEvents);
      return finished;
    }
    builder.build(files, (e) => {
      if (e.kind === Kind.ToolchainProgress) progress.update(e);
      else if (id === runID) {
        view.push([e]);
        options.onEvents?.([e], program);
        if (e.kind === Kind.CompileError) set.showDiagnostics(e.diagnostics);
      }
    }, { test }).then((built) => {
      if (id !== runID) return; // stopped while compiling
      if (!built.ok) {
        setRunning(false);
        finish(null);
        return;
      }
      const args = test ? (only ? runArgs(only) : [...TEST_ARGS]) : [];
      runner.run({ bytes: built.wasm, files: data.files, clock: clock(), source, timeline: true, args, test }, onEvents);
    });
    return finished;
  }
  let stopped = () => {};

  runButton.addEventListener("click", () => run());
  testButton.addEventListener("click", () => run({ test: true }));
  stopButton.addEventListener("click", () => {
    runID++;
    stopped();
    prediction.end();
    runner.stop();
    view.stopped();
    timeline.note(t("js.timeline.none.stopped"));
    setRunning(false);
    runButton.focus();
  });
  formatButton.addEventListener("click", async () => {
    const set = sets[current];
    const editor = set.current;
    const file = set.files[set.active].name;
    formatButton.disabled = true;
    const r = await builder.format(editor.text());
    formatButton.disabled = false;
    if (r.error) {
      // gofmt reports "line:col: message"; show it as the compiler's would be.
      const diagnostics = r.error.split("\n").map((l) => /^(\d+):(\d+): (.*)$/.exec(l)).filter(Boolean)
        .map((m) => ({ file, line: Number(m[1]), col: Number(m[2]), message: m[3] }));
      editor.showDiagnostics(diagnostics);
      view.note(t("js.format.error", { error: r.error.split("\n").map((l) => `${file}:${l}`).join("; ") }), "error");
    } else if (r.source !== editor.text()) {
      editor.setText(r.source);
      editor.clearDiagnostics();
    }
  });
  resetButton.addEventListener("click", () => {
    sets[current].reset();
    markEdited(current);
  });
  root.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.target.closest(".cm-editor")) {
      e.preventDefault();
      if (e.shiftKey) {
        if (sets[current].hasTests()) run({ test: true });
      } else run();
    }
  });
  stdinForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const input = stdinForm.elements.line;
    runner.sendInput(input.value + "\n");
    input.value = "";
  });

  data.programs.forEach((p, i) => markEdited(i));
  select(0);
  // A program without a precompiled file (a shared one), or one with saved edits, will
  // need the compiler: start loading it now. An exercise is built only when it is
  // checked or run, so a page with one costs nothing of the toolchain until then.
  if (data.programs.some((p, i) => (!p.wasm && !p.exercise) || sets[i].edited())) builder.warm();
  else if (!options.readonly) {
    // A learner who reaches into an editor is about to edit: start loading then, not at
    // the first change.
    root.addEventListener("focusin", (e) => e.target.closest?.(".cm-content") && builder.warm());
    // A browser that keeps the tools from an earlier visit loads them once the page is
    // idle: it costs no download, and the first edit then finds them ready.
    if (options.loadKeptTools !== false && canAffordTools()) whenIdle(() => builder.warmIfKept());
  }
  if (options.readonly) {
    formatButton.hidden = true;
    resetButton.hidden = true;
  }
  if (options.timeline === false) {
    root.querySelector(".timeline-host").hidden = true;
    traceTools.remove();
  }
  wireShare(root, data, () => ({ program: data.programs[current], source: formatProgram(sets[current].sources()) }), view);
  return { run, runner, builder, view, editors, sets, timeline, timelineStats, select, current: () => current };
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
        title: t("js.share.title"),
        text: link.note ?? t("js.share.text"),
        fields: [{ label: t("js.share.link"), value: link.url }],
        opener: share,
      });
    } catch (err) {
      view.note(t("js.share.error", { error: err.message || err }), "error");
    } finally {
      share.disabled = false;
    }
  });
  const embed = root.querySelector("[data-action=embed]");
  embed?.addEventListener("click", () => {
    const { program } = now();
    const { iframe, script } = embedSnippets({ root: new URL(data.root, location.href), lesson: data.slug, title: data.title, program: program.name });
    showDialog({
      title: t("js.embed.title"),
      text: t("js.embed.text"),
      fields: [{ label: t("js.embed.frame"), value: iframe, lines: 3 }, { label: t("js.embed.script"), value: script, lines: 3 }],
      opener: embed,
    });
  });
}
