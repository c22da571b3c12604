// i18n.js gives the page scripts their words in the page's language. The words live in
// site/i18n/<lang>.json, under keys that start with "js."; the site builder writes the
// page's edition's "js." strings into the page as
//
//   <script type="application/json" id="ui-strings">{"js.output.compiling": "Compiling…", …}</script>
//
// and t looks them up there. Values name their parts in braces ("Compiled in {compile}"),
// which t fills in. Workers have no page: what they report stays data (events.js), and
// the page puts it into words.
//
// A key the table lacks shows as itself, so a missing string is seen rather than hidden;
// unit tests load site/i18n/en.json with setStrings(…, {strict: true}), where it throws,
// and test/i18n.test.js checks that every key the scripts name is in every table.

let table = null;
let strict = false;

/** setStrings makes strings (key → text) the table t reads, in place of the page's. */
export function setStrings(strings, { strict: throwOnMissing = false } = {}) {
  table = strings;
  strict = throwOnMissing;
}

function strings() {
  if (table) return table;
  table = {};
  const el = globalThis.document?.getElementById("ui-strings");
  if (el) {
    try {
      table = JSON.parse(el.textContent);
    } catch {
      // Not the site's table: every key shows as itself.
    }
  }
  return table;
}

/** t returns the text of key with its {name} parts filled from vars. */
export function t(key, vars) {
  const text = strings()[key];
  if (typeof text !== "string") {
    if (strict) throw new Error(`no string ${JSON.stringify(key)} in the table`);
    return key;
  }
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/** andList joins items as a sentence lists them: "a", "a and b", "a, b and c". */
export function andList(items) {
  const all = items.map(String);
  if (all.length <= 1) return all.join("");
  return all.slice(0, -1).join(t("js.list.sep")) + t("js.list.and") + all[all.length - 1];
}

/** list joins items with the language's comma: "10, 11, 12". */
export function list(items) {
  return items.map(String).join(t("js.list.sep"));
}

/** count writes a number as both editions do: 1,000. */
export function count(n) {
  return n.toLocaleString("en-US");
}
