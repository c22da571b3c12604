// editor.js makes the code editor: CodeMirror 6 with Go highlighting, line numbers,
// bracket matching and Tab indenting, compile errors underlined in place, and a light or
// dark theme following the page's (theme.js).
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Compartment, StateField, RangeSet } from "@codemirror/state";
import { keymap, Decoration } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { go } from "@codemirror/lang-go";
import { lintGutter, setDiagnostics, forEachDiagnostic } from "@codemirror/lint";
import { oneDark } from "@codemirror/theme-one-dark";
import { darkTheme } from "./theme.js";
import { t } from "./i18n.js";

const theme = EditorView.theme({
  "&": { fontSize: "0.88rem", backgroundColor: "var(--panel)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--panel)", borderRight: "1px solid var(--line)" },
});

// CODEMIRROR_PHRASES are the words CodeMirror itself shows (the search panel, folding,
// the lint panel), by its English phrase: the keys of the page's words for them.
const CODEMIRROR_PHRASES = {
  Find: "js.editor.find",
  Replace: "js.editor.replace-field",
  next: "js.editor.next",
  previous: "js.editor.previous",
  all: "js.editor.all",
  "match case": "js.editor.match-case",
  regexp: "js.editor.regexp",
  "by word": "js.editor.by-word",
  replace: "js.editor.replace",
  "replace all": "js.editor.replace-all",
  close: "js.editor.close",
  "current match": "js.editor.current-match",
  "on line": "js.editor.on-line",
  "replaced $ matches": "js.editor.replaced",
  "replaced match on line $": "js.editor.replaced-one",
  "Go to line": "js.editor.go-to-line",
  go: "js.editor.go",
  "Fold line": "js.editor.fold",
  "Unfold line": "js.editor.unfold-line",
  "Folded lines": "js.editor.folded-lines",
  "Unfolded lines": "js.editor.unfolded-lines",
  to: "js.editor.to",
  "folded code": "js.editor.folded-code",
  unfold: "js.editor.unfold",
  Diagnostics: "js.editor.diagnostics",
  "No diagnostics": "js.editor.no-diagnostics",
  Completions: "js.editor.completions",
  "Control character": "js.editor.control-character",
  "Selection deleted": "js.editor.selection-deleted",
};

const phrases = () => Object.fromEntries(Object.entries(CODEMIRROR_PHRASES).map(([phrase, key]) => [phrase, t(key)]));

/**
 * shownLines keeps only lines from..to (1-based) of the document in view: the lines
 * before and after are hidden, not removed, so the whole program still builds. The
 * hidden parts follow edits, so typing inside the shown lines keeps them shown.
 */
function shownLines(doc, { from, to }) {
  const lines = doc.split("\n").length;
  from = Math.max(1, Math.min(from, lines));
  to = Math.max(from, Math.min(to, lines));
  const state = EditorState.create({ doc });
  const start = state.doc.line(from).from;
  const end = state.doc.line(to).to;
  const hide = (a, b) => Decoration.replace({ block: true }).range(a, b);
  const field = StateField.define({
    create: () => ({ start, end }),
    update: (v, tr) => (tr.docChanged ? { start: tr.changes.mapPos(v.start, -1), end: tr.changes.mapPos(v.end, 1) } : v),
  });
  const decorations = EditorView.decorations.compute([field], (st) => {
    const { start, end } = st.field(field);
    const ranges = [];
    if (start > 0) ranges.push(hide(0, start - 1)); // up to the newline before the first shown line
    if (end < st.doc.length) ranges.push(hide(end + 1, st.doc.length));
    return RangeSet.of(ranges);
  });
  return [field, decorations];
}

/**
 * createEditor puts an editor for doc into parent.
 *   onChange(text)  after every edit
 *   onRun()         Ctrl/Cmd+Enter
 *   onTest()        Ctrl/Cmd+Shift+Enter (optional)
 *   readonly        refuse edits (the text can still be selected and copied)
 *   lines           {from, to}: show only these lines (see shownLines)
 * It returns {view, text(), setText(text), showDiagnostics(list), clearDiagnostics()}.
 */
export function createEditor(parent, { doc, label, onChange, onRun, onTest = null, readonly = false, lines = null }) {
  const dark = darkTheme();
  const themeSlot = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        keymap.of([
          { key: "Mod-Shift-Enter", run: () => (onTest?.(), true) },
          { key: "Mod-Enter", run: () => (onRun(), true) },
          indentWithTab,
        ]),
        basicSetup,
        go(),
        indentUnit.of("\t"),
        EditorState.phrases.of(phrases()),
        EditorState.tabSize.of(4),
        lintGutter(),
        theme,
        themeSlot.of(dark.matches ? oneDark : []),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorState.readOnly.of(readonly),
        lines ? shownLines(doc, lines) : [],
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  // The scroller can be scrolled from the keyboard too, not only the text inside it.
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute("aria-label", t("js.editor.scrollable", { label }));
  dark.addEventListener("change", () => view.dispatch({ effects: themeSlot.reconfigure(dark.matches ? oneDark : []) }));

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /**
     * showDiagnostics marks lines: [{line, col?, message, severity?}]. With a column, the
     * word there is underlined (a compiler message); without, the line's code is.
     */
    showDiagnostics(list) {
      const doc = view.state.doc;
      const diagnostics = list
        .filter((d) => d.line >= 1 && d.line <= doc.lines)
        .map((d) => {
          const line = doc.line(d.line);
          const indent = /^\s*/.exec(line.text)[0].length;
          const from = d.col ? Math.min(line.from + Math.max(d.col - 1, 0), line.to) : line.from + indent;
          // Underline the word at the column, or the rest of the line.
          const word = d.col ? /^[\w.]+/.exec(doc.sliceString(from, line.to)) : null;
          const to = word ? from + word[0].length : Math.max(line.to, from + 1);
          return { from, to: Math.min(to, doc.length), severity: d.severity ?? "error", message: d.message, source: "go" };
        })
        .sort((a, b) => a.from - b.from);
      view.dispatch(setDiagnostics(view.state, diagnostics));
      if (diagnostics.length) {
        view.dispatch({ selection: { anchor: diagnostics[0].from }, scrollIntoView: true });
      }
    },
    /** diagnostics lists the marks shown: [{line, severity, message}]. */
    diagnostics() {
      const out = [];
      forEachDiagnostic(view.state, (d, from) => out.push({ line: view.state.doc.lineAt(from).number, severity: d.severity, message: d.message }));
      return out;
    },
    clearDiagnostics() {
      view.dispatch(setDiagnostics(view.state, []));
    },
    /** revealLine selects a line of the program and scrolls it into view. */
    revealLine(n) {
      const doc = view.state.doc;
      if (n < 1 || n > doc.lines) return;
      const line = doc.line(n);
      view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
      view.focus();
    },
  };
}
