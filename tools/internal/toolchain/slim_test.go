package toolchain

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"goconcurrency.dev/playground/tools/internal/gobuild"
)

// TestSlimEditsOfInstalledGo edits the installed Go's files and checks what is left: the
// wasm entries, and none of the other back ends or their imports.
func TestSlimEditsOfInstalledGo(t *testing.T) {
	goroot, err := goEnv("GOROOT")
	if err != nil {
		t.Fatal(err)
	}
	files, hash, err := slimSources(context.Background(), goroot)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(slimEdits) || hash == "" {
		t.Fatalf("%d files, hash %q", len(files), hash)
	}
	checks := []struct {
		has, lacks []string
	}{
		{[]string{`"wasm": wasm.Init`, `"cmd/compile/internal/wasm"`, "gc.Main(archInit)"},
			[]string{"amd64", "arm64", "riscv64", "x86.Init", `"386"`}},
		{[]string{`case "wasm":`, "rewriteBlockWasm", `ctxt.Diag("arch %s not implemented", arch)`, "c.SoftFloat = softfloat"},
			[]string{"rewriteBlockAMD64", "rewriteValueS390X", `case "ppc64le"`, "ppc64 has register bswap ops", "only for loads&stores"}},
		{[]string{`"cmd/internal/obj/wasm"`, "wasm.AI64Add,", `"cmd/internal/obj"`, "obj.As("},
			[]string{`"cmd/internal/obj/x86"`, `"cmd/internal/obj/arm64"`, "x86.REG_AX", "arm64.AADD", "riscv.A"}},
		{[]string{"func initIntrinsics(", `addF("internal/runtime/math", "MulUintptr",`, "sys.ArchWasm"},
			[]string{"simdIntrinsics(addF)", "ClearAVXUpperBits", "buildcfg.Experiment.SIMD"}},
		{[]string{`case "wasm":`, "wasm.Init()", "ld.Main(arch, theArch)", `"cmd/link/internal/wasm"`},
			[]string{"amd64", "mips64", "loong64.Init", `"cmd/link/internal/x86"`}},
		{[]string{"func ldobj(", "unknownObjFormat = true", `Errorf("truncated object file: %s: %v", pn, err)`, "loadpe.PostProcessImports()"},
			[]string{"loadelf.Load", "loadmacho.Load", "loadpe.Load", "loadxcoff.Load", `"cmd/link/internal/loadelf"`, "magic :="}},
		{[]string{"func (out *OutBuf) writeLoc(", "max(lenNeeded, 2*int64(cap(out.heap)))", "clear(out.heap[heapLen:])", "return heapPos, out.heap"},
			[]string{"append(out.heap, make("}},
		{[]string{"func NewLoader(", "symsByName:           [2]map[string]Sym{make(map[string]Sym), make(map[string]Sym)}"},
			[]string{"80000", "50000"}},
	}
	for i, c := range checks {
		src := string(files[i].Source)
		for _, s := range c.has {
			if !strings.Contains(src, s) {
				t.Errorf("%s: edited file lacks %q", slimEdits[i].File, s)
			}
		}
		for _, s := range c.lacks {
			if strings.Contains(src, s) {
				t.Errorf("%s: edited file still has %q", slimEdits[i].File, s)
			}
		}
	}
	// The same sources give the same hash.
	if _, again, err := slimSources(context.Background(), goroot); err != nil || again != hash {
		t.Errorf("hash %s, then %s (%v)", hash, again, err)
	}
}

// TestSlimEditsFailOnNewShape: each edit refuses a file that no longer looks as it
// expects, naming the file, rather than building a tool that might be wrong.
func TestSlimEditsFailOnNewShape(t *testing.T) {
	cases := []struct {
		name, file, src, want string
	}{
		{"no wasm entry", "cmd/compile/main.go", `package main
var archInits = map[string]func(){"amd64": amd64.Init}
func main() {}
`, `0 "wasm" entries`},
		{"map built another way", "cmd/compile/main.go", `package main
var archInits = initArchs()
func main() {}
`, "not a composite literal"},
		{"renamed map", "cmd/compile/main.go", `package main
var backEnds = map[string]func(){"wasm": wasm.Init}
`, "no var archInits"},
		{"wasm shares a case", "cmd/link/main.go", `package main
func main() {
	switch buildcfg.GOARCH {
	default:
	case "amd64":
		x = amd64.Init()
	case "wasm", "wasm32":
		x = wasm.Init()
	}
}
`, "shares a case"},
		{"fallthrough into wasm", "cmd/compile/internal/ssa/config.go", `package ssa
func NewConfig(arch string) {
	switch arch {
	case "wasm64":
		c.PtrSize = 8
		fallthrough
	case "wasm":
		c.RegSize = 8
	default:
		panic(arch)
	}
}
`, "entered by fallthrough"},
		{"no default", "cmd/compile/internal/ssa/config.go", `package ssa
func NewConfig(arch string) {
	switch arch {
	case "amd64":
		c.PtrSize = 8
	case "wasm":
		c.PtrSize = 8
	}
}
`, "found 1 and 0"},
		{"switch moved", "cmd/link/main.go", `package main
func main() { pick(buildcfg.GOARCH) }
`, "no single switch"},
		{"no other assembler", "cmd/compile/internal/ssa/opGen.go", `package ssa
import "cmd/internal/obj/wasm"
var t = []opInfo{{asm: wasm.AI64Add}}
`, "imports no other architecture's assembler package"},
		{"a table names a variable", "cmd/compile/internal/ssa/opGen.go", `package ssa
import "cmd/internal/obj/arm64"
var t = []any{arm64.Linkarm64}
`, "arm64.Linkarm64: is not a constant"},
		{"a type of the assembler", "cmd/compile/internal/ssa/opGen.go", `package ssa
import "cmd/internal/obj/arm64"
var t = []any{arm64.SpecialOne}
`, "cannot name without the package"},
		{"no SIMD block", "cmd/compile/internal/ssagen/intrinsics.go", `package ssagen
func initIntrinsics(cfg *intrinsicBuildConfig) { add("runtime", "KeepAlive", nil, all...) }
`, "0 blocks on buildcfg.Experiment.SIMD, want 1"},
		{"SIMD for wasm", "cmd/compile/internal/ssagen/intrinsics.go", `package ssagen
func initIntrinsics(cfg *intrinsicBuildConfig) {
	if buildcfg.Experiment.SIMD {
		simdIntrinsics(addF)
		addF("simd", "X", nil, sys.Wasm)
	}
}
`, "name wasm"},
		{"SIMD block does something else", "cmd/compile/internal/ssagen/intrinsics.go", `package ssagen
func initIntrinsics(cfg *intrinsicBuildConfig) {
	if buildcfg.Experiment.SIMD {
		addF("simd", "X", nil, sys.AMD64)
	}
}
`, "does not call simdIntrinsics"},
		{"a loader moved", "cmd/link/internal/ld/lib.go", `package ld
func ldobj() {
	if elf { loadelf.Load() }
	if macho { loadmacho.Load() }
	if pe { loadpe.Load() }
}
`, "ldobj does not call loadxcoff.Load"},
		{"output grown another way", "cmd/link/internal/ld/outbuf.go", `package ld
func (out *OutBuf) writeLoc(lenToWrite int64) (int64, []byte) {
	if lenNeeded > heapLen {
		out.heap = slices.Grow(out.heap, int(lenNeeded-heapLen))
	}
	return heapPos, out.heap
}
`, `writeLoc has 0 statements "out.heap = append(out.heap, make([]byte, lenNeeded-heapLen)...)", want 1`},
		{"writeLoc renamed", "cmd/link/internal/ld/outbuf.go", `package ld
func (out *OutBuf) reserve(n int64) {}
`, "no method OutBuf.writeLoc"},
		{"name maps made elsewhere", "cmd/link/internal/loader/loader.go", `package loader
func NewLoader() *Loader {
	return &Loader{symsByName: newNameMaps()}
}
`, "does not set symsByName to a literal of two maps"},
		{"name maps already unsized", "cmd/link/internal/loader/loader.go", `package loader
func NewLoader() *Loader {
	return &Loader{symsByName: [2]map[string]Sym{make(map[string]Sym), make(map[string]Sym)}}
}
`, "are not made with a size: make(map[string]Sym)"},
		{"nothing left to drop", "cmd/link/main.go", `package main
func main() {
	switch buildcfg.GOARCH {
	default:
	case "wasm":
		x = wasm.Init()
	}
}
`, "nothing to remove"},
	}
	edits := map[string]func(f []byte) error{}
	for _, e := range slimEdits {
		edits[e.File] = func(src []byte) error {
			_, err := editGo(e.File, src, func(f *ast.File) ([]span, error) { return e.Edit(f, fakeEnv) })
			return err
		}
	}
	for _, c := range cases {
		err := edits[c.file]([]byte(c.src))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, c.want) || !strings.Contains(msg, c.file) || !strings.Contains(msg, "changed shape") {
			t.Errorf("%s: error %q, want it to name %s and say %q", c.name, msg, c.file, c.want)
		}
	}
}

// fakeEnv serves two small packages in place of the assembler's and cmd/internal/obj.
var fakeEnv = &slimEnv{Packages: func(paths []string) (map[string]*types.Package, error) {
	fset := token.NewFileSet()
	check := func(path, src string, imp types.Importer) *types.Package {
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			panic(err)
		}
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			panic(err)
		}
		return pkg
	}
	obj := check("cmd/internal/obj", "package obj\ntype As int16\nconst ABaseARM64 = 7 << 11\n", nil)
	arm64 := check("cmd/internal/obj/arm64", `package arm64
import "cmd/internal/obj"
type Special int
const (
	AADD obj.As = obj.ABaseARM64 + iota
	ASUB
)
const REG_R0 = 64
const Minus = -3
const Small int8 = 5
const SpecialOne Special = 1
var Linkarm64 = 0
`, importerFunc(func(string) (*types.Package, error) { return obj, nil }))
	out := map[string]*types.Package{}
	for _, p := range paths {
		if p != arm64.Path() {
			return nil, fmt.Errorf("no package %s", p)
		}
		out[p] = arm64
	}
	return out, nil
}}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestInlineArchConstants: every constant of the assembler package becomes its value, in
// its type, and the import goes; the wasm assembler's constants and comments stay.
func TestInlineArchConstants(t *testing.T) {
	src := `package ssa

import (
	"cmd/internal/obj"
	"cmd/internal/obj/arm64"
	"cmd/internal/obj/wasm"
)

var opcodeTable = [...]opInfo{
	{name: "ADD", asm: arm64.AADD}, // the arm64 add
	{name: "SUB", asm: arm64.ASUB},
	{name: "I64Add", asm: wasm.AI64Add},
	{name: "CALL", asm: obj.ACALL},
}

var registers = [...]Register{{0, arm64.REG_R0, "R0"}, {1, arm64.Minus, "M"}, {2, arm64.Small, "S"}}
`
	out, err := editGo("cmd/compile/internal/ssa/opGen.go", []byte(src), func(f *ast.File) ([]span, error) { return inlineArchConstants(f, fakeEnv) })
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, s := range []string{"asm: obj.As(14336)}, // the arm64 add", "asm: obj.As(14337)}", "asm: wasm.AI64Add}", "asm: obj.ACALL}", `{0, 64, "R0"}`, `{1, -3, "M"}`, `{2, int8(5), "S"}`, `"cmd/internal/obj/wasm"`} {
		if !strings.Contains(got, s) {
			t.Errorf("lacks %q:\n%s", s, got)
		}
	}
	if strings.Contains(got, "arm64.") || strings.Contains(got, `"cmd/internal/obj/arm64"`) {
		t.Errorf("still names arm64:\n%s", got)
	}
}

// TestSlimEditDropsUnusedImports: imports only the removed code used go, the rest stay,
// and so do comments outside the removed code.
func TestSlimEditDropsUnusedImports(t *testing.T) {
	src := `package main

import (
	"fmt"
	"cmd/link/internal/amd64"
	"cmd/link/internal/wasm"
	"internal/buildcfg"
)

func main() {
	// Pick the back end.
	switch buildcfg.GOARCH {
	default:
		fmt.Println("unknown") // say so
	case "amd64":
		// the common one
		arch = amd64.Init() // x86-64
	case "wasm":
		arch = wasm.Init()
	}
}
`
	out, err := editGo("cmd/link/main.go", []byte(src), func(f *ast.File) ([]span, error) { return keepWasmLinkArch(f, nil) })
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, s := range []string{`"fmt"`, `"cmd/link/internal/wasm"`, `"internal/buildcfg"`, "// Pick the back end.", "// say so", `case "wasm":`} {
		if !strings.Contains(got, s) {
			t.Errorf("lost %q:\n%s", s, got)
		}
	}
	for _, s := range []string{"amd64", "the common one", "x86-64"} {
		if strings.Contains(got, s) {
			t.Errorf("kept %q:\n%s", s, got)
		}
	}
}

// TestWasmOnlyToolsBuildLikeNative builds programs with the manifest's compile.wasm and
// link.wasm (the wasm-only tools) under Node, on real files, and with the installed Go's
// native compiler and linker, from the same archives and flags: the archives and the
// programs must be byte for byte the same.
func TestWasmOnlyToolsBuildLikeNative(t *testing.T) {
	ctx := context.Background()
	root, _ := filepath.Abs(filepath.Join("..", "..", ".."))
	dir, err := Ensure(ctx, filepath.Join(root, "build", "cache", "toolchain"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		t.Fatal(err)
	}
	// The tools are the wasm-only ones: their function table (names ending in a NUL byte,
	// kept by -s) names the wasm back end and no other.
	for _, c := range []struct {
		file       File
		has, lacks []string
	}{
		{m.Compile, []string{"cmd/compile/internal/wasm.", "cmd/compile/internal/ssa.rewriteValueWasm", "cmd/internal/obj/wasm."},
			[]string{"cmd/compile/internal/amd64.", "cmd/compile/internal/arm64.", "cmd/compile/internal/ssa.rewriteValueAMD64\x00",
				"cmd/internal/obj/arm64.", "cmd/internal/obj/x86.", "cmd/internal/obj/riscv.", "cmd/compile/internal/ssagen.simdIntrinsics\x00"}},
		{m.Link, []string{"cmd/link/internal/wasm."}, []string{"cmd/link/internal/amd64.", "cmd/link/internal/riscv64."}},
	} {
		bin, err := os.ReadFile(filepath.Join(dir, c.file.URL))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.has {
			if !bytes.Contains(bin, []byte(s)) {
				t.Errorf("%s lacks %s", c.file.URL, s)
			}
		}
		for _, s := range c.lacks {
			if bytes.Contains(bin, []byte(s)) {
				t.Errorf("%s still has %s", c.file.URL, s)
			}
		}
	}
	programs := map[string]string{
		"hello": `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() { fmt.Println("goroutine", i) })
	}
	wg.Wait()
}
`,
		"mixed": `package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"text/template"
)

type point struct{ X, Y float64 }

func main() {
	b, _ := json.Marshal(point{math.Pi, math.Sqrt2})
	fmt.Printf("%s %x\n", b, sha256.Sum256(b))
	template.Must(template.New("t").Parse("{{.X}}\n")).Execute(os.Stdout, point{1, 2})
}
`,
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			imports, err := gobuild.FileImports([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var cfg bytes.Buffer
			deps := map[string]bool{"runtime": true}
			for _, im := range imports {
				deps[im] = true
				for _, d := range m.Packages[im].Deps {
					deps[d] = true
				}
			}
			for _, d := range m.Packages["runtime"].Deps {
				deps[d] = true
			}
			for _, p := range slices.Sorted(maps.Keys(deps)) {
				cfg.WriteString("packagefile " + p + "=" + filepath.Join(dir, m.Packages[p].URL) + "\n")
			}
			built := map[string][2][]byte{}
			for _, how := range []string{"native", "wasm"} {
				work := t.TempDir()
				main := filepath.Join(work, "main.go")
				if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(work, "importcfg"), cfg.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				flags := slices.Clone(m.CompileFlags)
				flags[slices.Index(flags, m.WorkDir)] = work
				tool := func(name string, args ...string) {
					var cmd *exec.Cmd
					if how == "native" {
						cmd = exec.CommandContext(ctx, "go", append([]string{"tool", name}, args...)...)
					} else {
						file := m.Compile
						if name == "link" {
							file = m.Link
						}
						cmd = exec.CommandContext(ctx, "node", append([]string{toolRunner(t, goroot, m.ToolMemory, file), filepath.Join(dir, file.URL)}, args...)...)
					}
					cmd.Dir = work
					cmd.Env = gobuild.Env()
					if out, err := cmd.CombinedOutput(); err != nil {
						t.Fatalf("%s %s: %v\n%s", how, name, err, out)
					}
				}
				tool("compile", append(append([]string{"-o", filepath.Join(work, "main.a"), "-importcfg", filepath.Join(work, "importcfg")}, flags...), main)...)
				tool("link", append(append([]string{"-o", filepath.Join(work, "main.wasm"), "-importcfg", filepath.Join(work, "importcfg")}, m.LinkFlags...), filepath.Join(work, "main.a"))...)
				a, err := os.ReadFile(filepath.Join(work, "main.a"))
				if err != nil {
					t.Fatal(err)
				}
				w, err := os.ReadFile(filepath.Join(work, "main.wasm"))
				if err != nil {
					t.Fatal(err)
				}
				built[how] = [2][]byte{a, w}
			}
			if !bytes.Equal(built["native"][0], built["wasm"][0]) {
				t.Errorf("main.a differs: native %d bytes, compile.wasm %d bytes", len(built["native"][0]), len(built["wasm"][0]))
			}
			if !bytes.Equal(built["native"][1], built["wasm"][1]) {
				t.Errorf("main.wasm differs: native %d bytes, link.wasm %d bytes", len(built["native"][1]), len(built["wasm"][1]))
			}
			if len(built["wasm"][1]) < 100_000 {
				t.Errorf("main.wasm is only %d bytes", len(built["wasm"][1]))
			}
		})
	}
}

// TestWriteOverlay: the overlay names every edited file in place of its original, and
// the files hold the edited sources.
func TestWriteOverlay(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "_wasmonly-x")
	files := []slimFile{{"/go/src/cmd/compile/main.go", []byte("package main\n")}, {"/go/src/cmd/link/main.go", []byte("package main // link\n")}}
	overlay, err := writeOverlay(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(overlay)
	if err != nil {
		t.Fatal(err)
	}
	var o struct{ Replace map[string]string }
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Replace) != len(files) {
		t.Fatalf("overlay %s", data)
	}
	for _, f := range files {
		got, err := os.ReadFile(o.Replace[f.Original])
		if err != nil || !bytes.Equal(got, f.Source) {
			t.Errorf("%s: replaced by %q (%v), want %q", f.Original, got, err, f.Source)
		}
	}
	// Writing again (another test process) leaves no temporary files behind.
	if _, err := writeOverlay(dir, files); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(files)+1 {
		t.Errorf("%d files in the overlay folder", len(entries))
	}
}

// toolRunner writes a script that runs a tool of the toolchain under Node as GOROOT's
// wasm_exec_node.js runs a Go program, giving it the memory it imports.
func toolRunner(t *testing.T, goroot string, memory Import, tool File) string {
	if tool.MemoryPages == 0 {
		t.Fatalf("%s: no memoryPages in the manifest", tool.URL)
	}
	script := fmt.Sprintf(`const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (bytes, imports) =>
  instantiate(bytes, { ...imports, %[1]q: { %[2]q: new WebAssembly.Memory({ initial: %[3]d }) } });
require(%[4]q);
`, memory.Module, memory.Name, tool.MemoryPages, filepath.Join(goroot, "lib", "wasm", "wasm_exec_node.js"))
	path := filepath.Join(t.TempDir(), "run-tool.js")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
