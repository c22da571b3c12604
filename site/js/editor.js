// editor.js makes the code editor: CodeMirror 6 with Go highlighting, line numbers,
// bracket matching and Tab indenting, compile errors underlined in place, and a light or
// dark theme following the system.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { go } from "@codemirror/lang-go";
import { lintGutter, setDiagnostics, forEachDiagnostic } from "@codemirror/lint";
import { oneDark } from "@codemirror/theme-one-dark";

const theme = EditorView.theme({
  "&": { fontSize: "0.88rem", backgroundColor: "var(--panel)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--panel)", borderRight: "1px solid var(--line)" },
});

/**
 * createEditor puts an editor for doc into parent.
 *   onChange(text)  after every edit
 *   onRun()         Ctrl/Cmd+Enter
 * It returns {view, text(), setText(text), showDiagnostics(list), clearDiagnostics()}.
 */
export function createEditor(parent, { doc, label, onChange, onRun }) {
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const themeSlot = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }, indentWithTab]),
        basicSetup,
        go(),
        indentUnit.of("\t"),
        EditorState.tabSize.of(4),
        lintGutter(),
        theme,
        themeSlot.of(dark.matches ? oneDark : []),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
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
