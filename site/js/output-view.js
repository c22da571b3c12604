// output-view.js draws a run's events (events.js) into the output panel: program text as
// text, never HTML, one row per line with its time since the start; standard input
// requests as an input line; the closing line with the exit status and elapsed time.
import { Kind, formatElapsed } from "./events.js";
import { shownReport, summaryText } from "./diagnose.js";
import { t, list, count } from "./i18n.js";

// BADGES are the words of a test's verdict beside its name, by result.
const BADGES = {
  pass: "js.tests.badge.pass",
  fail: "js.tests.badge.fail",
  skip: "js.tests.badge.skip",
  deadlock: "js.tests.badge.deadlock",
  panic: "js.tests.badge.panic",
  stopped: "js.tests.badge.stopped",
};

// exitLine is the closing line of a run that ended with status.
function exitLine(status) {
  return status === 0 ? t("js.output.exit") : t("js.output.exit.status", { status });
}

// At most MAX_ROWS rows stay in the panel: a run that prints more shows its last ones,
// under a note that says how many came before, whose Copy button takes the whole output.
const MAX_ROWS = 2000;
// A frame adds as many rows as fit in about FRAME_BUDGET_MS (drawing and layout, by what
// the frames before took per row), so a flood of output is drawn a frame at a time and
// never holds the page in one long task. The budget is what this script measures; the
// frame's own style, layout and paint of those rows come after it and cost as much again
// or more, so it is well under a frame.
const FRAME_BUDGET_MS = 4;
const MIN_ROWS_PER_FRAME = 20;
const MAX_ROWS_PER_FRAME = 500;
// The panel is never more than MAX_LAG_FRAMES frames of drawing behind the output: rows
// further back are skipped (Copy still has them), so a run's last lines show soon after
// it ends, however fast it printed.
const MAX_LAG_FRAMES = 15;
// Lines of text are grouped CHUNK_ROWS to an element (.rows), which the browser does not
// lay out while it is out of view (content-visibility, site.css): adding rows to a full
// panel then lays out the last group, not every row.
const CHUNK_ROWS = 100;
// A frame reads the queued output into rows for about APPLY_BUDGET_MS and leaves the rest
// to the next frames: a flood can queue more text in one frame than the page can split
// into lines in that time, on a machine whose cores the program and the compiler share.
const APPLY_BUDGET_MS = 4;
// Output that comes after QUIET_MS without any is drawn at once, not at the next frame:
// a run's first line shows as soon as it is printed, even when the page has other work
// queued before that frame (a timeline to draw). A stream of output is drawn per frame.
const QUIET_MS = 50;

/** OutputView renders runs into a role="log" element. */
export class OutputView {
  constructor({ log, status, stdinForm, onRunTest = null }) {
    this.onRunTest = onRunTest;
    this.tests = [];
    this.log = log;
    this.status = status;
    this.stdinForm = stdinForm;
    this.queue = [];
    this.frame = 0;
    this.lastDraw = -Infinity; // when draw last ran (performance.now())
    this.openLine = null; // the row still waiting for its newline
    // Every row of the run, drawn or not: a line of text {kind, time, same, segs: [{kind,
    // text}], node}, or a box (a diagnosis, test results) {box, node}; node is the row's
    // element while the panel shows it, which it does for rows[shownStart, shownEnd).
    this.rows = [];
    this.shownStart = 0;
    this.shownEnd = 0;
    this.msPerRow = 0.1; // what adding a row has taken, averaged over the frames so far
    this.rowsPerFrame = 100; // what fits in FRAME_BUDGET_MS at that
    this.hiddenNote = null; // the note above the rows when earlier ones are not shown
  }

  /** begin clears the panel for a new run. */
  begin(message = t("js.output.running")) {
    this.queue = [];
    this.tests = [];
    this.log.replaceChildren();
    this.openLine = null;
    this.lastStamp = null;
    this.rows = [];
    this.shownStart = 0;
    this.shownEnd = 0;
    this.revealed = null;
    this.hideInput();
    this.status.textContent = message;
  }

  /** push queues events; they are drawn once per animation frame, or at once after a quiet spell. */
  push(events) {
    this.queue.push(...events);
    if (this.frame) return;
    if (performance.now() - this.lastDraw > QUIET_MS) this.draw();
    else this.frame = requestAnimationFrame(() => this.draw());
  }

  /** note adds a line of the playground's own (not program output). */
  note(text, kind = "note") {
    this.flushNow();
    this.closeLine();
    this.appendRow(kind, text);
    this.flushNow();
    this.scroll(true);
  }

  stopped() {
    this.note(t("js.output.stopped.note"));
    this.hideInput();
    this.status.textContent = t("js.output.stopped");
  }

  flushNow() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.draw(true);
  }

  // draw reads queued events (all of them with all, else for about APPLY_BUDGET_MS) and
  // adds the rows a frame takes.
  draw(all = false) {
    this.frame = 0;
    const start = performance.now();
    this.lastDraw = start;
    // Layout is read once, before anything changes, and written once after.
    const atBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 24;
    const events = this.queue;
    let applied = 0;
    while (applied < events.length && (all || applied === 0 || performance.now() - start < APPLY_BUDGET_MS)) this.apply(events[applied++]);
    this.queue = applied === events.length ? [] : events.slice(applied);
    const added = this.render();
    this.scroll(atBottom);
    if (this.revealed?.isConnected) {
      // Show a diagnosis from its top, not the end of the report under it.
      this.log.scrollTop = this.revealed.offsetTop - 8;
      this.revealed = null;
    }
    if (added >= MIN_ROWS_PER_FRAME) {
      // The scroll above laid the panel out: the time per row includes layout.
      this.msPerRow = 0.7 * this.msPerRow + 0.3 * ((performance.now() - start) / added);
      this.rowsPerFrame = Math.min(MAX_ROWS_PER_FRAME, Math.max(MIN_ROWS_PER_FRAME, Math.round(FRAME_BUDGET_MS / this.msPerRow)));
    }
    if ((this.shownEnd < this.rows.length || this.queue.length > 0) && !this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  // render adds the rows not yet in the panel, as many as a frame takes, and drops the
  // oldest past MAX_ROWS; it returns how many rows it added.
  render() {
    const rows = this.rows;
    const first = Math.max(0, rows.length - Math.min(MAX_ROWS, this.rowsPerFrame * MAX_LAG_FRAMES));
    if (this.shownEnd < first) {
      // Behind by more than the panel holds, or than it can draw soon: start again at
      // the rows it can.
      this.dropBefore(this.shownEnd);
      this.shownStart = this.shownEnd = first;
    }
    const end = Math.min(rows.length, this.shownEnd + this.rowsPerFrame);
    const added = end - this.shownEnd;
    for (let i = this.shownEnd; i < end; i++) this.place(rows[i]);
    this.shownEnd = end;
    this.dropBefore(this.shownEnd - MAX_ROWS);
    this.noteHidden();
    return added;
  }

  // dropBefore takes the rows before index i out of the panel.
  dropBefore(i) {
    while (this.shownStart < i) {
      const node = this.rows[this.shownStart].node;
      const group = node?.parentNode !== this.log ? node?.parentNode : null;
      if (group && node === group.firstChild && group.childElementCount <= i - this.shownStart) {
        // A group of lines that all go goes at once.
        group.remove();
        for (let n = group.childElementCount; n > 0; n--) this.rows[this.shownStart++].node = null;
        continue;
      }
      node?.remove();
      this.rows[this.shownStart++].node = null;
      if (group && !group.firstChild) group.remove();
    }
  }

  // place adds a row at the end of the panel: a line of text into the last group of
  // lines (a new one when it is full or a box came after it), a box on its own.
  place(row) {
    if (row.box) {
      row.node = row.box;
      this.log.append(row.node);
      return;
    }
    row.node = rowElement(row.kind, row.time, row.same);
    for (const s of row.segs) row.node.lastChild.append(segment(s.kind, s.text));
    let chunk = this.log.lastElementChild;
    if (!chunk?.classList.contains("rows") || chunk.childElementCount >= CHUNK_ROWS) {
      chunk = document.createElement("div");
      chunk.className = "rows";
      this.log.append(chunk);
    }
    chunk.append(row.node);
  }

  // noteHidden keeps the note above the rows in step with how many are not shown.
  noteHidden() {
    const hidden = this.shownStart;
    if (hidden === 0) {
      this.hiddenNote?.remove();
      return;
    }
    if (!this.hiddenNote) {
      this.hiddenNote = rowElement("note hidden-rows", "", false);
      const words = segment("note", "");
      const copy = document.createElement("button");
      copy.type = "button";
      copy.className = "copy-output";
      copy.textContent = t("js.dialog.copy");
      copy.addEventListener("click", async () => {
        copy.textContent = (await copyText(this.transcript())) ? t("js.dialog.copied") : t("js.output.copy-failed");
        setTimeout(() => (copy.textContent = t("js.dialog.copy")), 2000);
      });
      this.hiddenNote.lastChild.append(words, " ", copy);
    }
    this.hiddenNote.lastChild.firstChild.textContent = t("js.output.hidden-rows", { rows: count(hidden) });
    if (this.log.firstChild !== this.hiddenNote) this.log.prepend(this.hiddenNote);
  }

  /** transcript is the run's whole output as text, rows the panel no longer shows too. */
  transcript() {
    return this.rows.map((r) => (r.box ? r.box.textContent : r.segs.map((s) => s.text).join(""))).join("\n") + "\n";
  }

  apply(e) {
    switch (e.kind) {
      case Kind.Start:
        this.status.textContent = e.clock === "real" ? t("js.output.running.real") : t("js.output.running.virtual");
        break;
      case Kind.Stdout:
      case Kind.Stderr:
      case Kind.Stdin:
        this.hideInput();
        this.text(e.kind, e.body, e.t);
        break;
      case Kind.StdinWait:
        this.showInput();
        break;
      case Kind.Truncated:
        this.closeLine();
        this.appendRow("note", e.over === "bytes"
          ? t("js.output.truncated.bytes", { kib: Math.round(e.max / 1024) })
          : t("js.output.truncated.lines", { lines: e.max }));
        break;
      case Kind.Exit: {
        this.closeLine();
        this.hideInput();
        const line = e.status === -1 ? t("js.output.stopped.note") : exitLine(e.status);
        this.appendRow(e.status === 0 ? "exit" : "exit failed", `${line}  (${formatElapsed(e.elapsed)})`);
        this.status.textContent = `${line} ${formatElapsed(e.elapsed)}`;
        break;
      }
      case Kind.BuildStart:
        this.status.textContent = t("js.output.compiling");
        break;
      case Kind.BuildDone:
        this.appendRow("note", e.cached
          ? t("js.output.cached")
          : t("js.output.built", { compile: formatElapsed(e.compileMs), link: formatElapsed(e.linkMs) }));
        break;
      case Kind.CompileError:
        this.closeLine();
        for (const line of e.output.trimEnd().split("\n")) this.appendRow("stderr", line);
        this.appendRow("exit failed", t("js.output.build-failed.note"));
        this.status.textContent = t("js.output.build-failed");
        break;
      case Kind.Deadlock:
        this.closeLine();
        this.deadlock(e);
        break;
      case Kind.Test:
        this.tests.push(e);
        break;
      case Kind.TestSummary:
        this.closeLine();
        this.testResults(e);
        break;
      case Kind.MemoryLimit:
        this.closeLine();
        this.appendRow("note", t("js.output.memory", { mib: Math.round(e.limit / 2 ** 20) }));
        break;
      case Kind.Panic:
        this.closeLine();
        if (e.line) this.appendRow("error", t(e.func ? "js.output.panic.in" : "js.output.panic", { line: e.line, func: e.func, message: e.message }));
        break;
      case Kind.Error:
        this.closeLine();
        this.hideInput();
        this.appendRow("error", e.during ? t(e.during === "load" ? "js.output.error.load" : "js.output.error.run", { message: e.message }) : e.message);
        this.status.textContent = t("js.output.error");
        break;
    }
  }

  // deadlock shows the diagnosis in plain language, with the runtime's own report one
  // click away.
  deadlock(e) {
    const box = document.createElement("section");
    box.className = "diagnosis";
    box.setAttribute("aria-label", t("js.deadlock.label"));
    const title = document.createElement("h3");
    title.textContent = t("js.deadlock.title");
    const sentences = document.createElement("ul");
    summaryText(e).forEach((sentence, i) => {
      const li = document.createElement("li");
      li.textContent = sentence;
      const ids = e.summary[i].ids;
      if (ids?.length > 1) {
        // The goroutines a grouped sentence speaks of, one click away.
        const which = document.createElement("details");
        const label = document.createElement("summary");
        label.textContent = t("js.deadlock.which");
        const names = document.createElement("p");
        names.textContent = t("js.deadlock.ids", { ids: list(ids) });
        which.append(label, names);
        li.append(which);
      }
      sentences.append(li);
    });
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = t("js.deadlock.report");
    details.append(summary);
    const report = document.createElement("div");
    report.className = "report";
    for (const line of shownReport(e.report).trimEnd().split("\n")) {
      const row = this.row("stderr", null);
      const seg = document.createElement("span");
      seg.className = "seg stderr";
      seg.textContent = line;
      row.lastChild.append(seg);
      report.append(row);
    }
    details.append(report);
    box.append(title, sentences, details);
    this.rows.push({ box, node: null });
    this.revealed = box;
  }

  // testResults lists the tests of a test run under its output: each with its verdict
  // and time, a failing one with its messages; a test's name reruns it alone.
  testResults(summary) {
    const box = document.createElement("section");
    box.className = `test-results ${summary.result}`;
    box.setAttribute("aria-label", t("js.tests.label"));
    const title = document.createElement("h3");
    const counts = [t("js.tests.passed", { n: summary.passed })];
    if (summary.failed) counts.push(t("js.tests.failed", { n: summary.failed }));
    if (summary.skipped) counts.push(t("js.tests.skipped", { n: summary.skipped }));
    const all = { counts: counts.join(t("js.tests.sep")) };
    title.textContent = {
      pass: t("js.tests.pass", all),
      deadlock: t("js.tests.deadlock"),
      panic: t("js.tests.panic"),
      none: t("js.tests.none"),
    }[summary.result] ?? t("js.tests.fail", all);
    const list = document.createElement("ul");
    for (const test of this.tests) {
      const li = document.createElement("li");
      li.className = `test ${test.result}`;
      if (test.name.includes("/")) li.classList.add("subtest");
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = t(BADGES[test.result] ?? "js.tests.badge.fail");
      const name = document.createElement(this.onRunTest && !test.name.includes("/") ? "button" : "span");
      name.className = "name";
      name.textContent = test.name;
      if (name.tagName === "BUTTON") {
        name.type = "button";
        name.title = t("js.tests.alone", { name: test.name });
        name.addEventListener("click", () => this.onRunTest(test.name));
      }
      const time = document.createElement("span");
      time.className = "elapsed";
      time.textContent = formatElapsed(test.elapsed);
      li.append(badge, " ", name, " ", time);
      for (const f of test.failures) {
        const p = document.createElement("p");
        p.className = "failure";
        p.textContent = `${f.file}:${f.line}: ${f.message}`;
        li.append(p);
      }
      list.append(li);
    }
    box.append(title, list);
    this.rows.push({ box, node: null });
    this.revealed = box;
  }

  // text adds program output (or echoed input) to the panel. A row is one line; input
  // typed at a prompt continues the prompt's row, as in a terminal.
  text(kind, body, t) {
    const parts = body.split("\n");
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === "") return; // body ended with a newline
      if (!this.openLine) {
        this.openLine = { kind, ...this.stamp(t), segs: [], node: null };
        this.rows.push(this.openLine);
      }
      const line = this.openLine;
      const seg = line.segs[line.segs.length - 1];
      if (seg?.kind === kind) {
        seg.text += part;
        if (line.node) line.node.lastChild.lastChild.textContent += part;
      } else {
        line.segs.push({ kind, text: part });
        if (line.node) line.node.lastChild.append(segment(kind, part));
      }
      if (!last) this.openLine = null;
    });
  }

  closeLine() {
    this.openLine = null;
  }

  appendRow(kind, text) {
    this.rows.push({ kind, time: "", same: false, segs: [{ kind: kind.split(" ")[0], text }], node: null });
  }

  row(kind, t) {
    const { time, same } = this.stamp(t);
    return rowElement(kind, time, same);
  }

  // stamp is the time column of a row written at t ms (none for null), and whether it
  // repeats the time of the row above: repeated times are dimmed, so the moments when
  // time moves stand out.
  stamp(t) {
    if (t === null || t === undefined) return { time: "", same: false };
    const time = `${(t / 1000).toFixed(3)}s`;
    const same = time === this.lastStamp;
    this.lastStamp = time;
    return { time, same };
  }

  scroll(stick) {
    if (stick) this.log.scrollTop = this.log.scrollHeight;
  }

  showInput() {
    this.stdinForm.hidden = false;
    this.status.textContent = t("js.output.waiting-input");
    this.stdinForm.querySelector("input").focus({ preventScroll: true });
  }

  hideInput() {
    if (this.stdinForm.hidden) return;
    const hadFocus = this.stdinForm.contains(document.activeElement);
    this.stdinForm.hidden = true;
    if (hadFocus) this.log.focus({ preventScroll: true });
  }
}

// rowElement makes an empty row: its time column, then its text, which segments fill.
function rowElement(kind, time, same) {
  const row = document.createElement("div");
  row.className = `line ${kind}`;
  const stamp = document.createElement("span");
  stamp.className = same ? "t same" : "t";
  stamp.textContent = time;
  const text = document.createElement("span");
  text.className = "text";
  row.append(stamp, text);
  return row;
}

function segment(kind, text) {
  const seg = document.createElement("span");
  seg.className = `seg ${kind}`;
  seg.textContent = text;
  return seg;
}

// copyText puts text on the clipboard, and reports whether it could.
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = !!document.execCommand?.("copy");
    area.remove();
    return copied;
  }
}
