package toolchain

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tinyModule is (module (memory (export "mem") 2) (func (export "store")
// (i32.store (i32.const 0) (i32.const 42)))), with a function import first when
// withImport is set.
func tinyModule(withImport bool) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 1, 4, 1, 0x60, 0, 0) // types: () -> ()
	if withImport {
		// imports: "env" "f" (func (type 0))
		m = append(m, 2, 9, 1, 3, 'e', 'n', 'v', 1, 'f', 0, 0)
	}
	m = append(m, 3, 2, 1, 0)    // functions: one of type 0
	m = append(m, 5, 3, 1, 0, 2) // memory: minimum 2 pages
	m = append(m, 7, 15, 2, 3, 'm', 'e', 'm', 2, 0, 5, 's', 't', 'o', 'r', 'e', 0, 0)
	if withImport {
		m[len(m)-1] = 1 // with the import first, "store" is function 1
	}
	m = append(m, 10, 11, 1, 9, 0, 0x41, 0, 0x41, 42, 0x36, 2, 0, 0x0b)
	return m
}

func TestImportMemoryKeepsTheModuleWorking(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is needed to instantiate the rewritten module:", err)
	}
	for _, withImport := range []bool{false, true} {
		out, pages, err := importMemory(tinyModule(withImport))
		if err != nil {
			t.Fatal(err)
		}
		if pages != 2 {
			t.Errorf("pages = %d, want 2", pages)
		}
		if bytes.Contains(out, []byte{5, 3, 1, 0, 2}) {
			t.Error("the memory section is still there")
		}
		path := filepath.Join(t.TempDir(), "m.wasm")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		// The module must validate, import the memory it is given, export that same
		// memory, and store into it.
		script := `
const bytes = require("fs").readFileSync(process.argv[1]);
const memory = new WebAssembly.Memory({ initial: 2 });
const imports = { toolchain: { memory }, env: { f() {} } };
const mod = new WebAssembly.Module(bytes);
const kinds = WebAssembly.Module.imports(mod).map((i) => i.module + "." + i.name + ":" + i.kind).join(" ");
const { exports } = new WebAssembly.Instance(mod, imports);
exports.store();
console.log(kinds, exports.mem === memory, new Uint8Array(memory.buffer)[0]);
try { new WebAssembly.Instance(mod, { ...imports, toolchain: { memory: new WebAssembly.Memory({ initial: 1 }) } }); console.log("accepted a smaller memory"); } catch { console.log("refused a smaller memory"); }
`
		got, err := exec.Command(node, "-e", script, path).CombinedOutput()
		if err != nil {
			t.Fatalf("withImport=%v: %v\n%s", withImport, err, got)
		}
		want := "toolchain.memory:memory true 42\nrefused a smaller memory\n"
		if withImport {
			want = "env.f:function " + want
		}
		if string(got) != want {
			t.Errorf("withImport=%v: node printed\n%s\nwant\n%s", withImport, got, want)
		}
	}
}

func TestImportMemoryRefusesOtherShapes(t *testing.T) {
	noMemory := bytes.Replace(tinyModule(false), []byte{5, 3, 1, 0, 2}, nil, 1)
	for name, module := range map[string][]byte{
		"not wasm":  []byte("\x7fELF...."),
		"no memory": noMemory,
		"truncated": tinyModule(false)[:20],
	} {
		if _, _, err := importMemory(module); err == nil {
			t.Errorf("%s: no error", name)
		} else if strings.TrimSpace(err.Error()) == "" {
			t.Errorf("%s: empty error", name)
		}
	}
}
