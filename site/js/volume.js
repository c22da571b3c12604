// volume.js makes the in-memory file systems (memfs) that programs and the toolchain see.
//
// memfs checks permissions against the user of the process it runs in (the real one under
// Node, uid 0 in a browser), but stamps new files with the ids of the process object it
// was given. Go programs see a process object of their own (the program's uid 1000,
// process.js), and in a browser wasm_exec.js defines a stub one (uid -1), so each volume
// gets an explicit process whose ids are the checking user's: files a program creates
// are then its own to write.
import { memfs } from "memfs";
import { nodeProcess } from "./process.js";
const owner = { uid: nodeProcess?.getuid?.() ?? 0, gid: nodeProcess?.getgid?.() ?? 0 };

/** newVolume returns {fs, vol}: an empty file system whose working directory is cwd. */
export function newVolume(cwd) {
  const process = {
    cwd: () => cwd,
    platform: "linux",
    env: {},
    emitWarning: () => {},
    getuid: () => owner.uid,
    getgid: () => owner.gid,
  };
  const volume = memfs({}, { cwd: "/", process });
  volume.fs.mkdirSync(cwd, { recursive: true });
  return volume;
}

// The callback methods Go's syscall package calls (syscall/fs_js.go).
const CALLBACK_METHODS = [
  "chmod", "chown", "close", "fchmod", "fchown", "fstat", "fsync", "ftruncate", "lchown",
  "link", "lstat", "mkdir", "open", "read", "readdir", "readlink", "rename", "rmdir",
  "stat", "symlink", "truncate", "unlink", "utimes", "write",
];

/**
 * goFileSystem returns the object a Go program sees as its global fs: the volume's
 * methods, with every callback method answering at once, before it returns. Go's
 * syscall package then receives each result without parking the goroutine and going
 * through the scheduler's idle loop (the linker makes hundreds of such calls per build).
 *
 * options (for the toolchain's tools):
 *   fixed     absolute path -> the bytes of a file that is never written again once in
 *             the volume (the archives). Opened for reading, it is read from those bytes
 *             straight into the caller's buffer: memfs would copy each read through its
 *             Buffer, which in a browser is a JavaScript shim, and the linker reads tens
 *             of megabytes of archives per build.
 *   captured  absolute path -> a CapturedFile that holds what is written to that path
 *             (a tool's output) in place of the volume, which still creates the file.
 */
export function goFileSystem(fs, { fixed = null, captured = null } = {}) {
  const out = { ...fs, constants: fs.constants };
  for (const name of CALLBACK_METHODS) {
    const sync = fs[`${name}Sync`];
    if (typeof sync !== "function") continue;
    out[name] = (...args) => {
      const callback = args.pop();
      let result;
      try {
        result = sync(...args);
      } catch (err) {
        callback(err);
        return;
      }
      if (name === "read" || name === "write") callback(null, result, args[1]);
      else callback(null, result);
    };
  }
  if (fixed?.size || captured?.size) useFilesDirectly(out, fixed ?? new Map(), captured ?? new Map());
  return out;
}

/**
 * CapturedFile holds what a tool writes to one path, in a buffer kept from one build to
 * the next: in a browser, memfs would copy each write into a new Buffer, and the output
 * would be copied out of it again to be read.
 */
export class CapturedFile {
  constructor() {
    this.data = new Uint8Array(1 << 16);
    this.size = 0;
  }

  truncate() {
    this.size = 0;
  }

  write(bytes, at) {
    const end = at + bytes.length;
    if (end > this.data.length) {
      const grown = new Uint8Array(Math.max(end, 2 * this.data.length));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    if (at > this.size) this.data.fill(0, this.size, at);
    this.data.set(bytes, at);
    this.size = Math.max(this.size, end);
  }

  /** bytes returns a copy of what the file holds. */
  bytes() {
    return this.data.slice(0, this.size);
  }
}

// useFilesDirectly wraps open, read, write and close of a Go file system so that fixed
// files opened for reading are read from their bytes and captured files hold what is
// written to them. The volume still opens both, so stat and directory listings stay its
// own (a captured file's size there stays 0).
function useFilesDirectly(out, fixed, captured) {
  const { open, read, write, close } = out;
  const reading = new Map(); // fd -> {data, pos}
  const writing = new Map(); // fd -> {file: CapturedFile, pos}
  const { O_ACCMODE = 3, O_RDONLY = 0, O_TRUNC = 512 } = out.constants ?? {};
  out.open = (path, flags, mode, callback) => {
    open(path, flags, mode, (err, fd) => {
      if (!err) {
        const file = captured.get(path);
        if (file && (flags & O_ACCMODE) !== O_RDONLY) {
          if (flags & O_TRUNC) file.truncate();
          writing.set(fd, { file, pos: 0 });
        } else if (file) {
          reading.set(fd, { data: file.data.subarray(0, file.size), pos: 0 });
        } else if (fixed.has(path) && (flags & O_ACCMODE) === O_RDONLY) {
          reading.set(fd, { data: fixed.get(path), pos: 0 });
        }
      }
      callback(err, fd);
    });
  };
  out.read = (fd, buffer, offset, length, position, callback) => {
    const file = reading.get(fd);
    if (!file) return read(fd, buffer, offset, length, position, callback);
    const at = position ?? file.pos;
    const n = Math.max(0, Math.min(length, file.data.length - at));
    buffer.set(file.data.subarray(at, at + n), offset);
    if (position == null) file.pos = at + n;
    callback(null, n, buffer);
  };
  out.write = (fd, buffer, offset, length, position, callback) => {
    const w = writing.get(fd);
    if (!w) return write(fd, buffer, offset, length, position, callback);
    const at = position ?? w.pos;
    w.file.write(buffer.subarray(offset, offset + length), at);
    if (position == null) w.pos = at + length;
    callback(null, length, buffer);
  };
  out.close = (fd, callback) => {
    reading.delete(fd);
    writing.delete(fd);
    close(fd, callback);
  };
}

/**
 * scratchUint8Array returns a stand-in for Uint8Array, to put on a Go tool's global
 * object. Go's syscall package (fs_js.go) makes a new Uint8Array of a call's length for
 * every read and write, copies through it and drops it; made anew, each would be fresh
 * memory that a browser maps and zeroes page by page, and the linker reads tens of
 * megabytes of archives per build. The stand-in hands out zeroed views of one scratch
 * buffer that lives as long as the stand-in, so a view is valid only until the next one
 * is made: that is how the syscall package uses them, and nothing else in the tools
 * makes a Uint8Array from their global object. Other forms (from a buffer, an array)
 * are real new arrays.
 */
export function scratchUint8Array() {
  let scratch = new ArrayBuffer(1 << 16);
  function ScratchUint8Array(...args) {
    if (!new.target) throw new TypeError("Constructor Uint8Array requires 'new'");
    if (args.length !== 1 || typeof args[0] !== "number") return new Uint8Array(...args);
    const n = args[0];
    if (n > scratch.byteLength) scratch = new ArrayBuffer(Math.max(n, 2 * scratch.byteLength));
    return new Uint8Array(scratch, 0, n).fill(0);
  }
  ScratchUint8Array.prototype = Uint8Array.prototype;
  return ScratchUint8Array;
}
