// program-source.js finds the program a shared or snippet page was opened with: a short
// link's id (/s/{id}, or ?share={id}), read from the share API, or the program packed in
// the link's fragment (#code=…, program-code.js).
import { codeFromHash, decodeProgram } from "./program-code.js";

const ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * linkedProgram resolves with {source, key} for the page's URL, where key names the
 * shared program for saving the learner's edits of it apart from everything else, or
 * rejects with a sentence a learner can read. root is the site's root URL.
 */
export async function linkedProgram(url, root) {
  const id = /\/s\/([^/]+)$/.exec(url.pathname)?.[1] ?? url.searchParams.get("share");
  if (id) {
    if (!ID.test(id)) throw new Error("This link's program id is not one the playground makes.");
    let r;
    try {
      r = await fetch(new URL(`api/share/${id}`, root));
    } catch {
      throw new Error("The shared program could not be fetched: the network is not reachable.");
    }
    if (r.status === 404) throw new Error("No program is shared under this link.");
    if (!r.ok) throw new Error(`The shared program could not be fetched (${r.status} ${r.statusText}).`);
    return { source: await r.text(), key: `share:${id}` };
  }
  const code = codeFromHash(url.hash);
  if (code === null) throw new Error("This link carries no program.");
  const source = await decodeProgram(code);
  return { source, key: `code:${await digest(source)}` };
}

// digest is a short hash of a program, to key its saved edits.
async function digest(text) {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...sum.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
