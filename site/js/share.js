// share.js makes the links and snippets that take a program out of its page: a share link
// (a short /s/{id} link from the share API where the site runs on its Worker, else one
// that carries the program in its fragment, /s/#code=…), and the snippets that embed a
// lesson in another page.
import { encodeProgram } from "./program-code.js";
import { t } from "./i18n.js";

/**
 * shareProgram returns {url, note?}: a link that opens exactly source in the shared
 * program page. root is the site's root URL; lesson and program say where it came from,
 * for the page's link back.
 */
export async function shareProgram(source, { root, lesson, program }) {
  const from = new URLSearchParams();
  if (lesson) from.set("lesson", lesson);
  if (program) from.set("program", program);
  const query = from.size ? `?${from}` : "";
  let note;
  try {
    const r = await fetch(new URL("api/share", root), {
      method: "POST",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: source,
    });
    if (r.ok) {
      const { id } = await r.json();
      if (typeof id === "string" && /^[A-Za-z0-9_-]{11}$/.test(id)) return { url: new URL(`s/${id}${query}`, root).href };
    } else if (r.status === 413 || r.status === 400) {
      // The API refused this program: the link can still carry it.
      note = t("js.share.long", { why: (await r.text()).trim() || r.statusText });
    }
  } catch {
    // No share API here (a plain static host): the link carries the program.
  }
  const url = new URL(`s/${query}`, root);
  url.hash = `code=${await encodeProgram(source)}`;
  return { url: url.href, note };
}

/** attribute escapes text for a double-quoted HTML attribute. */
function attribute(text) {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * embedSnippets returns the two ways to put a lesson's program into another page: an
 * iframe of its embed page, and the one-line script with a <go-playground> element.
 * options (theme, readonly, autorun, clock, lines, timeline) become the embed's query.
 */
export function embedSnippets({ root, lesson, program, title, options = {} }) {
  const query = new URLSearchParams();
  if (program) query.set("program", program);
  for (const [k, v] of Object.entries(options)) if (v !== undefined && v !== "") query.set(k, String(v));
  const src = new URL(`embed/${lesson}/${query.size ? `?${query}` : ""}`, root).href;
  const script = new URL("embed.js", root).href;
  const iframe = `<iframe src="${attribute(src)}" title="${attribute(title || "Go program")}" width="100%" height="520" style="border:0" loading="lazy" allow="clipboard-write"></iframe>\n<script src="${attribute(script)}" defer></script>`;
  const attrs = [`lesson="${attribute(lesson)}"`];
  if (program) attrs.push(`program="${attribute(program)}"`);
  for (const [k, v] of Object.entries(options)) if (v !== undefined && v !== "") attrs.push(`${attribute(k)}="${attribute(String(v))}"`);
  const element = `<go-playground ${attrs.join(" ")}></go-playground>\n<script src="${attribute(script)}" defer></script>`;
  return { iframe, script: element };
}
