// lesson-page.js wires a lesson page: its program panel (playground.js), its exercises
// (each a program tab whose tests the Check button runs) and ←/→ to move between
// lessons. The lesson's data comes from the JSON in #lesson-data, written by the site
// builder (tools/internal/site).
import { setupPlayground } from "./playground.js";
import { doneKey, readSaved, save } from "./storage.js";
import { t } from "./i18n.js";

const attemptKey = (slug, id) => `playground:attempted:${slug}/${id}`;

// setupExercises wires each exercise's buttons: open its program, Check it (its tests,
// run in the program panel), and show the reference solution once it has been tried.
// Passing marks the lesson done in the table of contents.
function setupExercises(playground, data) {
  for (const section of document.querySelectorAll("section.exercise")) {
    const index = Number(section.dataset.program);
    const id = section.dataset.exercise;
    const [open, check, solution] = ["open-exercise", "check", "solution"].map((a) => section.querySelector(`[data-action=${a}]`));
    const verdict = section.querySelector(".exercise-verdict");
    const answer = section.querySelector(".solution");
    const showLabel = solution.textContent; // the page's words for "Show a solution"
    const allowSolution = () => {
      solution.disabled = false;
      solution.title = "";
    };
    if (readSaved(attemptKey(data.slug, id)) !== null) allowSolution();
    if (readSaved(doneKey(data.slug)) !== null) verdict.textContent = t("js.exercise.solved");
    const show = () => {
      playground.select(index);
      document.getElementById("program")?.scrollIntoView({ block: "nearest" });
    };
    open.addEventListener("click", () => {
      show();
      playground.sets[index].main.view.focus();
    });
    check.addEventListener("click", async () => {
      show();
      check.disabled = true;
      verdict.className = "exercise-verdict";
      verdict.textContent = t("js.exercise.checking");
      const summary = await playground.run({ test: true });
      check.disabled = false;
      save(attemptKey(data.slug, id), "1");
      allowSolution();
      if (!summary) {
        verdict.textContent = t("js.exercise.no-verdict");
        return;
      }
      if (summary.result === "pass") {
        save(doneKey(data.slug), "1");
        verdict.className = "exercise-verdict passed";
        verdict.textContent = t(summary.passed === 1 ? "js.exercise.passed.one" : "js.exercise.passed", { n: summary.passed });
        return;
      }
      verdict.className = "exercise-verdict failed";
      const total = summary.passed + summary.failed;
      verdict.textContent = summary.result === "deadlock"
        ? t("js.exercise.deadlock")
        : summary.result === "panic"
          ? t("js.exercise.panic")
          : t(total === 1 ? "js.exercise.failed.one" : "js.exercise.failed", { failed: summary.failed, total });
    });
    solution.addEventListener("click", () => {
      answer.hidden = !answer.hidden;
      solution.textContent = answer.hidden ? showLabel : t("js.exercise.solution.hide");
    });
  }
}

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
if (root && data) {
  window.playground = setupPlayground(root, data);
  setupExercises(window.playground, data);
}
