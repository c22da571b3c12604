// Package gobuild compiles one Go program file for GOOS=js GOARCH=wasm with the Go
// compiler and linker called directly, the way the in-browser toolchain calls its
// WebAssembly builds of the same tools: one importcfg naming the standard library's
// export data, then compile, then link. Precompiled lessons and edited programs therefore
// get the same flags, the same file paths in stack traces ("main.go:12"), and the same
// binaries.
//
// It is not for: building the toolchain itself (see package toolchain) or running programs
// (see package noderun).
package gobuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// WorkDir is the directory that holds main.go during a build, in the browser and here;
// it is trimmed from recorded file paths.
const WorkDir = "/build"

// CompileFlags and LinkFlags are the flags every program build uses, before the file
// arguments. The in-browser toolchain uses the same lists (see ToolchainManifest). The
// linker may not check go:linkname references: wasm/runtrace reaches into the runtime.
var (
	CompileFlags = []string{"-p", "main", "-complete", "-pack", "-trimpath", WorkDir}
	LinkFlags    = []string{"-s", "-w", "-buildmode=exe", "-checklinkname=0"}
)

// ImportMap sends a program's imports to the playground's own packages: "sync" is the
// standard package with its locks observed (wasm/syncwatch), so a deadlock report can say
// who holds what. The in-browser toolchain uses the same map.
var ImportMap = map[string]string{"sync": WatchedSync}

// The playground's own packages, compiled from this module's wasm folder under these
// import paths.
const (
	WatchedSync = "playground/sync"     // wasm/syncwatch, in place of "sync"
	RunTrace    = "playground/runtrace" // wasm/runtrace, imported by InjectedSource
)

// InjectedFile and InjectedSource are the file every build adds to a program's package
// main: it imports wasm/runtrace, which records the run's execution trace for the
// timeline. It changes no line of the learner's file.
const (
	InjectedFile   = "zz_playground_trace.go"
	InjectedSource = "package main\n\nimport _ \"" + RunTrace + "\"\n"
)

// Env is the environment for js/wasm builds.
func Env() []string {
	return append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
}

// FileImports lists the packages a Go source file imports.
func FileImports(src []byte) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, im := range f.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Stdlib maps standard-library import paths to their js/wasm export data files.
type Stdlib struct {
	mu      sync.Mutex
	exports map[string]string
}

// NewStdlib returns an empty export map; Load fills it on demand.
func NewStdlib() *Stdlib { return &Stdlib{exports: map[string]string{}} }

// Load makes sure pkgs and all their dependencies have export data, building them with
// "go list -export" (which uses and fills the Go build cache).
func (s *Stdlib) Load(ctx context.Context, pkgs []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var missing []string
	for _, p := range pkgs {
		if _, ok := s.exports[p]; !ok && p != "unsafe" {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	args := append([]string{"list", "-trimpath", "-export", "-deps", "-f", "{{if .Export}}{{.ImportPath}}={{.Export}}{{end}}"}, missing...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Env = Env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("listing standard packages %v: %v\n%s", missing, err, stderr.Bytes())
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if path, file, ok := strings.Cut(line, "="); ok {
			s.exports[path] = file
		}
	}
	for _, p := range missing {
		if _, ok := s.exports[p]; !ok {
			return fmt.Errorf("package %q is not in the standard library", p)
		}
	}
	return nil
}

// ImportConfig writes importcfg lines for every loaded package, sorted; for the compiler
// (not the linker, which rejects it) also the playground's import map.
func (s *Stdlib) ImportConfig(forCompile bool) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	paths := make([]string, 0, len(s.exports))
	for p := range s.exports {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b bytes.Buffer
	for _, from := range slices.Sorted(maps.Keys(ImportMap)) {
		if _, ok := s.exports[ImportMap[from]]; ok && forCompile {
			fmt.Fprintf(&b, "importmap %s=%s\n", from, ImportMap[from])
		}
	}
	for _, p := range paths {
		fmt.Fprintf(&b, "packagefile %s=%s\n", p, s.exports[p])
	}
	return b.Bytes()
}

// export returns the export data file of one loaded package.
func (s *Stdlib) export(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exports[path]
}

// Exports returns a copy of the loaded export map.
func (s *Stdlib) Exports() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.exports))
	for k, v := range s.exports {
		out[k] = v
	}
	return out
}

// Builder compiles programs to wasm, keeping results in a cache directory by content.
type Builder struct {
	Stdlib   *Stdlib
	CacheDir string // where built .wasm files are kept, named by the hash of their source
}

// CompileError is a failed compile: the compiler's messages, paths already trimmed.
type CompileError struct {
	Output string
}

func (e *CompileError) Error() string { return e.Output }

// Build compiles src (one package main file) and returns the path of the .wasm file.
func (b *Builder) Build(ctx context.Context, src []byte) (string, error) {
	imports, err := FileImports(src)
	if err != nil {
		return "", &CompileError{Output: strings.ReplaceAll(err.Error(), WorkDir+"/", "")}
	}
	if err := b.Stdlib.Load(ctx, append(imports, "runtime")); err != nil {
		return "", err
	}
	if err := b.Stdlib.LoadPlayground(ctx, b.CacheDir); err != nil {
		return "", err
	}
	key := strings.Join(CompileFlags, " ") + "\n" + strings.Join(LinkFlags, " ") + "\n" + InjectedSource
	for _, p := range PlaygroundPackages {
		key += filepath.Base(b.Stdlib.export(p.ImportPath)) + "\n"
	}
	sum := sha256.Sum256(append(append([]byte(key), src...), goVersion()...))
	out := filepath.Join(b.CacheDir, hex.EncodeToString(sum[:12])+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	if err := os.MkdirAll(b.CacheDir, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "gobuild-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	main := filepath.Join(dir, "main.go")
	cfg := filepath.Join(dir, "importcfg")
	linkcfg := filepath.Join(dir, "importcfg.link")
	if err := os.WriteFile(main, src, 0o644); err != nil {
		return "", err
	}
	injected := filepath.Join(dir, InjectedFile)
	if err := os.WriteFile(injected, []byte(InjectedSource), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(cfg, b.Stdlib.ImportConfig(true), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(linkcfg, b.Stdlib.ImportConfig(false), 0o644); err != nil {
		return "", err
	}
	// Compile with the directory trimmed exactly as the browser does with WorkDir.
	compile := append([]string{"tool", "compile", "-o", filepath.Join(dir, "main.a"), "-importcfg", cfg}, CompileFlags...)
	compile = slices.Replace(compile, slices.Index(compile, WorkDir), slices.Index(compile, WorkDir)+1, dir)
	if msg, err := goTool(ctx, dir, append(compile, main, injected)...); err != nil {
		return "", &CompileError{Output: strings.ReplaceAll(msg, dir+"/", "")}
	}
	tmp := filepath.Join(dir, "main.wasm")
	link := append([]string{"tool", "link", "-o", tmp, "-importcfg", linkcfg}, LinkFlags...)
	if msg, err := goTool(ctx, dir, append(link, filepath.Join(dir, "main.a"))...); err != nil {
		return "", fmt.Errorf("linking: %v\n%s", err, msg)
	}
	if err := os.Rename(tmp, out); err != nil {
		// Another build may have finished first on a different file system; copy.
		data, rerr := os.ReadFile(tmp)
		if rerr != nil {
			return "", err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return "", err
		}
	}
	return out, nil
}

func goTool(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = Env()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

var goVersion = sync.OnceValue(func() string {
	out, _ := exec.Command("go", "env", "GOVERSION").Output()
	return strings.TrimSpace(string(out))
})
