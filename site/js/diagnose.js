// diagnose.js turns the Go runtime's reports into something a learner can read: the
// goroutine dump of a deadlock becomes one entry per goroutine (where it waits, in which
// line of the program, what it holds), and an unrecovered panic becomes its message and
// line. Lock ownership comes from the playground's observed sync package (wasm/syncwatch),
// which reports every Lock and Unlock to the host.
//
// It is not for: running programs (host.js) or drawing (output-view.js).
import { MAIN_FILE, goroutineName } from "./goroutine-name.js";

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
 *   {goroutines: [{id, name, wait, line, startLine, holds: [{name, line}], wants: {name, line, heldBy}}],
 *    summary: [sentences], lists: [null | [goroutine ids]]}
 * where lists[i] names the goroutines summary[i] speaks of when it speaks of several.
 */
export function diagnoseDeadlock(report, locks, source) {
  const dump = parseDump(report);
  const named = (lock, line) => lockName(source, line) ?? "a lock";
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
  // holder, holding nothing) share one sentence once there are GROUP_AT of them, and
  // lists says which goroutines it speaks of.
  const summary = [];
  const lists = [];
  const groups = new Map();
  for (const g of goroutines) {
    const key = g.holds.length ? `#${g.id}` : JSON.stringify([g.name, g.wait, g.line, g.wants?.name, g.wants?.line, g.wants?.heldBy]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(g);
  }
  for (const members of groups.values()) {
    if (members.length >= GROUP_AT && !members.some((g) => g.wants?.heldBy.includes(g.id))) {
      summary.push(groupSentence(members));
      lists.push(members.map((g) => g.id));
    } else {
      for (const g of members) {
        summary.push(sentence(g));
        lists.push(null);
      }
    }
  }
  const cycle = findCycle(goroutines);
  if (cycle && cycle.length > 1) {
    summary.unshift(`A cycle: ${cycle.map((g) => `goroutine ${g.id} holds ${g.holds.find((h) => cycle.some((o) => o.wants?.lock === h.lock))?.name ?? "a lock"} and wants ${g.wants.name}`).join("; ")}. None of them can go on.`);
    lists.unshift(null);
  }
  return { goroutines, summary, lists };
}

/** GROUP_AT is how many goroutines waiting alike share one sentence of a diagnosis. */
export const GROUP_AT = 3;

// sentence says where one goroutine waits, what it wants and what it holds.
function sentence(g) {
  const where = g.line ? ` at line ${g.line}` : "";
  let s = `goroutine ${g.id} (${g.name}) waits in ${g.wait}${where}`;
  if (g.wants) {
    s = `goroutine ${g.id} (${g.name}) wants ${g.wants.name} at line ${g.wants.line}`;
    const self = g.wants.heldBy.includes(g.id);
    if (self) {
      const took = g.holds.find((h) => h.lock === g.wants.lock);
      s += `, which it already holds (it took it at line ${took?.line}): a sync.Mutex is not reentrant, so it waits for itself`;
    } else if (g.wants.heldBy.length) {
      s += `, held by goroutine ${g.wants.heldBy.join(" and ")}`;
    }
  }
  const others = g.holds.filter((h) => !g.wants || h.lock !== g.wants.lock || !g.wants.heldBy.includes(g.id));
  if (others.length) s += `; it holds ${others.map((h) => `${h.name} (taken at line ${h.line})`).join(" and ")}`;
  return s + ".";
}

// groupSentence says the same for goroutines that wait alike and hold nothing.
function groupSentence(members) {
  const g = members[0];
  const count = `${members.length.toLocaleString("en-US")} goroutines (${g.name})`;
  if (g.wants) {
    const held = g.wants.heldBy.length ? `, held by goroutine ${g.wants.heldBy.join(" and ")}` : "";
    return `${count} want ${g.wants.name} at line ${g.wants.line}${held}.`;
  }
  return `${count} wait in ${g.wait}${g.line ? ` at line ${g.line}` : ""}.`;
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
