// prediction.js asks a lesson's question before its program runs ("What will a be?") and
// lets the run answer it: the learner picks a choice, presses Run, and once the output
// holds the answer's evidence the box says whether the guess was right and why. The
// questions come from the lesson's front matter (tools/internal/lesson.Prediction), whose
// evidence a test finds in the program's expected output.
//
// It is not for: exercises (they are checked by tests, lesson-page.js).
import { t } from "./i18n.js";

/** PredictionBox is the question box above a program's output. */
export class PredictionBox {
  constructor(form) {
    this.form = form;
    this.question = null;
    this.text = "";
    this.running = false;
  }

  /** show puts a program's question in the box (null hides it). */
  show(question) {
    this.question = question;
    this.running = false;
    if (!this.form) return;
    this.form.hidden = !question;
    if (!question) return;
    const legend = document.createElement("legend");
    legend.textContent = t("js.predict.legend", { question: question.question });
    const set = document.createElement("fieldset");
    set.append(legend);
    question.choices.forEach((choice, i) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = "prediction";
      input.value = String(i);
      label.append(input, ` ${choice}`);
      set.append(label);
    });
    this.verdict = document.createElement("p");
    this.verdict.className = "verdict";
    this.verdict.setAttribute("role", "status");
    this.verdict.textContent = t("js.predict.pick");
    this.form.replaceChildren(set, this.verdict);
  }

  picked() {
    const input = this.form?.querySelector("input[name=prediction]:checked");
    return input ? Number(input.value) : null;
  }

  /** begin is called as a run starts. */
  begin() {
    if (!this.question) return;
    this.text = "";
    this.running = true;
    this.verdict.textContent = t(this.picked() === null ? "js.predict.running.unguessed" : "js.predict.running");
  }

  /** output takes what the program prints, on either stream, as it arrives. */
  output(body) {
    if (!this.running) return;
    // Evidence not found yet can only end in this body: keeping no more of the output
    // before it than could start the evidence, a long run's output is not searched
    // again and again.
    const evidence = this.question.evidence;
    this.text = this.text.slice(Math.max(0, this.text.length - evidence.length + 1)) + body;
    if (this.text.includes(evidence)) this.answer();
  }

  /** end is called when the run is over; a run that never printed the evidence says so. */
  end() {
    if (!this.running) return;
    this.running = false;
    this.verdict.textContent = t("js.predict.unanswered");
    this.verdict.className = "verdict";
  }

  answer() {
    this.running = false;
    const q = this.question;
    const guess = this.picked();
    const right = q.choices[q.answer];
    const why = q.explain ? t("js.predict.explain", { explain: q.explain }) : "";
    if (guess === null) {
      this.verdict.textContent = t("js.predict.says", { answer: right }) + why;
      this.verdict.className = "verdict";
    } else if (guess === q.answer) {
      this.verdict.textContent = t("js.predict.right", { answer: right }) + why;
      this.verdict.className = "verdict right";
    } else {
      this.verdict.textContent = t("js.predict.wrong", { guess: q.choices[guess], answer: right }) + why;
      this.verdict.className = "verdict wrong";
    }
  }
}
