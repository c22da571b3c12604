// program-code.js packs a program into the text of a URL and back: UTF-8, compressed with
// deflate-raw (CompressionStream), then base64url without padding. Share links on a
// static host (#code=…), the snippet embeds and embed.js all carry programs this way.
//
// It is not for: the share API's short links (share.js), which store the text itself.
import { t } from "./i18n.js";

/** encodeProgram packs source into URL-safe text. */
export async function encodeProgram(source) {
  const packed = await through(new TextEncoder().encode(source), new CompressionStream("deflate-raw"));
  let binary = "";
  for (let i = 0; i < packed.length; i += 0x8000) binary += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * decodeProgram unpacks text made by encodeProgram. Text that is not such a program is
 * rejected with an error that says so, never turned into a program.
 */
export async function decodeProgram(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error(t("js.link.form"));
  let binary;
  try {
    binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    throw new Error(t("js.link.damaged"));
  }
  const packed = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let bytes;
  try {
    bytes = await through(packed, new DecompressionStream("deflate-raw"));
  } catch {
    throw new Error(t("js.link.damaged"));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(t("js.link.not-text"));
  }
}

/** codeFromHash returns the packed program of a URL fragment "#code=…", or null. */
export function codeFromHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get("code");
}

async function through(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
