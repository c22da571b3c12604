import { test } from "node:test";
import assert from "node:assert/strict";
import { Toolchain } from "./toolchain-without-go.js";

// A program importing fmt: the compiler reads fmt's archive only, the linker also those of
// the packages fmt depends on (runtime and strconv here).
const manifest = {
  workDir: "/work",
  compile: { url: "compile.1.wasm", size: 1000 },
  link: { url: "link.1.wasm", size: 500 },
  compileFlags: ["-p", "main"],
  linkFlags: [],
  importable: ["fmt"],
  packages: {
    fmt: { url: "pkg/fmt.1.a", size: 10, deps: ["runtime", "strconv"] },
    strconv: { url: "pkg/strconv.1.a", size: 10, deps: ["runtime"] },
    runtime: { url: "pkg/runtime.1.a", size: 10, deps: [] },
  },
  injected: { name: "zz.go", source: "package main\n" },
};

// gate returns a promise and the function that settles it.
function gate() {
  let open;
  const p = new Promise((resolve) => (open = resolve));
  return { p, open };
}

test("the compiler runs once both tools and every archive the build reads are in", async () => {
  const linker = gate(); // the linker's module
  const rest = gate(); // the archives only the linker reads
  const events = [];
  const tc = new Toolchain({
    load: async (path) => {
      if (path === "manifest.json") return new TextEncoder().encode(JSON.stringify(manifest));
      events.push(`fetch ${path}`);
      if (path !== "pkg/fmt.1.a") await rest.p;
      events.push(`got ${path}`);
      return new Uint8Array([1]);
    },
    compileModule: async (path) => {
      if (path.startsWith("link.")) await linker.p;
      events.push(`got ${path}`);
      return { module: path };
    },
  });
  tc.runTool = async (name) => {
    events.push(`run ${name}`);
    return { status: 0, output: "" };
  };
  const built = tc.build('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(1) }\n');
  await new Promise((r) => setTimeout(r, 20));
  // Every archive was asked for at once, the compiler's own first.
  const fetches = events.filter((e) => e.startsWith("fetch "));
  assert.deepEqual(fetches[0], "fetch pkg/fmt.1.a");
  assert.deepEqual(fetches.toSorted(), ["fetch pkg/fmt.1.a", "fetch pkg/runtime.1.a", "fetch pkg/strconv.1.a"]);
  assert.ok(events.includes("got pkg/fmt.1.a") && events.includes("got compile.1.wasm"));
  assert.ok(!events.includes("run compile"), `the compiler ran before the linker's archives were in: ${events}`);

  rest.open();
  await new Promise((r) => setTimeout(r, 20));
  assert.ok(!events.includes("run compile"), `the compiler ran before the linker was in: ${events}`);
  linker.open();
  const r = await built;
  assert.equal(r.ok, true);
  const compileAt = events.indexOf("run compile");
  for (const e of ["got link.1.wasm", "got pkg/runtime.1.a", "got pkg/strconv.1.a"]) {
    assert.ok(events.indexOf(e) < compileAt, `${e} came after the compiler ran: ${events}`);
  }
  assert.deepEqual(events.slice(compileAt), ["run compile", "run link"]);
});

test("an archive only the linker reads that fails to load fails the build before compiling", async () => {
  const tc = new Toolchain({
    load: async (path) => {
      if (path === "manifest.json") return new TextEncoder().encode(JSON.stringify(manifest));
      if (path === "pkg/runtime.1.a") throw new TypeError("offline");
      return new Uint8Array([1]);
    },
    compileModule: async (path) => ({ module: path }),
  });
  const ran = [];
  tc.runTool = async (name) => (ran.push(name), { status: 0, output: "" });
  await assert.rejects(tc.build('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(1) }\n'), /offline/);
  assert.deepEqual(ran, []);
  // A later build asks for the archive again.
  let again = false;
  tc.load = async (path) => ((again ||= path === "pkg/runtime.1.a"), new Uint8Array([1]));
  assert.equal((await tc.build('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(2) }\n')).ok, true);
  assert.ok(again);
});

test("a prefetch asks for the archives the compiler reads first", async () => {
  const asked = [];
  const tc = new Toolchain({
    load: async (path) => {
      if (path === "manifest.json") return new TextEncoder().encode(JSON.stringify(manifest));
      asked.push(path);
      return new Uint8Array([1]);
    },
    compileModule: async (path) => ({ module: path }),
  });
  await tc.prefetch('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(1) }\n');
  assert.equal(asked[0], "pkg/fmt.1.a");
  assert.deepEqual(asked.toSorted(), ["pkg/fmt.1.a", "pkg/runtime.1.a", "pkg/strconv.1.a"]);
});
