// process.js makes the process object a Go program or tool sees as its global process
// (Go's syscall package reads its cwd, pid and user ids; see go-instance.js), and
// remembers Node's own process object.

/** nodeProcess is Node's process object, or null in a browser. */
export const nodeProcess = globalThis.process?.versions?.node ? globalThis.process : null;

/**
 * goProcess returns a process object for Go code: working directory cwd, pid 1, uid 1000.
 * argv0 must not say "node": net/http turns fetch off when it does. Under Node the real
 * process stays reachable through the prototype.
 */
export function goProcess(cwd, argv0) {
  const enosys = () => Object.assign(new Error("not implemented"), { code: "ENOSYS" });
  const own = {
    argv0,
    pid: 1,
    ppid: 0,
    cwd: () => cwd,
    chdir: () => { throw enosys(); },
    getuid: () => 1000,
    getgid: () => 1000,
    geteuid: () => 1000,
    getegid: () => 1000,
    getgroups: () => [1000],
    umask: () => 0o022,
  };
  const descriptors = {};
  for (const [key, value] of Object.entries(own)) descriptors[key] = { value, enumerable: true };
  return Object.create(nodeProcess ?? {}, descriptors);
}
