// toolchain-progress.js counts the toolchain's downloads (toolchain.js) for its progress
// bar in the bytes that cross the network. The server sends most files compressed, and a
// response's body arrives decoded, so a file's share of the total is what the manifest
// says it is sent as ("sent": its compressed sizes by Content-Encoding, written by
// tools/internal/toolchain), and the decoded bytes that have arrived tell how much of
// that share has come.

/**
 * sentSize is how many bytes fetching file (an entry of the manifest: {size, sent?})
 * costs when its response comes with the given Content-Encoding (null: none); before the
 * response says (undefined), with the best encoding the manifest has. A file sent as it
 * is, or not listed for the encoding, costs its size.
 */
export function sentSize(file, encoding) {
  const sent = file.sent ?? {};
  if (encoding === undefined) return sent.br ?? sent.gzip ?? file.size;
  return (encoding && sent[encoding]) || file.size;
}

/**
 * countDownload follows the download of one file in progress ({loaded, total}, whose
 * total already counts sentSize(file)), calling report each time loaded grows. It
 * returns the download's callbacks: bytes(n) as n decoded bytes arrive, encoding(name)
 * once the response says how it is sent (its Content-Encoding, or null), and done()
 * when the file is all there.
 */
export function countDownload(progress, file, report) {
  let share = sentSize(file);
  let decoded = 0;
  let counted = 0; // of share, already in progress.loaded
  const update = () => {
    const now = file.size > 0 ? Math.round((share * decoded) / file.size) : share;
    progress.loaded += now - counted;
    counted = now;
    report();
  };
  return {
    bytes(n) {
      decoded = Math.min(file.size, decoded + n);
      update();
    },
    encoding(name) {
      const actual = sentSize(file, name ?? null);
      progress.total += actual - share;
      share = actual;
      update();
    },
    done() {
      decoded = file.size;
      update();
    },
  };
}
