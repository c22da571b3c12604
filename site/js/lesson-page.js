// lesson-page.js wires a lesson page: its program panel (playground.js) and ←/→ to move
// between lessons. The lesson's data comes from the JSON in #lesson-data, written by the
// site builder (tools/internal/site).
import { setupPlayground } from "./playground.js";

function setupNavigation(data) {
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
    const t = e.target;
    if (t.closest?.("input, textarea, select, [contenteditable], [role=tab], .cm-editor, dialog")) return;
    const href = e.key === "ArrowLeft" ? data?.prev : e.key === "ArrowRight" ? data?.next : null;
    if (href) location.href = href;
  });
}

// Code blocks and tables of the prose scroll sideways on narrow screens: let the keyboard
// reach them to scroll them.
for (const el of document.querySelectorAll(".prose pre, .prose table")) el.tabIndex = 0;

const dataElement = document.getElementById("lesson-data");
const data = dataElement ? JSON.parse(dataElement.textContent) : null;
setupNavigation(data);
const root = document.querySelector(".playground");
if (root && data) window.playground = setupPlayground(root, data);
