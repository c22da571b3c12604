// memory-limit.js bounds a Go program's memory before it is instantiated, by rewriting the
// memory section of its WebAssembly binary. The runners call it on every program.
//
// It is not for: measuring or reporting memory (host.js reports a program that ran out).

/** MEMORY_LIMIT is how much WebAssembly memory a program may have: 1 GiB. */
export const MEMORY_LIMIT = 1 << 30;

/**
 * withMemoryLimit returns a Go wasm binary whose memory may not grow past maxBytes: a
 * rewritten copy of bytes (an ArrayBuffer or a Uint8Array), or bytes themselves when their
 * memory already stops there (or cannot). A program that allocates more then fails inside
 * Go with "out of memory" instead of exhausting the browser tab. Nothing else is copied:
 * on a run's way to its first line, every megabyte of fresh memory counts.
 */
export function withMemoryLimit(bytes, maxBytes = MEMORY_LIMIT) {
  const src = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  const maxPages = Math.floor(maxBytes / 65536);
  let pos = 8; // magic and version
  while (pos < src.length) {
    const id = src[pos];
    const [size, sizeLen] = readLEB(src, pos + 1);
    const body = pos + 1 + sizeLen;
    if (id === 5) {
      // Memory section: a vector holding one limits entry.
      let p = body;
      const [count, countLen] = readLEB(src, p);
      p += countLen;
      if (count !== 1) return src;
      const flags = src[p];
      const [min, minLen] = readLEB(src, p + 1);
      if ((flags !== 0 && flags !== 1) || min > maxPages) return src;
      if (flags === 1 && readLEB(src, p + 1 + minLen)[0] <= maxPages) return src;
      const content = [...writeLEB(1), 1, ...writeLEB(min), ...writeLEB(maxPages)];
      const rebuilt = [5, ...writeLEB(content.length), ...content];
      const out = new Uint8Array(src.length - (body + size - pos) + rebuilt.length);
      out.set(src.subarray(0, pos));
      out.set(rebuilt, pos);
      out.set(src.subarray(body + size), pos + rebuilt.length);
      return out;
    }
    pos = body + size;
  }
  return src;
}

function readLEB(buf, pos) {
  let result = 0, shift = 0, len = 0, byte;
  do {
    byte = buf[pos + len++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, len];
}

function writeLEB(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}
