// dialog.js shows a modal dialog with read-only text fields to copy: the share link, the
// embed snippets. Everything in it is text, never HTML.
import { t } from "./i18n.js";

/**
 * showDialog opens a dialog: title, text (a sentence), fields [{label, value, lines?}]
 * each with a Copy button. Focus returns to opener when it closes.
 */
export function showDialog({ title, text, fields, opener }) {
  const dialog = document.createElement("dialog");
  dialog.className = "copy-dialog";
  const heading = document.createElement("h2");
  heading.textContent = title;
  heading.id = `dialog-${Math.random().toString(36).slice(2)}`;
  dialog.setAttribute("aria-labelledby", heading.id);
  const p = document.createElement("p");
  p.textContent = text;
  dialog.append(heading, p);
  let first = null;
  for (const f of fields) {
    const label = document.createElement("label");
    const name = document.createElement("span");
    name.textContent = f.label;
    const box = f.lines ? document.createElement("textarea") : document.createElement("input");
    box.readOnly = true;
    box.value = f.value;
    box.spellcheck = false;
    if (f.lines) box.rows = f.lines;
    box.addEventListener("focus", () => box.select());
    const copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = t("js.dialog.copy");
    copy.addEventListener("click", async () => {
      box.select();
      try {
        await navigator.clipboard.writeText(f.value);
        copy.textContent = t("js.dialog.copied");
      } catch {
        copy.textContent = document.execCommand?.("copy") ? t("js.dialog.copied") : t("js.dialog.press-copy");
      }
      setTimeout(() => (copy.textContent = t("js.dialog.copy")), 2000);
    });
    label.append(name, box);
    const row = document.createElement("div");
    row.className = "field";
    row.append(label, copy);
    dialog.append(row);
    first ??= box;
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "close";
  close.textContent = t("js.dialog.close");
  close.addEventListener("click", () => dialog.close());
  dialog.append(close);
  dialog.addEventListener("close", () => {
    dialog.remove();
    opener?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  first?.focus();
  return dialog;
}
