package toolchain

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// The in-browser compiler and linker only ever target js/wasm, yet cmd/compile and
// cmd/link carry a back end for every architecture. Building them with "go build
// -overlay" in place of a few files of the installed GOROOT, each edited to keep only
// what wasm uses, lets the linker drop the other back ends: the compiler shrinks by more
// than a third and the linker by 15%, they load faster in the browser, and they
// produce the same bytes (tested).
//
// Two more edits make the linker quicker at what a wasm link does, with the same output:
// its output buffer doubles when it grows, and its maps of symbol names start empty
// instead of sized for the compiler's own link.
//
// The edits are made here at build time, from the installed Go's own files: no copy of
// Go's source is kept. Each edit checks the shape it expects and fails, naming the file,
// when a Go upgrade changed it.

// slimEdit is one file of the GOROOT replaced in the slim build.
type slimEdit struct {
	File string // relative to GOROOT/src
	// Edit edits the parsed file and returns where it removed or replaced code.
	Edit func(*ast.File, *slimEnv) ([]span, error)
}

// slimEnv is what an edit may consult besides its file.
type slimEnv struct {
	// Packages returns the named packages as the compiler sees them for js/wasm.
	Packages func(paths []string) (map[string]*types.Package, error)
}

var slimEdits = []slimEdit{
	{"cmd/compile/main.go", keepWasmArchInit},
	{"cmd/compile/internal/ssa/config.go", keepWasmConfig},
	{"cmd/compile/internal/ssa/opGen.go", inlineArchConstants},
	{"cmd/compile/internal/ssagen/intrinsics.go", dropSIMDIntrinsics},
	{"cmd/link/main.go", keepWasmLinkArch},
	{"cmd/link/internal/ld/lib.go", dropHostObjectLoaders},
	{"cmd/link/internal/ld/outbuf.go", doubleOutputHeap},
	{"cmd/link/internal/loader/loader.go", unsizeSymbolNameMaps},
}

// slimFile is an edited file: where it replaces the original, and its new content.
type slimFile struct {
	Original string // absolute path in GOROOT
	Source   []byte
}

// slimSources edits every file of slimEdits from the GOROOT at goroot and returns the
// new files and a hash of them for cache keys.
func slimSources(ctx context.Context, goroot string) ([]slimFile, string, error) {
	env := &slimEnv{Packages: func(paths []string) (map[string]*types.Package, error) {
		return wasmPackages(ctx, paths)
	}}
	var files []slimFile
	h := sha256.New()
	for _, e := range slimEdits {
		orig := filepath.Join(goroot, "src", filepath.FromSlash(e.File))
		src, err := os.ReadFile(orig)
		if err != nil {
			return nil, "", fmt.Errorf("slim toolchain: %w", err)
		}
		out, err := editGo(e.File, src, func(f *ast.File) ([]span, error) { return e.Edit(f, env) })
		if err != nil {
			return nil, "", err
		}
		files = append(files, slimFile{Original: orig, Source: out})
		fmt.Fprintf(h, "%s %d\n", e.File, len(out))
		h.Write(out)
	}
	return files, hex.EncodeToString(h.Sum(nil)[:6]), nil
}

// writeOverlay writes the edited files and the overlay file naming them into dir and
// returns the overlay's path, for "go build -overlay". Test processes may write the same
// files at once while another's build reads them, so each file is written privately and
// renamed into place: a reader sees the whole file.
func writeOverlay(dir string, files []slimFile) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	replace := map[string]string{}
	for i, f := range files {
		name := filepath.Join(dir, fmt.Sprintf("%d-%s", i, filepath.Base(f.Original)))
		if err := writeWhole(name, f.Source); err != nil {
			return "", err
		}
		replace[f.Original] = name
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	overlay := filepath.Join(dir, "overlay.json")
	return overlay, writeWhole(overlay, data)
}

func writeWhole(name string, data []byte) error {
	tmp := fmt.Sprintf("%s.%d.tmp", name, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// span is the place of a removed list element: from the end of the element before it
// (or the opening brace) to its own end.
type span struct{ From, To token.Pos }

// editGo parses one Go file, applies edit, drops the imports the edit left unused and
// the comments that stood in the removed code, and prints the result.
func editGo(name string, src []byte, edit func(*ast.File) ([]span, error)) ([]byte, error) {
	fail := func(err error) ([]byte, error) {
		return nil, fmt.Errorf("slim toolchain: %s: %w (the Go source changed shape; update tools/internal/toolchain/slim.go)", name, err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return fail(err)
	}
	before := selectorRoots(f)
	removed, err := edit(f)
	if err != nil {
		return fail(err)
	}
	if len(removed) == 0 {
		return fail(fmt.Errorf("nothing to remove"))
	}
	// A comment on the lines of a removed element (or just above it) goes with it;
	// one that ends the line of the element before stays.
	// Only a span over several lines can hold a comment so (a replaced constant cannot).
	line := func(p token.Pos) int { return fset.Position(p).Line }
	type lines struct{ from, to int }
	var spans []lines
	for _, r := range removed {
		if from, to := line(r.From), line(r.To); to > from {
			spans = append(spans, lines{from, to})
		}
	}
	f.Comments = slices.DeleteFunc(f.Comments, func(c *ast.CommentGroup) bool {
		for _, r := range spans {
			if line(c.Pos()) > r.from && line(c.End()) <= r.to {
				return true
			}
		}
		return false
	})
	after := selectorRoots(f)
	f.Imports = f.Imports[:0]
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		gd.Specs = slices.DeleteFunc(gd.Specs, func(s ast.Spec) bool {
			name := importName(s.(*ast.ImportSpec))
			return before[name] && !after[name]
		})
		for _, s := range gd.Specs {
			f.Imports = append(f.Imports, s.(*ast.ImportSpec))
		}
	}
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		return fail(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), name, out.Bytes(), 0); err != nil {
		return fail(fmt.Errorf("the edited file does not parse: %w", err))
	}
	return out.Bytes(), nil
}

// removeFrom keeps the elements of list for which keep is true and returns the spans of
// the others; open is the position of the list's opening brace.
func removeFrom[T ast.Node](list []T, open token.Pos, keep func(T) bool) ([]T, []span) {
	var kept []T
	var removed []span
	prev := open
	for _, n := range list {
		if keep(n) {
			kept = append(kept, n)
		} else {
			removed = append(removed, span{prev, n.End()})
		}
		prev = n.End()
	}
	return kept, removed
}

// selectorRoots collects the names used as X in X.Sel: the imported packages in use.
func selectorRoots(f *ast.File) map[string]bool {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

func importName(s *ast.ImportSpec) string {
	if s.Name != nil {
		return s.Name.Name
	}
	p, _ := strconv.Unquote(s.Path.Value)
	return filepath.Base(p)
}

// keepWasmArchInit keeps only the "wasm" entry of cmd/compile's archInits map.
func keepWasmArchInit(f *ast.File, _ *slimEnv) ([]span, error) {
	lit, err := varLiteral(f, "archInits")
	if err != nil {
		return nil, err
	}
	wasm := 0
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("archInits has an element that is not key: value")
		}
		if stringLit(kv.Key) == "wasm" {
			if exprName(kv.Value) != "wasm.Init" {
				return nil, fmt.Errorf(`archInits["wasm"] is not wasm.Init`)
			}
			wasm++
		}
	}
	if wasm != 1 {
		return nil, fmt.Errorf(`archInits has %d "wasm" entries, want 1`, wasm)
	}
	var removed []span
	lit.Elts, removed = removeFrom(lit.Elts, lit.Lbrace, func(e ast.Expr) bool {
		return stringLit(e.(*ast.KeyValueExpr).Key) == "wasm"
	})
	return removed, nil
}

// keepWasmConfig keeps only the "wasm" case (and the default) of the switch on arch in
// ssa.NewConfig.
func keepWasmConfig(f *ast.File, _ *slimEnv) ([]span, error) {
	fn := funcDecl(f, "NewConfig")
	if fn == nil {
		return nil, fmt.Errorf("no func NewConfig")
	}
	sw := switchOn(fn.Body, "arch")
	if sw == nil {
		return nil, fmt.Errorf("NewConfig has no single switch on arch")
	}
	return keepWasmCase(sw)
}

// keepWasmLinkArch keeps only the "wasm" case (and the default) of the switch on
// buildcfg.GOARCH in cmd/link's main.
func keepWasmLinkArch(f *ast.File, _ *slimEnv) ([]span, error) {
	fn := funcDecl(f, "main")
	if fn == nil {
		return nil, fmt.Errorf("no func main")
	}
	sw := switchOn(fn.Body, "buildcfg.GOARCH")
	if sw == nil {
		return nil, fmt.Errorf("main has no single switch on buildcfg.GOARCH")
	}
	return keepWasmCase(sw)
}

// keepWasmCase drops every clause of sw but the one for exactly "wasm" and the default.
// Neither may be entered by fallthrough from a dropped clause, nor fall through into one.
func keepWasmCase(sw *ast.SwitchStmt) ([]span, error) {
	isWasm := func(cc *ast.CaseClause) bool { return len(cc.List) == 1 && stringLit(cc.List[0]) == "wasm" }
	wasm, def := 0, 0
	for i, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		switch {
		case cc.List == nil:
			def++
		case isWasm(cc):
			wasm++
		default:
			for _, e := range cc.List {
				if stringLit(e) == "wasm" {
					return nil, fmt.Errorf(`"wasm" shares a case with other architectures`)
				}
			}
			continue
		}
		if endsInFallthrough(cc) {
			return nil, fmt.Errorf("a kept case falls through")
		}
		if i > 0 && endsInFallthrough(sw.Body.List[i-1].(*ast.CaseClause)) {
			return nil, fmt.Errorf("a kept case is entered by fallthrough")
		}
	}
	if wasm != 1 || def != 1 {
		return nil, fmt.Errorf(`want one "wasm" case and a default, found %d and %d`, wasm, def)
	}
	var removed []span
	sw.Body.List, removed = removeFrom(sw.Body.List, sw.Body.Lbrace, func(s ast.Stmt) bool {
		cc := s.(*ast.CaseClause)
		return cc.List == nil || isWasm(cc)
	})
	return removed, nil
}

func endsInFallthrough(cc *ast.CaseClause) bool {
	if len(cc.Body) == 0 {
		return false
	}
	br, ok := cc.Body[len(cc.Body)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.FALLTHROUGH
}

func funcDecl(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name && fn.Body != nil {
			return fn
		}
	}
	return nil
}

// switchOn finds the one top-level switch statement of body on the expression named tag.
func switchOn(body *ast.BlockStmt, tag string) *ast.SwitchStmt {
	var found []*ast.SwitchStmt
	for _, s := range body.List {
		if sw, ok := s.(*ast.SwitchStmt); ok && sw.Init == nil && sw.Tag != nil && exprName(sw.Tag) == tag {
			found = append(found, sw)
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// varLiteral finds the package-level "var name = T{...}" and returns its literal.
func varLiteral(f *ast.File, name string) (*ast.CompositeLit, error) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if n.Name != name {
					continue
				}
				if i >= len(vs.Values) {
					return nil, fmt.Errorf("var %s has no value", name)
				}
				lit, ok := vs.Values[i].(*ast.CompositeLit)
				if !ok {
					return nil, fmt.Errorf("var %s is not a composite literal", name)
				}
				return lit, nil
			}
		}
	}
	return nil, fmt.Errorf("no var %s", name)
}

// exprName spells an identifier or a selector chain ("buildcfg.GOARCH"); "" otherwise.
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x := exprName(e.X); x != "" {
			return x + "." + e.Sel.Name
		}
	}
	return ""
}

func stringLit(e ast.Expr) string {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return ""
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return s
}

// buildSlimTool compiles cmd/<name> for js/wasm with the overlay into dir, once per
// content (the hash of the edited files names the result).
func buildSlimTool(ctx context.Context, name, dir, overlay, hash string) (string, error) {
	return buildTool(ctx, name, filepath.Join(dir, name+"-wasmonly-"+hash+".wasm"), "-overlay="+overlay)
}

// inlineArchConstants replaces, in the compiler's generated op tables, every constant of
// another architecture's assembler package (cmd/internal/obj/arm64 and the rest) by its
// value, so that the file no longer imports those packages. An imported package runs its
// init, and each of these inits stores the package's LinkArch, which names every function
// of that assembler: without this edit they all stay in the binary, unused once NewConfig
// keeps only wasm. The tables keep the same numbers. (cmd/internal/obj/s390x stays in:
// other files of package ssa use its types.)
func inlineArchConstants(f *ast.File, env *slimEnv) ([]span, error) {
	arch := map[string]string{}  // local name -> import path
	local := map[string]string{} // import path -> local name, for every import
	for _, im := range f.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			return nil, err
		}
		local[p] = importName(im)
		if strings.HasPrefix(p, "cmd/internal/obj/") && p != "cmd/internal/obj/wasm" {
			arch[importName(im)] = p
		}
	}
	if len(arch) == 0 {
		return nil, fmt.Errorf("imports no other architecture's assembler package")
	}
	pkgs, err := env.Packages(slices.Sorted(maps.Values(arch)))
	if err != nil {
		return nil, err
	}
	var removed []span
	var failed error
	astutil.Apply(f, func(c *astutil.Cursor) bool {
		sel, ok := c.Node().(*ast.SelectorExpr)
		if !ok || failed != nil {
			return failed == nil
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || arch[id.Name] == "" {
			return true
		}
		lit, err := constantLiteral(pkgs[arch[id.Name]], sel.Sel.Name, local)
		if err != nil {
			failed = fmt.Errorf("%s.%s: %w", id.Name, sel.Sel.Name, err)
			return false
		}
		removed = append(removed, span{sel.Pos(), sel.End()})
		c.Replace(lit)
		return false
	}, nil)
	if failed != nil {
		return nil, failed
	}
	return removed, nil
}

// constantLiteral spells the constant name of pkg as a literal, converted to its type
// when it has one; the type's package must be imported (local: path -> name).
func constantLiteral(pkg *types.Package, name string, local map[string]string) (ast.Expr, error) {
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok {
		return nil, fmt.Errorf("is not a constant")
	}
	if c.Val().Kind() != constant.Int {
		return nil, fmt.Errorf("is not an integer constant")
	}
	var lit ast.Expr = &ast.BasicLit{Kind: token.INT, Value: c.Val().ExactString()}
	if constant.Sign(c.Val()) < 0 {
		lit = &ast.UnaryExpr{Op: token.SUB, X: &ast.BasicLit{Kind: token.INT, Value: constant.UnaryOp(token.SUB, c.Val(), 0).ExactString()}}
	}
	switch t := c.Type().(type) {
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 {
			return lit, nil
		}
		return &ast.CallExpr{Fun: ast.NewIdent(t.Name()), Args: []ast.Expr{lit}}, nil
	case *types.Named:
		obj := t.Obj()
		name, ok := local[obj.Pkg().Path()]
		if !ok || obj.Pkg() == pkg {
			return nil, fmt.Errorf("has type %s, which the file cannot name without the package", t)
		}
		return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(name), Sel: ast.NewIdent(obj.Name())}, Args: []ast.Expr{lit}}, nil
	}
	return nil, fmt.Errorf("has type %s", c.Type())
}

// wasmPackages reads the js/wasm export data of the packages at paths (building them if
// the go command has not) and returns them type-checked.
func wasmPackages(ctx context.Context, paths []string) (map[string]*types.Package, error) {
	found, err := listPackages(ctx, paths)
	if err != nil {
		return nil, err
	}
	exports := map[string]string{}
	for _, p := range found {
		exports[p.ImportPath] = p.Export
	}
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		if f, ok := exports[path]; ok {
			return os.Open(f)
		}
		return nil, fmt.Errorf("no js/wasm export data for %s", path)
	})
	pkgs := map[string]*types.Package{}
	for _, p := range paths {
		pkg, err := imp.Import(p)
		if err != nil {
			return nil, fmt.Errorf("slim toolchain: reading %s: %w", p, err)
		}
		pkgs[p] = pkg
	}
	return pkgs, nil
}

// dropSIMDIntrinsics removes, from ssagen's initIntrinsics, the block that registers the
// intrinsics of the SIMD experiment when it is on. They are amd64's alone (the block must
// not name wasm), so a compiler for wasm never looks them up, and the one function that
// registers them is the largest in the compiler.
func dropSIMDIntrinsics(f *ast.File, _ *slimEnv) ([]span, error) {
	fn := funcDecl(f, "initIntrinsics")
	if fn == nil {
		return nil, fmt.Errorf("no func initIntrinsics")
	}
	var removed []span
	var calls bool
	var err error
	fn.Body.List, removed = removeFrom(fn.Body.List, fn.Body.Lbrace, func(s ast.Stmt) bool {
		is, ok := s.(*ast.IfStmt)
		if !ok || is.Init != nil || is.Else != nil || exprName(is.Cond) != "buildcfg.Experiment.SIMD" {
			return true
		}
		ast.Inspect(is.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if exprName(n.Fun) == "simdIntrinsics" {
					calls = true
				}
			case *ast.SelectorExpr:
				if name := exprName(n); name == "sys.Wasm" || name == "sys.ArchWasm" {
					err = fmt.Errorf("the SIMD intrinsics name wasm")
				}
			}
			return true
		})
		return false
	})
	switch {
	case err != nil:
		return nil, err
	case len(removed) != 1:
		return nil, fmt.Errorf("initIntrinsics has %d blocks on buildcfg.Experiment.SIMD, want 1", len(removed))
	case !calls:
		return nil, fmt.Errorf("the block on buildcfg.Experiment.SIMD does not call simdIntrinsics")
	}
	return removed, nil
}

// hostObjectLoaders are the packages with which cmd/link reads ELF, Mach-O, PE and XCOFF
// objects that cgo builds.
var hostObjectLoaders = []string{"loadelf", "loadmacho", "loadpe", "loadxcoff"}

// dropHostObjectLoaders removes, from the linker's ldobj, the statements that hand an
// ELF, Mach-O, PE or XCOFF object to its loader. js/wasm has no cgo, so the linker for it
// is never given one; were it given one, it would take it for an object of an unknown
// format, as it does any other, and fail the link.
func dropHostObjectLoaders(f *ast.File, _ *slimEnv) ([]span, error) {
	fn := funcDecl(f, "ldobj")
	if fn == nil {
		return nil, fmt.Errorf("no func ldobj")
	}
	found := map[string]bool{}
	var removed []span
	fn.Body.List, removed = removeFrom(fn.Body.List, fn.Body.Lbrace, func(s ast.Stmt) bool {
		loads := ""
		ast.Inspect(s, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && slices.Contains(hostObjectLoaders, exprName(sel.X)) && sel.Sel.Name == "Load" {
				loads = exprName(sel.X)
			}
			return loads == ""
		})
		if loads == "" {
			return true
		}
		found[loads] = true
		return false
	})
	for _, l := range hostObjectLoaders {
		if !found[l] {
			return nil, fmt.Errorf("ldobj does not call %s.Load", l)
		}
	}
	// The magic number the removed statements tested is left unused: drop it too.
	uses := 0
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "magic" {
			uses++
		}
		return true
	})
	if uses == 1 {
		var more []span
		fn.Body.List, more = removeFrom(fn.Body.List, fn.Body.Lbrace, func(s ast.Stmt) bool {
			as, ok := s.(*ast.AssignStmt)
			return !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || exprName(as.Lhs[0]) != "magic"
		})
		removed = append(removed, more...)
	}
	return removed, nil
}

// doubleOutputHeap makes the linker's output buffer at least double each time it must
// grow. A wasm link has no mapped output file, so the linker writes all of its output to
// the buffer's heap part, and it grew that with append, which adds a quarter at such
// sizes: a lesson program of 2.6 MB went through 13 MB of ever larger copies. The bytes it
// adds are still zero, as append's were.
func doubleOutputHeap(f *ast.File, _ *slimEnv) ([]span, error) {
	fn := methodDecl(f, "OutBuf", "writeLoc")
	if fn == nil {
		return nil, fmt.Errorf("no method OutBuf.writeLoc")
	}
	const grow = "out.heap = append(out.heap, make([]byte, lenNeeded-heapLen)...)"
	doubled, err := parseStmts(`if lenNeeded > int64(cap(out.heap)) {
	heap := make([]byte, heapLen, max(lenNeeded, 2*int64(cap(out.heap))))
	copy(heap, out.heap)
	out.heap = heap
}
out.heap = out.heap[:lenNeeded]
clear(out.heap[heapLen:])`)
	if err != nil {
		return nil, err
	}
	var removed []span
	astutil.Apply(fn.Body, func(c *astutil.Cursor) bool {
		if as, ok := c.Node().(*ast.AssignStmt); ok && nodeText(as) == grow {
			removed = append(removed, span{as.Pos(), as.End()})
			for _, s := range doubled {
				c.InsertBefore(s)
			}
			c.Delete()
		}
		return true
	}, nil)
	if len(removed) != 1 {
		return nil, fmt.Errorf("writeLoc has %d statements %q, want 1", len(removed), grow)
	}
	return removed, nil
}

// unsizeSymbolNameMaps drops the sizes NewLoader gives its two maps of symbol names:
// 80,000 and 50,000, chosen for linking the compiler. A lesson program links about 21,000
// names, all in the first map (wasm has no ABI wrappers, so the second stays empty), and
// setting up the tables for 130,000 took about a tenth of its link. Unsized, each map grows
// as the link fills it.
func unsizeSymbolNameMaps(f *ast.File, _ *slimEnv) ([]span, error) {
	fn := funcDecl(f, "NewLoader")
	if fn == nil {
		return nil, fmt.Errorf("no func NewLoader")
	}
	var maps *ast.CompositeLit
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok && exprName(kv.Key) == "symsByName" {
			maps, _ = kv.Value.(*ast.CompositeLit)
		}
		return maps == nil
	})
	if maps == nil || len(maps.Elts) != 2 {
		return nil, fmt.Errorf("NewLoader does not set symsByName to a literal of two maps")
	}
	var removed []span
	for _, e := range maps.Elts {
		call, ok := e.(*ast.CallExpr)
		if !ok || exprName(call.Fun) != "make" || len(call.Args) != 2 || nodeText(call.Args[0]) != "map[string]Sym" {
			return nil, fmt.Errorf("symsByName's maps are not made with a size: %s", nodeText(e))
		}
		removed = append(removed, span{call.Args[1].Pos(), call.Args[1].End()})
		call.Args = call.Args[:1]
	}
	return removed, nil
}

// methodDecl finds the method recv.name (on a pointer or a value receiver).
func methodDecl(f *ast.File, recv, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 || fn.Name.Name != name || fn.Body == nil {
			continue
		}
		t := fn.Recv.List[0].Type
		if star, ok := t.(*ast.StarExpr); ok {
			t = star.X
		}
		if exprName(t) == recv {
			return fn
		}
	}
	return nil
}

// nodeText prints a node on its own, without the file's layout.
func nodeText(n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), n); err != nil {
		return ""
	}
	return b.String()
}

// parseStmts parses Go statements written for an edit. Their nodes carry no positions, so
// they print in place wherever they go in the edited file, and the file's comments stay
// where they were.
func parseStmts(src string) ([]ast.Stmt, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\nfunc _() {\n"+src+"\n}\n", 0)
	if err != nil {
		return nil, fmt.Errorf("the replacement does not parse: %w", err)
	}
	body := f.Decls[0].(*ast.FuncDecl).Body
	pos := reflect.TypeFor[token.Pos]()
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		v := reflect.ValueOf(n).Elem()
		for i := range v.NumField() {
			if v.Field(i).Type() == pos {
				v.Field(i).SetInt(int64(token.NoPos))
			}
		}
		return true
	})
	return body.List, nil
}
