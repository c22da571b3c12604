// diagnose.js turns the Go runtime's reports into something a learner can read: the
// goroutine dump of a deadlock becomes one entry per goroutine (where it waits, in which
// line of the program, what it holds), and an unrecovered panic becomes its message and
// line. Lock ownership comes from the playground's observed sync package (wasm/syncwatch),
// which reports every Lock and Unlock to the host.
//
// The diagnosis is data, made in the runner worker (host.js); summaryText and
// deadlockMarks put it into the page's words (i18n.js).
//
// It is not for: running programs (host.js) or drawing (output-view.js).
import { MAIN_FILE, goroutineName, shownName } from "./goroutine-name.js";
import { t, andList, count } from "./i18n.js";

/** LockWatch follows the lock reports of wasm/syncwatch: who holds and who wants what. */
export class LockWatch {
  constructor() {
    this.holders = new Map(); // lock -> [{g, line, read}]
    this.wants = new Map(); // goroutine -> {lock, line, read}
  }

  /** apply takes one report: op is want, hold or free (with "-read" for RLock). */
  apply({ op, g, lock, line }) {
    const read = op.endsWith("-read");
    const holders = this.holders.get(lock) ?? [];
    switch (op.replace("-read", "")) {
      case "want":
        this.wants.set(g, { lock, line, read });
        break;
      case "hold":
        this.wants.delete(g);
        holders.push({ g, line, read });
        this.holders.set(lock, holders);
        break;
      case "free": {
        const i = holders.findIndex((h) => h.read === read && (read ? h.g === g : true));
        if (i >= 0) holders.splice(i, 1);
        if (holders.length === 0) this.holders.delete(lock);
        break;
      }
    }
  }

  /** held lists the locks goroutine g holds. */
  held(g) {
    const out = [];
    for (const [lock, hs] of this.holders) {
      for (const h of hs) if (h.g === g) out.push({ lock, line: h.line, read: h.read });
    }
    return out;
  }
}

/**
 * parseDump reads a runtime goroutine dump ("goroutine 7 [sync.Mutex.Lock]:" and frames)
 * into [{id, wait, frames: [{func, file, line}], createdBy: {func, goroutine, file, line}}].
 */
export function parseDump(text) {
  const goroutines = [];
  let g = null;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /^goroutine (\d+) \[([^\]]*)\]:$/.exec(lines[i]);
    if (head) {
      g = { id: Number(head[1]), wait: head[2].replace(/, \d+ minutes?$/, ""), frames: [], createdBy: null };
      goroutines.push(g);
      continue;
    }
    if (!g || !lines[i] || lines[i].startsWith("\t")) continue;
    const where = /^\t(.+?):(\d+)/.exec(lines[i + 1] ?? "");
    const created = /^created by (\S+) in goroutine (\d+)$/.exec(lines[i]);
    const frame = { func: (created ? created[1] : lines[i].replace(/\(.*\)$/, "")), file: where?.[1] ?? "", line: where ? Number(where[2]) : 0 };
    if (created) g.createdBy = { ...frame, goroutine: Number(created[2]) };
    else g.frames.push(frame);
  }
  return goroutines;
}

// lockName finds what a program calls the lock locked on a line: "noodles" in
// "noodles.Lock()", "c.mu" in "c.mu.Lock()".
function lockName(source, line) {
  const text = source?.split("\n")[line - 1] ?? "";
  const m = /([\w.[\]()*&]+?)\.(?:Lock|RLock|TryLock|TryRLock|Unlock|RUnlock)\(\)/.exec(text);
  return m ? m[1].replace(/^[(&*]+|\)+$/g, "") : null;
}

// startedBy names a goroutine of a dump by the program function it runs
// (goroutine-name.js) and says where it starts.
function startedBy(g) {
  const own = g.frames.filter((f) => f.file === MAIN_FILE).reverse(); // outermost first
  const start = g.frames[g.frames.length - 1]?.func ?? "";
  const name = goroutineName({ id: g.id, start, frames: own.map((f) => f.func) });
  const created = g.createdBy?.file === MAIN_FILE ? g.createdBy.line : null;
  return { name, line: created ?? own[0]?.line ?? null };
}

/**
 * diagnoseDeadlock explains a deadlock report: each goroutine, where it waits, what it
 * holds and wants, and the cycle of waiting if there is one. It returns
 *   {goroutines: [{id, name, wait, line, startLine, holds: [{name, line, lock}], wants: {name, line, lock, heldBy}}],
 *    summary: [{ids: [goroutine ids]} | {cycle: [{id, holds, wants}]}]}
 * A lock's name is what the program calls it, or null when its line does not say. Each
 * entry of summary is one sentence of the diagnosis (summaryText): a goroutine, a group
 * of goroutines that wait alike, or the cycle of waiting, with the lock each goroutine in
 * it holds and wants.
 */
export function diagnoseDeadlock(report, locks, source) {
  const dump = parseDump(report);
  const named = (lock, line) => lockName(source, line);
  const goroutines = dump.map((g) => {
    const at = g.frames.find((f) => f.file === MAIN_FILE);
    const who = startedBy(g);
    const entry = { id: g.id, name: who.name, startLine: who.line, wait: g.wait, line: at?.line ?? null, holds: [], wants: null };
    if (locks) {
      entry.holds = locks.held(g.id).map((h) => ({ name: named(h.lock, h.line), line: h.line, lock: h.lock }));
      const w = locks.wants.get(g.id);
      if (w && /Lock/.test(g.wait)) {
        const holders = (locks.holders.get(w.lock) ?? []).map((h) => h.g);
        entry.wants = { name: named(w.lock, w.line), line: w.line, lock: w.lock, heldBy: holders };
      }
    }
    return entry;
  });

  // Goroutines that wait alike (same function, same wait, same line, same lock and
  // holder, holding nothing) share one sentence once there are GROUP_AT of them.
  const summary = [];
  const groups = new Map();
  for (const g of goroutines) {
    const key = g.holds.length ? `#${g.id}` : JSON.stringify([g.name, g.wait, g.line, g.wants?.name, g.wants?.line, g.wants?.heldBy]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(g);
  }
  for (const members of groups.values()) {
    if (members.length >= GROUP_AT && !members.some((g) => g.wants?.heldBy.includes(g.id))) {
      summary.push({ ids: members.map((g) => g.id) });
    } else {
      for (const g of members) summary.push({ ids: [g.id] });
    }
  }
  const cycle = findCycle(goroutines);
  if (cycle && cycle.length > 1) {
    summary.unshift({
      cycle: cycle.map((g) => ({ id: g.id, holds: g.holds.find((h) => cycle.some((o) => o.wants?.lock === h.lock))?.name ?? null, wants: g.wants.name })),
    });
  }
  return { goroutines, summary };
}

/** GROUP_AT is how many goroutines waiting alike share one sentence of a diagnosis. */
export const GROUP_AT = 3;

/** summaryText is the sentences of a deadlock event's summary, in the page's words. */
export function summaryText(e) {
  const byID = new Map(e.goroutines.map((g) => [g.id, g]));
  return e.summary.map((s) => {
    if (s.cycle) {
      const links = s.cycle.map((c) => t("js.deadlock.cycle.link", { id: c.id, held: lockText(c.holds), wanted: lockText(c.wants) }));
      return t("js.deadlock.cycle", { links: links.join(t("js.deadlock.cycle.sep")) });
    }
    const members = s.ids.map((id) => byID.get(id)).filter(Boolean);
    return members.length > 1 ? groupSentence(members) : sentence(members[0]);
  });
}

// lockText names a lock as the program does, or says "a lock".
function lockText(name) {
  return name ?? t("js.deadlock.some-lock");
}

// heldText is ", held by goroutine 11", or nothing when no goroutine holds it.
function heldText(wants) {
  return wants.heldBy.length ? t("js.deadlock.held", { holders: andList(wants.heldBy) }) : "";
}

// sentence says where one goroutine waits, what it wants and what it holds.
function sentence(g) {
  const who = { id: g.id, name: shownName(g.name) };
  let s = g.line ? t("js.deadlock.waits.line", { ...who, wait: g.wait, line: g.line }) : t("js.deadlock.waits", { ...who, wait: g.wait });
  if (g.wants) {
    s = t("js.deadlock.wants", { ...who, lock: lockText(g.wants.name), line: g.wants.line });
    if (g.wants.heldBy.includes(g.id)) {
      const took = g.holds.find((h) => h.lock === g.wants.lock);
      s += t("js.deadlock.self", { line: took?.line });
    } else {
      s += heldText(g.wants);
    }
  }
  const others = g.holds.filter((h) => !g.wants || h.lock !== g.wants.lock || !g.wants.heldBy.includes(g.id));
  if (others.length) {
    s += t("js.deadlock.holds", { locks: andList(others.map((h) => t("js.deadlock.taken", { lock: lockText(h.name), line: h.line }))) });
  }
  return s + t("js.deadlock.end");
}

// groupSentence says the same for goroutines that wait alike and hold nothing.
function groupSentence(members) {
  const g = members[0];
  const who = { count: count(members.length), name: shownName(g.name) };
  if (g.wants) return t("js.deadlock.group.wants", { ...who, lock: lockText(g.wants.name), line: g.wants.line }) + heldText(g.wants) + t("js.deadlock.end");
  const waits = g.line ? t("js.deadlock.group.waits.line", { ...who, wait: g.wait, line: g.line }) : t("js.deadlock.group.waits", { ...who, wait: g.wait });
  return waits + t("js.deadlock.end");
}

/**
 * deadlockMarks turns a deadlock event into editor marks, [{line, message, severity}]:
 * where each goroutine waits (goroutines that wait alike at one line share one mark),
 * and where it took the locks it holds.
 */
export function deadlockMarks(e) {
  const marks = [];
  const waiting = new Map(); // what a mark says -> {g, ids}
  for (const g of e.goroutines) {
    if (g.line) {
      const key = JSON.stringify([g.line, g.name, g.wait, g.wants?.name, g.wants?.heldBy]);
      if (!waiting.has(key)) waiting.set(key, { g, ids: [] });
      waiting.get(key).ids.push(g.id);
    }
    for (const h of g.holds) {
      marks.push({ line: h.line, message: t("js.mark.holds", { id: g.id, name: shownName(g.name), lock: lockText(h.name) }), severity: "warning" });
    }
  }
  for (const { g, ids } of waiting.values()) {
    const one = ids.length === 1;
    const who = { id: ids[0], count: count(ids.length), name: shownName(g.name) };
    const message = g.wants
      ? t(one ? "js.mark.wants" : "js.mark.group.wants", { ...who, lock: lockText(g.wants.name) }) + heldText(g.wants)
      : t(one ? "js.mark.waits" : "js.mark.group.waits", { ...who, wait: g.wait });
    marks.push({ line: g.line, message, severity: "error" });
  }
  return marks;
}

// findCycle follows "waits for a lock held by" from each goroutine.
function findCycle(goroutines) {
  const byID = new Map(goroutines.map((g) => [g.id, g]));
  for (const start of goroutines) {
    const path = [];
    let g = start;
    while (g?.wants?.heldBy.length && !path.includes(g)) {
      path.push(g);
      g = byID.get(g.wants.heldBy[0]);
    }
    if (g && path.includes(g)) return path.slice(path.indexOf(g));
  }
  return null;
}

/** diagnosePanic finds an unrecovered panic's message and the program line it came from. */
export function diagnosePanic(stderr) {
  const m = /(?:^|\n)panic: ([^\n]*)(?:\n\t[^\n]*)*\n\ngoroutine (\d+) \[[^\]]*\]:\n([\s\S]*)/.exec(stderr);
  if (!m) return null;
  const frames = parseDump(`goroutine ${m[2]} [running]:\n${m[3]}`)[0]?.frames ?? [];
  const at = frames.find((f) => f.file === MAIN_FILE && !f.func.startsWith("runtime."));
  return { message: m[1], goroutine: Number(m[2]), line: at?.line ?? null, func: at?.func.replace(/^main\./, "") ?? null };
}

/**
 * shownReport is the runtime's report as the page shows it: without the frames of the
 * playground's own packages (playground/sync, which observes the locks), which a program
 * built with the standard toolchain never has. The report in the event keeps them.
 */
export function shownReport(report) {
  const lines = report.split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("playground/") && lines[i + 1]?.startsWith("\t")) {
      i++; // and its file:line
      continue;
    }
    out.push(lines[i]);
  }
  return out.join("\n");
}
