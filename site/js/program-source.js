// program-source.js finds the program a shared or snippet page was opened with: a short
// link's id (/s/{id}, or ?share={id}), read from the share API, or the program packed in
// the link's fragment (#code=…, program-code.js).
import { codeFromHash, decodeProgram } from "./program-code.js";
import { t } from "./i18n.js";

const ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * linkedProgram resolves with {source, key} for the page's URL, where key names the
 * shared program for saving the learner's edits of it apart from everything else, or
 * rejects with a sentence a learner can read. root is the site's root URL.
 */
export async function linkedProgram(url, root) {
  const id = /\/s\/([^/]+)$/.exec(url.pathname)?.[1] ?? url.searchParams.get("share");
  if (id) {
    if (!ID.test(id)) throw new Error(t("js.link.bad-id"));
    let r;
    try {
      r = await fetch(new URL(`api/share/${id}`, root));
    } catch {
      throw new Error(t("js.link.offline"));
    }
    if (r.status === 404) throw new Error(t("js.link.unknown"));
    if (!r.ok) throw new Error(t("js.link.failed", { status: `${r.status} ${r.statusText}`.trim() }));
    return { source: await r.text(), key: `share:${id}` };
  }
  const code = codeFromHash(url.hash);
  if (code === null) throw new Error(t("js.link.empty"));
  const source = await decodeProgram(code);
  return { source, key: `code:${await digest(source)}` };
}

// digest is a short hash of a program, to key its saved edits.
async function digest(text) {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...sum.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
