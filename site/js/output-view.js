// output-view.js draws a run's events (events.js) into the output panel: program text as
// text, never HTML, one row per line with its time since the start; standard input
// requests as an input line; the closing line with the exit status and elapsed time.
import { Kind, exitLine, formatElapsed } from "./events.js";
import { shownReport } from "./diagnose.js";

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
    this.openLine = null; // the row still waiting for its newline
  }

  /** begin clears the panel for a new run. */
  begin(message = "Running…") {
    this.queue = [];
    this.tests = [];
    this.log.replaceChildren();
    this.openLine = null;
    this.lastStamp = null;
    this.hideInput();
    this.status.textContent = message;
  }

  /** push queues events; they are drawn once per animation frame. */
  push(events) {
    this.queue.push(...events);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  /** note adds a line of the playground's own (not program output). */
  note(text, kind = "note") {
    this.flushNow();
    this.closeLine();
    this.appendRow(kind, text);
    this.scroll(true);
  }

  stopped() {
    this.note("Program stopped.");
    this.hideInput();
    this.status.textContent = "Stopped";
  }

  flushNow() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.draw();
  }

  draw() {
    this.frame = 0;
    const atBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 24;
    const events = this.queue;
    this.queue = [];
    for (const e of events) this.apply(e);
    this.scroll(atBottom);
    if (this.revealed) {
      // Show a diagnosis from its top, not the end of the report under it.
      this.log.scrollTop = this.revealed.offsetTop - 8;
      this.revealed = null;
    }
  }

  apply(e) {
    switch (e.kind) {
      case Kind.Start:
        this.status.textContent = e.clock === "real" ? "Running (real time)…" : "Running (virtual time)…";
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
        this.appendRow("note", `Output truncated: ${e.reason}. The program was stopped.`);
        break;
      case Kind.Exit: {
        this.closeLine();
        this.hideInput();
        const line = e.status === -1 ? "Program stopped." : exitLine(e.status);
        this.appendRow(e.status === 0 ? "exit" : "exit failed", `${line}  (${formatElapsed(e.elapsed)})`);
        this.status.textContent = `${line} ${formatElapsed(e.elapsed)}`;
        break;
      }
      case Kind.BuildStart:
        this.status.textContent = "Compiling…";
        break;
      case Kind.BuildDone:
        this.appendRow("note", e.cached
          ? "Running the program built a moment ago."
          : `Compiled in ${formatElapsed(e.compileMs)}, linked in ${formatElapsed(e.linkMs)}.`);
        break;
      case Kind.CompileError:
        this.closeLine();
        for (const line of e.output.trimEnd().split("\n")) this.appendRow("stderr", line);
        this.appendRow("exit failed", "Build failed.");
        this.status.textContent = "Build failed";
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
        this.appendRow("note", `The program used more than ${Math.round(e.limit / 2 ** 20)} MiB of memory, the playground's limit, and was stopped.`);
        break;
      case Kind.Panic:
        this.closeLine();
        if (e.line) this.appendRow("error", `The program panicked at line ${e.line}${e.func ? ` in ${e.func}` : ""}: ${e.message}`);
        break;
      case Kind.Error:
        this.closeLine();
        this.hideInput();
        this.appendRow("error", e.message);
        this.status.textContent = "Error";
        break;
    }
  }

  // deadlock shows the diagnosis in plain language, with the runtime's own report one
  // click away.
  deadlock(e) {
    const box = document.createElement("section");
    box.className = "diagnosis";
    box.setAttribute("aria-label", "Deadlock");
    const title = document.createElement("h3");
    title.textContent = "Deadlock: every goroutine is waiting, and nothing can wake any of them";
    const list = document.createElement("ul");
    e.summary.forEach((sentence, i) => {
      const li = document.createElement("li");
      li.textContent = sentence;
      const ids = e.lists?.[i];
      if (ids?.length > 1) {
        // The goroutines a grouped sentence speaks of, one click away.
        const which = document.createElement("details");
        const label = document.createElement("summary");
        label.textContent = "Which goroutines";
        const names = document.createElement("p");
        names.textContent = `goroutines ${ids.join(", ")}`;
        which.append(label, names);
        li.append(which);
      }
      list.append(li);
    });
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "The runtime's report";
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
    box.append(title, list, details);
    this.log.append(box);
    this.revealed = box;
  }

  // testResults lists the tests of a test run under its output: each with its verdict
  // and time, a failing one with its messages; a test's name reruns it alone.
  testResults(summary) {
    const box = document.createElement("section");
    box.className = `test-results ${summary.result}`;
    box.setAttribute("aria-label", "Test results");
    const title = document.createElement("h3");
    const counts = [`${summary.passed} passed`];
    if (summary.failed) counts.push(`${summary.failed} failed`);
    if (summary.skipped) counts.push(`${summary.skipped} skipped`);
    title.textContent = {
      pass: `PASS: ${counts.join(", ")}`,
      fail: `FAIL: ${counts.join(", ")}`,
      deadlock: "FAIL: a test deadlocked",
      panic: "FAIL: a test panicked",
      none: "No tests ran",
    }[summary.result] ?? `FAIL: ${counts.join(", ")}`;
    const list = document.createElement("ul");
    for (const t of this.tests) {
      const li = document.createElement("li");
      li.className = `test ${t.result}`;
      if (t.name.includes("/")) li.classList.add("subtest");
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = t.result.toUpperCase();
      const name = document.createElement(this.onRunTest && !t.name.includes("/") ? "button" : "span");
      name.className = "name";
      name.textContent = t.name;
      if (name.tagName === "BUTTON") {
        name.type = "button";
        name.title = `Run ${t.name} alone`;
        name.addEventListener("click", () => this.onRunTest(t.name));
      }
      const time = document.createElement("span");
      time.className = "elapsed";
      time.textContent = formatElapsed(t.elapsed);
      li.append(badge, " ", name, " ", time);
      for (const f of t.failures) {
        const p = document.createElement("p");
        p.className = "failure";
        p.textContent = `${f.file}:${f.line}: ${f.message}`;
        li.append(p);
      }
      list.append(li);
    }
    box.append(title, list);
    this.log.append(box);
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
        const row = this.row(kind, t);
        this.log.append(row);
        this.openLine = { row, text: row.lastChild, segment: null, kind: null };
      }
      const line = this.openLine;
      if (line.kind !== kind) {
        line.segment = document.createElement("span");
        line.segment.className = `seg ${kind}`;
        line.text.append(line.segment);
        line.kind = kind;
      }
      line.segment.textContent += part;
      if (!last) this.openLine = null;
    });
  }

  closeLine() {
    this.openLine = null;
  }

  appendRow(kind, text) {
    const row = this.row(kind, null);
    const seg = document.createElement("span");
    seg.className = `seg ${kind.split(" ")[0]}`;
    seg.textContent = text;
    row.lastChild.append(seg);
    this.log.append(row);
  }

  row(kind, t) {
    const row = document.createElement("div");
    row.className = `line ${kind}`;
    const time = document.createElement("span");
    time.className = "t";
    if (t !== null && t !== undefined) {
      time.textContent = `${(t / 1000).toFixed(3)}s`;
      // Repeated times are dimmed, so the moments when time moves stand out.
      if (time.textContent === this.lastStamp) time.classList.add("same");
      this.lastStamp = time.textContent;
    }
    const text = document.createElement("span");
    text.className = "text";
    row.append(time, text);
    return row;
  }

  scroll(stick) {
    if (stick) this.log.scrollTop = this.log.scrollHeight;
  }

  showInput() {
    this.stdinForm.hidden = false;
    this.status.textContent = "Waiting for input";
    this.stdinForm.querySelector("input").focus({ preventScroll: true });
  }

  hideInput() {
    if (this.stdinForm.hidden) return;
    const hadFocus = this.stdinForm.contains(document.activeElement);
    this.stdinForm.hidden = true;
    if (hadFocus) this.log.focus({ preventScroll: true });
  }
}
