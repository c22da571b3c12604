// Package toolchain builds the Go toolchain that runs in the browser: cmd/compile and
// cmd/link compiled for js/wasm from the installed GOROOT (with only their wasm back ends,
// see slim.go), and the js/wasm archives of every public standard package that builds and
// works there (see Standard), each with the list of packages it needs. It writes them with
// a manifest (manifest.json) that site/js/toolchain.js reads: the manifest's Importable is
// the one list of what a program may import, and Unavailable says why the rest may not.
//
// It is not for: compiling programs natively (package gobuild) or running the tools.
package toolchain

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"goconcurrency.dev/playground/tools/internal/gobuild"
)

// File is one downloadable file of the toolchain.
type File struct {
	URL  string `json:"url"`  // relative to the manifest
	Size int64  `json:"size"` // bytes before compression
	// Sent is what a server sends for the file in each encoding it has a precompressed
	// sibling in, by Content-Encoding: the bytes a progress bar counts (see RecordSent).
	Sent map[string]int64 `json:"sent,omitempty"`
	// MemoryPages is set for the compiler and the linker, which import their memory
	// (see MemoryModule): the least size, in 64 KiB pages, of the memory they are given.
	MemoryPages uint32 `json:"memoryPages,omitempty"`
}

// Import names a WebAssembly import.
type Import struct {
	Module string `json:"module"`
	Name   string `json:"name"`
}

// SourceFile is a Go file by name and content.
type SourceFile struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// Package is one standard package: its archive and everything it imports, directly or not.
type Package struct {
	File
	Deps []string `json:"deps"`
}

// Manifest describes the toolchain to the browser.
type Manifest struct {
	GoVersion    string              `json:"goVersion"`
	Compile      File                `json:"compile"`
	Link         File                `json:"link"`
	ToolMemory   Import              `json:"toolMemory"`  // what Compile and Link import their memory as
	TestMain     File                `json:"testMain"`    // wasm/testmain/cmd: writes the main of "go test"
	TestImports  []string            `json:"testImports"` // what the test main imports
	Packages     map[string]*Package `json:"packages"`
	Importable   []string            `json:"importable"`  // what a program may import (Set.Importable)
	Unavailable  map[string]string   `json:"unavailable"` // import path -> why not (Set.Unavailable)
	ImportMap    map[string]string   `json:"importMap"`   // import path -> package built in its place
	WorkDir      string              `json:"workDir"`
	Injected     SourceFile          `json:"injected"` // the file every build adds to package main
	CompileFlags []string            `json:"compileFlags"`
	LinkFlags    []string            `json:"linkFlags"`
}

// Ensure returns the folder holding the toolchain for the installed Go version under
// cacheRoot, building it there the first time. Concurrent callers (test processes) may
// both build it; the first to finish wins.
func Ensure(ctx context.Context, cacheRoot string) (string, error) {
	version, err := goEnv("GOVERSION")
	if err != nil {
		return "", err
	}
	cached := filepath.Join(cacheRoot, version)
	in, err := gather(ctx)
	if err != nil {
		return "", err
	}
	key, err := in.key(ctx)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cached, "site-"+key)
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil {
		return dir, nil
	}
	tmp := fmt.Sprintf("%s.%d.tmp", dir, os.Getpid())
	os.RemoveAll(tmp)
	if _, err := build(ctx, tmp, cached, in); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, serr := os.Stat(filepath.Join(dir, "manifest.json")); serr != nil {
			return "", err
		}
	}
	return dir, nil
}

// inputs are what the toolchain's files are made from, besides the Go version: the
// package set and the edited sources of the wasm-only tools.
type inputs struct {
	set      *Set
	slim     []slimFile
	slimHash string
	testMain []byte // wasm/testmain/cmd, built for js/wasm
}

// TestMainPackage generates the main function of a test binary in the browser.
const TestMainPackage = "goconcurrency.dev/playground/wasm/testmain/cmd"

// testImports are the packages the generated test main imports (wasm/testmain): its
// archives are shipped although no program may import testing/internal/testdeps.
var testImports = []string{"os", "reflect", "testing", "testing/internal/testdeps"}

func gather(ctx context.Context) (*inputs, error) {
	set, err := Standard(ctx)
	if err != nil {
		return nil, err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return nil, err
	}
	slim, hash, err := slimSources(ctx, goroot)
	if err != nil {
		return nil, err
	}
	testMain, err := buildTestMain(ctx)
	if err != nil {
		return nil, err
	}
	return &inputs{set: set, slim: slim, slimHash: hash, testMain: testMain}, nil
}

// buildTestMain compiles the test main generator for js/wasm (the go command caches it).
func buildTestMain(ctx context.Context) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "testmain")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "testmain.wasm")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, TestMainPackage)
	cmd.Env = gobuild.Env()
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building %s: %v\n%s", TestMainPackage, err, msg)
	}
	return os.ReadFile(out)
}

// key names the toolchain's folder by everything that goes into its files: the package
// set (importable and withheld, with reasons), the build flags the manifest carries, the
// tools' edited sources and the playground's own packages.
func (in *inputs) key(ctx context.Context) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%q\n%q\n", in.set.Importable, in.set.Unavailable) // %q prints a map sorted by key
	fmt.Fprintf(h, "tools import %s.%s\n", MemoryModule, MemoryName)
	fmt.Fprintf(h, "%v\n%v\n%v\n%q\n%s\n%q\n", gobuild.CompileFlags, gobuild.LinkFlags, gobuild.ImportMap, gobuild.InjectedSource, in.slimHash, testImports)
	h.Write(in.testMain)
	for _, p := range gobuild.PlaygroundPackages {
		files, err := p.Sources(ctx)
		if err != nil {
			return "", err
		}
		fmt.Fprintln(h, p.ImportPath, gobuild.Hash(files))
	}
	return hex.EncodeToString(h.Sum(nil)[:6]), nil
}

// Build writes the toolchain into out (which it creates), using cacheDir for the tool
// builds, and returns the manifest.
func Build(ctx context.Context, out, cacheDir string) (*Manifest, error) {
	in, err := gather(ctx)
	if err != nil {
		return nil, err
	}
	return build(ctx, out, cacheDir, in)
}

func build(ctx context.Context, out, cacheDir string, in *inputs) (*Manifest, error) {
	version, err := goEnv("GOVERSION")
	if err != nil {
		return nil, err
	}
	m := &Manifest{
		GoVersion: version, Packages: map[string]*Package{}, Importable: in.set.Importable, Unavailable: in.set.Unavailable,
		ImportMap: gobuild.ImportMap, WorkDir: gobuild.WorkDir, Injected: SourceFile{gobuild.InjectedFile, gobuild.InjectedSource},
		CompileFlags: gobuild.CompileFlags, LinkFlags: gobuild.LinkFlags,
		ToolMemory: Import{MemoryModule, MemoryName},
	}
	if err := os.MkdirAll(filepath.Join(out, "pkg"), 0o755); err != nil {
		return nil, err
	}
	toolDir := filepath.Join(cacheDir, version)
	// The folder's leading underscore hides its Go files from "./..." patterns (go vet,
	// go test), which would otherwise take the cache for packages of this module.
	overlay, err := writeOverlay(filepath.Join(toolDir, "_wasmonly-"+in.slimHash), in.slim)
	if err != nil {
		return nil, err
	}
	for _, tool := range []struct {
		name string
		file *File
	}{{"compile", &m.Compile}, {"link", &m.Link}} {
		built, err := buildSlimTool(ctx, tool.name, toolDir, overlay, in.slimHash)
		if err != nil {
			return nil, err
		}
		if *tool.file, err = publishImportingMemory(built, out, tool.name); err != nil {
			return nil, err
		}
	}
	testMain := filepath.Join(out, "testmain.tmp")
	if err := os.WriteFile(testMain, in.testMain, 0o644); err != nil {
		return nil, err
	}
	if m.TestMain, err = publish(testMain, out, "testmain", ".wasm"); err != nil {
		return nil, err
	}
	os.Remove(testMain)
	m.TestImports = testImports
	pkgs, err := listPackages(ctx, append(slices.Clone(in.set.Importable), testImports...))
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		f, err := publish(p.Export, filepath.Join(out, "pkg"), p.ImportPath, ".a")
		if err != nil {
			return nil, err
		}
		f.URL = "pkg/" + f.URL
		m.Packages[p.ImportPath] = &Package{File: f, Deps: p.Deps}
	}
	if err := addPlaygroundPackages(ctx, m, out, cacheDir); err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return m, os.WriteFile(filepath.Join(out, "manifest.json"), data, 0o644)
}

// addPlaygroundPackages compiles the playground's own packages (wasm/syncwatch,
// wasm/runtrace) the way gobuild does and adds them to the manifest under their import
// paths, each with the packages it needs.
func addPlaygroundPackages(ctx context.Context, m *Manifest, out, cacheDir string) error {
	std := gobuild.NewStdlib()
	if err := std.LoadPlayground(ctx, cacheDir); err != nil {
		return err
	}
	for _, p := range gobuild.PlaygroundPackages {
		f, err := publish(std.Exports()[p.ImportPath], filepath.Join(out, "pkg"), p.ImportPath, ".a")
		if err != nil {
			return err
		}
		f.URL = "pkg/" + f.URL
		files, err := p.Sources(ctx)
		if err != nil {
			return err
		}
		imports, err := gobuild.Imports(files)
		if err != nil {
			return err
		}
		// It needs what its imports need, and the runtime.
		deps := map[string]bool{}
		for _, im := range append(imports, "runtime") {
			if im == "unsafe" {
				continue
			}
			dep, ok := m.Packages[im]
			if !ok {
				return fmt.Errorf("%s needs %s, which the toolchain lacks", p.Package, im)
			}
			deps[im] = true
			for _, d := range dep.Deps {
				deps[d] = true
			}
		}
		m.Packages[p.ImportPath] = &Package{File: f, Deps: slices.Sorted(maps.Keys(deps))}
	}
	return nil
}

// buildTool compiles cmd/<name> for js/wasm into out with extra go build flags, unless
// out exists.
func buildTool(ctx context.Context, name, out string, flags ...string) (string, error) {
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", out, os.Getpid())
	args := append([]string{"build", "-trimpath", "-ldflags=-s -w", "-o", tmp}, flags...)
	cmd := exec.CommandContext(ctx, "go", append(args, "cmd/"+name)...)
	cmd.Env = gobuild.Env()
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building cmd/%s for js/wasm: %v\n%s", name, err, msg)
	}
	return out, os.Rename(tmp, out)
}

type listed struct {
	ImportPath string
	Export     string
	Deps       []string
	Standard   bool
}

// listPackages lists pkgs and their dependencies with js/wasm export data, building the
// archives (the go command caches them).
func listPackages(ctx context.Context, pkgs []string) ([]listed, error) {
	args := append([]string{"list", "-trimpath", "-export", "-deps", "-json=ImportPath,Export,Deps,Standard"}, pkgs...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Env = gobuild.Env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing packages: %v\n%s", err, stderr.Bytes())
	}
	var found []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("listing packages: %w", err)
		}
		// unsafe has no archive: the compiler knows it.
		if p.ImportPath == "unsafe" {
			continue
		}
		if p.Export == "" {
			return nil, fmt.Errorf("listing packages: %s has no js/wasm archive", p.ImportPath)
		}
		p.Deps = slices.DeleteFunc(p.Deps, func(d string) bool { return d == "unsafe" })
		found = append(found, p)
	}
	return found, nil
}

// publish copies src to dir/<name>.<hash><ext>; name may contain slashes, which become
// folders.
// publishImportingMemory publishes a tool built for js/wasm rewritten to import its
// memory (importMemory).
func publishImportingMemory(src, dir, name string) (File, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return File{}, err
	}
	rewritten, pages, err := importMemory(data)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", src, err)
	}
	tmp := filepath.Join(dir, name+".tmp")
	if err := os.WriteFile(tmp, rewritten, 0o644); err != nil {
		return File{}, err
	}
	defer os.Remove(tmp)
	f, err := publish(tmp, dir, name, ".wasm")
	f.MemoryPages = pages
	return f, err
}

func publish(src, dir, name, ext string) (File, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(data)
	rel := fmt.Sprintf("%s.%s%s", name, hex.EncodeToString(sum[:5]), ext)
	dst := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return File{}, err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return File{}, err
	}
	return File{URL: rel, Size: int64(len(data))}, nil
}

func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", key, err)
	}
	return strings.TrimSpace(string(out)), nil
}
