// goroutine-name.js is the one rule for naming a goroutine after the program function it
// runs. The deadlock diagnosis (diagnose.js) names the goroutines of the runtime's dump
// with it, and the runner names the timeline's rows with it (timeline-event.js), so a
// goroutine has the same name in both.
//
// It is not for: reading stacks. Each caller gives the functions it found.

/** MAIN_FILE is the program's file name in stack traces. */
export const MAIN_FILE = "main.go";

const LITERAL = /\.func\d+(\.\d+)*$/;

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
  return isLiteral(rest) ? `${rest.replace(LITERAL, "")} (a function literal)` : rest;
}

/**
 * goroutineName names goroutine id, which started in function start, given the
 * functions of main.go on its stack, outermost first (frames). It is the outermost
 * declared function there (main.main only for goroutine 1, which is "main"), so a
 * goroutine started with a function literal or through a library wrapper
 * (sync.WaitGroup.Go, time.AfterFunc, …) is named after the program function it calls;
 * then the outermost literal; then the function it started in.
 */
export function goroutineName({ id, start = "", frames = [] }) {
  if (id === 1) return "main";
  if (start.startsWith("main.") && !isLiteral(start)) return displayName(start);
  const named = frames.find((fn) => !isLiteral(fn) && fn !== "main.main");
  if (named) return displayName(named);
  if (frames.length) return displayName(frames[0]);
  return start ? displayName(start) : "?";
}
