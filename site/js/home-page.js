// home-page.js marks the lessons of the table of contents whose exercises the learner
// has solved in this browser (lesson-page.js records it).
import { doneKey, readSaved } from "./storage.js";
import { t } from "./i18n.js";

for (const item of document.querySelectorAll(".toc li[data-lesson]")) {
  if (readSaved(doneKey(item.dataset.lesson)) === null) continue;
  item.classList.add("done");
  const mark = document.createElement("span");
  mark.className = "done-mark";
  mark.textContent = t("js.home.done");
  item.querySelector("a").after(" ", mark);
}
