// storage.js is the page's use of localStorage: what the learner keeps between visits
// (edits, the clock, exercises done), and how much memory the toolchain took. Storage may be full or disabled; nothing fails
// because of it, the page only forgets.

/** editKey is the localStorage key of a lesson program's saved edit. */
export const editKey = (slug, file) => `playground:edit:${slug}/${file}`;

/** doneKey is the localStorage key that says a lesson's exercises were solved. */
export const doneKey = (slug) => `playground:done:${slug}`;

/**
 * toolMemoryKey is the localStorage key of how far the compiler's and linker's memories
 * grew in this browser (Toolchain.memoryGrown), so the next visit can map that much ahead.
 */
export const toolMemoryKey = "playground:toolchain-memory";

export function readSaved(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage may be full or disabled; the edit still lives in the editor.
  }
}
