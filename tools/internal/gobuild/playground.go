package gobuild

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// PlaygroundPackage is one of the playground's own packages: Go from this module's wasm
// folder, compiled for js/wasm under its own import path and linked into every program.
type PlaygroundPackage struct {
	ImportPath string // the path it is compiled as, e.g. "playground/sync"
	Package    string // the package in this module it is compiled from
	// Complete packages have no body-less function declarations; wasm/runtrace has some
	// (go:linkname references into the runtime), so it is compiled without -complete.
	Complete bool
	// Generate, if set, writes one more file for the package at build time.
	Generate func(ctx context.Context) (name string, src []byte, err error)
}

// PlaygroundPackages are compiled for every build, in the browser too.
var PlaygroundPackages = []PlaygroundPackage{
	{ImportPath: WatchedSync, Package: "goconcurrency.dev/playground/wasm/syncwatch", Complete: true},
	{ImportPath: RunTrace, Package: "goconcurrency.dev/playground/wasm/runtrace", Generate: runtimeLayoutFile},
}

// SourceFile is one file of a playground package.
type SourceFile struct {
	Name string
	Data []byte
}

// Sources returns the package's files that build for js/wasm, generated ones included.
// They are read once per process: the toolchain's cache key, the compile and the
// manifest's dependency list all ask.
func (p PlaygroundPackage) Sources(ctx context.Context) ([]SourceFile, error) {
	read, _ := sourcesRead.LoadOrStore(p.ImportPath, sync.OnceValues(func() ([]SourceFile, error) {
		return p.readSources(context.WithoutCancel(ctx))
	}))
	return read.(func() ([]SourceFile, error))()
}

var sourcesRead sync.Map // import path -> func() ([]SourceFile, error)

func (p PlaygroundPackage) readSources(ctx context.Context) ([]SourceFile, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-f", "{{.Dir}}{{range .GoFiles}} {{.}}{{end}}", p.Package)
	cmd.Env = Env()
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("finding %s: %w", p.Package, err)
	}
	fields := strings.Fields(string(out))
	var files []SourceFile
	for _, f := range fields[1:] {
		data, err := os.ReadFile(filepath.Join(fields[0], f))
		if err != nil {
			return nil, err
		}
		files = append(files, SourceFile{Name: f, Data: data})
	}
	if p.Generate != nil {
		name, src, err := p.Generate(ctx)
		if err != nil {
			return nil, err
		}
		files = append(files, SourceFile{Name: name, Data: src})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s has no files for js/wasm", p.Package)
	}
	return files, nil
}

// Imports lists the packages the files import.
func Imports(files []SourceFile) ([]string, error) {
	var all []string
	for _, f := range files {
		im, err := FileImports(f.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		for _, p := range im {
			if !slices.Contains(all, p) {
				all = append(all, p)
			}
		}
	}
	slices.Sort(all)
	return all, nil
}

// Hash identifies the package's content for one Go version.
func Hash(files []SourceFile) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s %d\n", f.Name, len(f.Data))
		h.Write(f.Data)
	}
	h.Write([]byte(goVersion()))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// LoadPlayground compiles every playground package into dir (once per content) and adds
// them to the map, with the standard packages they need.
func (s *Stdlib) LoadPlayground(ctx context.Context, dir string) error {
	for _, p := range PlaygroundPackages {
		if err := s.loadPlaygroundPackage(ctx, p, dir); err != nil {
			return err
		}
	}
	return nil
}

func (s *Stdlib) loadPlaygroundPackage(ctx context.Context, p PlaygroundPackage, dir string) error {
	s.mu.Lock()
	_, done := s.exports[p.ImportPath]
	s.mu.Unlock()
	if done {
		return nil
	}
	files, err := p.Sources(ctx)
	if err != nil {
		return err
	}
	imports, err := Imports(files)
	if err != nil {
		return err
	}
	if err := s.Load(ctx, append(imports, "runtime")); err != nil {
		return err
	}
	out := filepath.Join(dir, strings.ReplaceAll(p.ImportPath, "/", "-")+"-"+Hash(files)+".a")
	if _, err := os.Stat(out); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		tmp, err := os.MkdirTemp("", "playground-package-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		cfg := filepath.Join(tmp, "importcfg")
		if err := os.WriteFile(cfg, s.ImportConfig(false), 0o644); err != nil {
			return err
		}
		args := []string{"tool", "compile", "-p", p.ImportPath, "-pack", "-trimpath", tmp + "=>" + p.ImportPath,
			"-importcfg", cfg, "-o", filepath.Join(tmp, "pkg.a")}
		if p.Complete {
			args = append(args, "-complete")
		}
		for _, f := range files {
			path := filepath.Join(tmp, f.Name)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				return err
			}
			args = append(args, path)
		}
		if msg, err := goTool(ctx, tmp, args...); err != nil {
			return fmt.Errorf("compiling %s: %v\n%s", p.Package, err, msg)
		}
		if err := os.Rename(filepath.Join(tmp, "pkg.a"), out); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.exports[p.ImportPath] = out
	s.mu.Unlock()
	return nil
}

// runtimeLayoutFile writes wasm/runtrace's offsets_js.go: where the runtime keeps what the
// package must reach, computed from this Go version's runtime source for js/wasm.
func runtimeLayoutFile(ctx context.Context) (string, []byte, error) {
	offset, err := runtimeLayout()
	if err != nil {
		return "", nil, fmt.Errorf("wasm/runtrace cannot find its way into this Go version's runtime: %w", err)
	}
	src := fmt.Sprintf(`// Code generated by the playground build from the %s runtime; DO NOT EDIT.

//go:build js && wasm

package runtrace

// cpuSleepOffset is the offset of cpuSleep in the runtime's trace state.
const cpuSleepOffset = %d
`, goVersion(), offset)
	return "offsets_js.go", []byte(src), nil
}

// runtimeLayout type-checks the runtime for js/wasm and returns the offset of
// runtime.trace.cpuSleep, after checking every layout wasm/runtrace assumes.
var runtimeLayout = sync.OnceValues(func() (int64, error) {
	ctx := build.Default // a copy: the process-wide context is left as it is
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = "js", "wasm", false
	cmd := exec.Command("go", "list", "-f", "{{context.ToolTags}}", "runtime")
	cmd.Env = Env()
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("listing js/wasm build tags: %w", err)
	}
	ctx.ToolTags = strings.Fields(strings.Trim(strings.TrimSpace(string(out)), "[]"))
	sizes := types.SizesFor("gc", "wasm")
	imp := &sourceImporter{ctx: &ctx, fset: token.NewFileSet(), sizes: sizes, packages: map[string]*types.Package{}}
	pkg, err := imp.ImportFrom("runtime", "", 0)
	if err != nil {
		return 0, err
	}
	field := func(t types.Type, name string) (*types.Var, int64, error) {
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil, 0, fmt.Errorf("%s is not a struct", t)
		}
		var fields []*types.Var
		for i := range st.NumFields() {
			fields = append(fields, st.Field(i))
		}
		offsets := sizes.Offsetsof(fields)
		for i, f := range fields {
			if f.Name() == name {
				return f, offsets[i], nil
			}
		}
		return nil, 0, fmt.Errorf("%s has no field %s", t, name)
	}
	lookup := func(name string) types.Type {
		if o := pkg.Scope().Lookup(name); o != nil {
			return o.Type()
		}
		return nil
	}
	sleep, timer := lookup("wakeableSleep"), lookup("timer")
	trace, advancer := lookup("trace"), lookup("traceAdvancer")
	if sleep == nil || timer == nil || trace == nil || advancer == nil {
		return 0, fmt.Errorf("runtime.wakeableSleep, timer, trace or traceAdvancer is missing")
	}
	isPointerTo := func(t, elem types.Type) bool {
		p, ok := t.(*types.Pointer)
		return ok && types.Identical(p.Elem(), elem)
	}
	// wakeableSleep starts with its *timer; traceAdvancer starts with its *wakeableSleep.
	if f, off, err := field(sleep, "timer"); err != nil || off != 0 || !isPointerTo(f.Type(), timer) {
		return 0, fmt.Errorf("runtime.wakeableSleep does not start with its *timer")
	}
	if f, off, err := field(advancer, "timer"); err != nil || off != 0 || !isPointerTo(f.Type(), sleep) {
		return 0, fmt.Errorf("runtime.traceAdvancer does not start with its *wakeableSleep")
	}
	f, off, err := field(trace, "cpuSleep")
	if err != nil {
		return 0, err
	}
	if !isPointerTo(f.Type(), sleep) {
		return 0, fmt.Errorf("runtime.trace.cpuSleep is not a *wakeableSleep")
	}
	return off, nil
})

// sourceImporter type-checks packages from their source for one build.Context, as
// go/importer's "source" importer does for build.Default (which it offers no way to
// replace). Function bodies are skipped: only declarations and layouts are needed.
type sourceImporter struct {
	ctx      *build.Context
	fset     *token.FileSet
	sizes    types.Sizes
	packages map[string]*types.Package // by import path; nil while being imported
}

func (s *sourceImporter) Import(path string) (*types.Package, error) {
	return s.ImportFrom(path, ".", 0)
}

func (s *sourceImporter) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	bp, err := s.ctx.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if pkg, ok := s.packages[bp.ImportPath]; ok {
		if pkg == nil {
			return nil, fmt.Errorf("import cycle through package %q", bp.ImportPath)
		}
		return pkg, nil
	}
	s.packages[bp.ImportPath] = nil
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(s.fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			delete(s.packages, bp.ImportPath)
			return nil, err
		}
		files = append(files, f)
	}
	var firstHard error
	conf := types.Config{
		IgnoreFuncBodies: true,
		Importer:         s,
		Sizes:            s.sizes,
		Error: func(err error) { // keep checking after the first error, report the first hard one
			if te, ok := err.(types.Error); firstHard == nil && (!ok || !te.Soft) {
				firstHard = err
			}
		},
	}
	pkg, err := conf.Check(bp.ImportPath, s.fset, files, nil)
	if firstHard != nil {
		err = firstHard
	}
	if err != nil {
		delete(s.packages, bp.ImportPath)
		return nil, fmt.Errorf("type-checking package %q: %w", bp.ImportPath, err)
	}
	s.packages[bp.ImportPath] = pkg
	return pkg, nil
}
