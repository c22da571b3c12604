// file-tabs.js holds the files of one program in the program panel: one editor per file,
// a bar to switch between them, and "Add file", rename and delete. The first file is the
// program's main.go: it is always there and keeps its name. Test files that an exercise
// brings are read-only, since Check runs them as written.
//
// Edits are saved as they are made: main.go's text under the program's own key (as for
// a one-file program), the other files together under that key + ":files" whenever they
// differ from the program as given.
//
// It is not for: building or running (playground.js).
import { createEditor } from "./editor.js";
import { GO_FILE_NAME, isTestFile } from "./toolchain.js";
import { readSaved, save } from "./storage.js";
import { t } from "./i18n.js";

const MAIN = "main.go";

/**
 * FileSet is the files of one program. given is [{name, source, readonly?}] with main.go
 * first; key is the localStorage key of main.go's edit (null saves nothing).
 * options: {readonly, lines, onRun(), onTest(), onChange(), onSelect(), onFilesChanged()}.
 */
export class FileSet {
  constructor(panel, given, key, options) {
    this.panel = panel;
    this.given = given.map((f) => ({ name: f.name, source: f.source, readonly: !!f.readonly }));
    this.key = key;
    this.options = options;
    this.bar = panel.querySelector(".files");
    this.codeArea = panel.querySelector(".code");
    this.codeArea.replaceChildren(); // the highlighted copy was for readers without JavaScript
    this.files = [];
    this.active = 0;
    for (const f of this.restore()) this.add(f.name, f.source, f.readonly);
    this.renderBar();
    this.select(0);
  }

  // restore is the program as saved: main.go's edit and the other files' set.
  restore() {
    const files = this.given.map((f) => ({ ...f }));
    if (!this.key) return files;
    const main = readSaved(this.key);
    if (main !== null) files[0].source = main;
    const others = readSaved(this.key + ":files");
    if (others !== null) {
      try {
        const saved = JSON.parse(others);
        const readonly = this.given.filter((f) => f.readonly);
        const kept = saved.filter((f) => GO_FILE_NAME.test(f.name) && f.name !== MAIN && !readonly.some((r) => r.name === f.name));
        return [files[0], ...kept.map((f) => ({ name: f.name, source: String(f.source) })), ...readonly];
      } catch {
        // A damaged entry is ignored; the program as given is shown.
      }
    }
    return files;
  }

  add(name, source, readonly = false) {
    const host = document.createElement("div");
    host.className = "file-editor";
    host.dataset.file = name;
    this.codeArea.append(host);
    const first = this.files.length === 0;
    const file = { name, readonly };
    file.editor = createEditor(host, {
      doc: source,
      label: t("js.file.label", { name }),
      readonly: readonly || !!this.options.readonly,
      lines: first ? this.options.lines : null,
      onRun: () => this.options.onRun(),
      onTest: () => this.options.onTest?.(),
      onChange: () => {
        this.saveSoon();
        this.options.onChange?.();
      },
    });
    file.host = host;
    this.files.push(file);
    return file;
  }

  /** main is main.go's editor. */
  get main() {
    return this.files[0].editor;
  }

  /** current is the editor of the file shown. */
  get current() {
    return this.files[this.active].editor;
  }

  /** sources is the program as it is now: [{name, source}], main.go first. */
  sources() {
    return this.files.map((f) => ({ name: f.name, source: f.editor.text() }));
  }

  /** hasTests reports whether a file holds tests (the Test button's condition). */
  hasTests() {
    return this.files.some((f) => isTestFile(f.name));
  }

  /** edited reports whether the program differs from the program as given. */
  edited() {
    const now = this.sources();
    return now.length !== this.given.length || now.some((f, i) => f.name !== this.given[i].name || f.source !== this.given[i].source);
  }

  saveSoon() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 250);
  }

  saveNow() {
    if (!this.key) return;
    const main = this.main.text();
    save(this.key, main === this.given[0].source ? null : main);
    const others = this.sources().slice(1).filter((f) => !this.files.find((x) => x.name === f.name).readonly);
    const givenOthers = this.given.slice(1).filter((f) => !f.readonly);
    const same = others.length === givenOthers.length && others.every((f, i) => f.name === givenOthers[i].name && f.source === givenOthers[i].source);
    save(this.key + ":files", same ? null : JSON.stringify(others));
  }

  /** reset restores the program as given. */
  reset() {
    for (const f of this.files.slice(1)) f.host.remove();
    this.files = this.files.slice(0, 1);
    this.main.setText(this.given[0].source);
    this.main.clearDiagnostics();
    for (const f of this.given.slice(1)) this.add(f.name, f.source, f.readonly);
    if (this.key) {
      save(this.key, null);
      save(this.key + ":files", null);
    }
    this.renderBar();
    this.select(0);
    this.options.onFilesChanged?.();
  }

  select(i) {
    this.active = i;
    this.files.forEach((f, j) => (f.host.hidden = j !== i));
    for (const b of this.bar.querySelectorAll("button.file")) b.setAttribute("aria-pressed", String(Number(b.dataset.index) === i));
    this.renderActions();
    this.options.onSelect?.();
  }

  /** selectFile shows the file called name; it returns its editor, or null. */
  selectFile(name) {
    const i = this.files.findIndex((f) => f.name === name);
    if (i < 0) return null;
    if (i !== this.active) this.select(i);
    return this.files[i].editor;
  }

  /** showDiagnostics marks [{file, line, col?, message, severity?}] in their files. */
  showDiagnostics(list) {
    const byFile = new Map();
    for (const d of list) {
      const name = d.file && this.files.some((f) => f.name === d.file) ? d.file : MAIN;
      if (!byFile.has(name)) byFile.set(name, []);
      byFile.get(name).push(d);
    }
    for (const f of this.files) f.editor.showDiagnostics(byFile.get(f.name) ?? []);
    const first = list.find((d) => byFile.has(d.file)) ? list[0].file : byFile.keys().next().value;
    if (first) this.selectFile(first);
  }

  clearDiagnostics() {
    for (const f of this.files) f.editor.clearDiagnostics();
  }

  renderBar() {
    const buttons = this.files.map((f, i) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "file";
      b.dataset.index = String(i);
      b.textContent = f.name;
      if (f.readonly) b.title = t("js.file.readonly", { name: f.name });
      b.setAttribute("aria-pressed", String(i === this.active));
      b.addEventListener("click", () => this.select(i));
      b.addEventListener("dblclick", () => this.canEdit(i) && this.ask("rename", i));
      return b;
    });
    this.actions = document.createElement("span");
    this.actions.className = "file-actions";
    this.bar.replaceChildren(...buttons, this.actions);
    this.renderActions();
  }

  canEdit(i) {
    return i > 0 && !this.files[i].readonly && !this.options.readonly;
  }

  renderActions() {
    if (!this.actions) return;
    // The visible words start each accessible name, as speech input expects.
    const action = (text, label, what, fn) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "file-action";
      b.dataset.fileAction = what;
      b.textContent = text;
      if (label !== text) b.setAttribute("aria-label", label);
      b.addEventListener("click", fn);
      return b;
    };
    const items = [];
    if (this.canEdit(this.active)) {
      const name = this.files[this.active].name;
      items.push(action(t("js.file.rename"), t("js.file.rename.label", { name }), "rename", () => this.ask("rename", this.active)));
      items.push(action(t("js.file.delete"), t("js.file.delete.label", { name }), "delete", () => this.remove(this.active)));
    }
    if (!this.options.readonly) items.push(action(t("js.file.add"), t("js.file.add"), "add", () => this.ask("add")));
    this.actions.replaceChildren(...items);
  }

  // ask shows a name field in the bar, for a new file or a new name.
  ask(what, i = -1) {
    const form = document.createElement("form");
    form.className = "file-name";
    const input = document.createElement("input");
    input.setAttribute("aria-label", what === "add" ? t("js.file.new") : t("js.file.new-name", { name: this.files[i].name }));
    input.spellcheck = false;
    input.autocomplete = "off";
    input.value = what === "add" ? "" : this.files[i].name;
    input.placeholder = t("js.file.placeholder");
    const message = document.createElement("span");
    message.className = "file-name-error";
    message.setAttribute("role", "alert");
    form.append(input, message);
    const done = () => {
      form.remove();
      this.renderActions();
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      let name = input.value.trim();
      if (name && !name.endsWith(".go")) name += ".go";
      const problem = !GO_FILE_NAME.test(name)
        ? t("js.file.bad-name")
        : this.files.some((f, j) => f.name === name && j !== i)
          ? t("js.file.taken", { name })
          : "";
      if (problem) {
        message.textContent = problem;
        return;
      }
      done();
      if (what === "add") {
        const test = isTestFile(name);
        this.add(name, test ? `package main\n\nimport "testing"\n\nfunc TestSomething(t *testing.T) {\n}\n` : "package main\n");
        this.renderBar();
        this.select(this.files.length - 1);
        this.current.view.focus();
      } else {
        this.files[i].name = name;
        this.files[i].host.dataset.file = name;
        this.renderBar();
        this.select(i);
      }
      this.saveNow();
      this.options.onFilesChanged?.();
    });
    input.addEventListener("keydown", (e) => e.key === "Escape" && (e.preventDefault(), done()));
    this.actions.replaceChildren(form);
    input.focus();
  }

  remove(i) {
    this.files[i].host.remove();
    this.files.splice(i, 1);
    this.renderBar();
    this.select(Math.min(i, this.files.length - 1));
    this.saveNow();
    this.options.onFilesChanged?.();
  }
}
