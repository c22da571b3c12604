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
 */
export function goFileSystem(fs) {
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
  return out;
}
