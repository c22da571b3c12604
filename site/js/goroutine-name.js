// goroutine-name.js is the one rule for naming a goroutine after the program function it
// runs. The deadlock diagnosis (diagnose.js) names the goroutines of the runtime's dump
// with it, and the runner names the timeline's rows with it (timeline-event.js), so a
// goroutine has the same name in both.
//
// It is not for: reading stacks. Each caller gives the functions it found.
import { t } from "./i18n.js";

/** MAIN_FILE is the program's file name in stack traces. */
export const MAIN_FILE = "main.go";

const LITERAL = /\.func\d+(\.\d+)*$/;
// A name made for a function literal ends in these words; shownName puts them into the
// page's language.
const LITERAL_WORDS = " (a function literal)";

/** isLiteral tells a function literal's name ("main.main.func1") from a declared one. */
export function isLiteral(fn) {
  return LITERAL.test(fn);
}

/**
 * displayName shortens a function for people: "main.worker" is "worker",
 * "main.main.func1" is "main (a function literal)", other packages' functions keep
 * their package.
 */
export function displayName(fn) {
  if (!fn.startsWith("main.")) return fn;
  const rest = fn.slice("main.".length);
  return isLiteral(rest) ? rest.replace(LITERAL, "") + LITERAL_WORDS : rest;
}

/**
 * shownName is a goroutine's name (goroutineName, made where there is no page) as the
 * page shows it: "main (a function literal)" in the page's words.
 */
export function shownName(name) {
  return name.endsWith(LITERAL_WORDS) ? t("js.goroutine.literal", { name: name.slice(0, -LITERAL_WORDS.length) }) : name;
}

/**
 * goroutineName names goroutine id, which started in function start, given the
 * functions of main.go on its stack, outermost first (frames). It is the outermost
 * declared function there (main.main only for goroutine 1, which is "main"), so a
 * goroutine started with a function literal or through a library wrapper
 * (sync.WaitGroup.Go, time.AfterFunc, …) is named after the program function it calls;
 * then the outermost literal; then the function it started in.
 */
export function goroutineName({ id, start = "", frames = [], started = null }) {
  if (id === 1) return "main";
  if (start.startsWith("main.") && !isLiteral(start)) return displayName(start);
  const named = frames.find((fn) => !isLiteral(fn) && fn !== "main.main");
  if (named) return displayName(named);
  if (frames.length) return displayName(frames[0]);
  // Nothing of the program on its stack (it never blocked): what the line that started
  // it hands to the wrapper.
  if (started?.func) return displayName(started.func);
  if (started?.literal) return displayName(started.literal) + LITERAL_WORDS;
  return start ? displayName(start) : "?";
}

/**
 * startedAt reads line (1-based) of the program, where a goroutine was started, for what
 * it starts: {func: "main.worker"} for `wg.Go(worker)` or `time.AfterFunc(d, worker)`,
 * {literal: "main.main"} (the function the literal is written in) for `wg.Go(func() {`
 * or `go func() {`, or null when the line says neither.
 */
export function startedAt(source, line) {
  const lines = source.split("\n");
  const text = lines[line - 1] ?? "";
  if (/(\bgo\s+|\.(Go|AfterFunc)\((?:[^()]*,\s*)?)func\s*\(/.test(text)) {
    for (let i = line - 1; i >= 0; i--) {
      const m = /^func\s+(?:\(\s*\w*\s*(\*?)(\w+)[^)]*\)\s*)?(\w+)\s*[[(]/.exec(lines[i]);
      if (m) return { literal: m[2] ? `main.${m[1] ? `(*${m[2]})` : m[2]}.${m[3]}` : `main.${m[3]}` };
    }
    return null;
  }
  const handed = /\.(?:Go|AfterFunc)\((?:[^()]*,\s*)?([A-Za-z_]\w*)\s*\)/.exec(text);
  return handed ? { func: `main.${handed[1]}` } : null;
}
