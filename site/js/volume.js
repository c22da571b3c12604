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
 * fixed maps absolute paths to the bytes of files that are never written again once in
 * the volume (the toolchain's archives). A file of it opened for reading is read from
 * those bytes straight into the caller's buffer: memfs would copy each read through its
 * Buffer, which in a browser is a JavaScript shim, and the linker reads tens of
 * megabytes of archives per build.
 */
export function goFileSystem(fs, fixed = null) {
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
  if (fixed?.size) readFixedFilesDirectly(out, fixed);
  return out;
}

// readFixedFilesDirectly wraps open, read and close of a Go file system so that the
// files of fixed, opened read-only, are read from their bytes. The volume still opens
// them, so stat, fstat and directory listings stay its own.
function readFixedFilesDirectly(out, fixed) {
  const { open, read, close } = out;
  const direct = new Map(); // fd -> {data, pos}
  const ACCESS_MODE = 3; // O_RDONLY 0, O_WRONLY 1, O_RDWR 2
  out.open = (path, flags, mode, callback) => {
    open(path, flags, mode, (err, fd) => {
      const data = err || (flags & ACCESS_MODE) !== 0 ? undefined : fixed.get(path);
      if (data) direct.set(fd, { data, pos: 0 });
      callback(err, fd);
    });
  };
  out.read = (fd, buffer, offset, length, position, callback) => {
    const file = direct.get(fd);
    if (!file) return read(fd, buffer, offset, length, position, callback);
    const at = position ?? file.pos;
    const n = Math.max(0, Math.min(length, file.data.length - at));
    buffer.set(file.data.subarray(at, at + n), offset);
    if (position == null) file.pos = at + n;
    callback(null, n, buffer);
  };
  out.close = (fd, callback) => {
    direct.delete(fd);
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
