// Package toolchain builds the Go toolchain that runs in the browser: cmd/compile and
// cmd/link compiled for js/wasm from the installed GOROOT, and the js/wasm archives of a
// documented set of standard packages, each with the list of packages it needs. It writes
// them with a manifest (manifest.json) that site/js/toolchain.js reads.
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

// Packages is the standard library a program may import in the browser: what the lessons
// use, what learners reach for, and a few cheap extras. Their dependencies come along.
var Packages = []string{
	"bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring",
	"context", "crypto/sha256", "encoding/base64", "encoding/binary", "encoding/hex",
	"encoding/json", "errors", "fmt", "hash/fnv", "io", "io/fs", "iter", "log", "maps",
	"math", "math/big", "math/bits", "math/rand", "math/rand/v2", "net", "net/http",
	"os", "path", "path/filepath", "reflect", "regexp", "runtime", "runtime/debug",
	"runtime/trace", "slices", "sort", "strconv", "strings", "sync", "sync/atomic",
	"text/tabwriter", "time", "unicode", "unicode/utf8",
}

// File is one downloadable file of the toolchain.
type File struct {
	URL  string `json:"url"`  // relative to the manifest
	Size int64  `json:"size"` // bytes before compression, for progress bars
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
	Packages     map[string]*Package `json:"packages"`
	Importable   []string            `json:"importable"` // Packages, for messages
	ImportMap    map[string]string   `json:"importMap"`  // import path -> package built in its place
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
	// What goes into the toolchain's files keys it: the package list, the build flags
	// the manifest carries, and the playground's own packages.
	h := sha256.New()
	fmt.Fprintf(h, "%v\n%v\n%v\n%v\n%q\n", Packages, gobuild.CompileFlags, gobuild.LinkFlags, gobuild.ImportMap, gobuild.InjectedSource)
	for _, p := range gobuild.PlaygroundPackages {
		files, err := p.Sources(ctx)
		if err != nil {
			return "", err
		}
		fmt.Fprintln(h, p.ImportPath, gobuild.Hash(files))
	}
	dir := filepath.Join(cached, "site-"+hex.EncodeToString(h.Sum(nil)[:6]))
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil {
		return dir, nil
	}
	tmp := fmt.Sprintf("%s.%d.tmp", dir, os.Getpid())
	os.RemoveAll(tmp)
	if _, err := Build(ctx, tmp, cached); err != nil {
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

// Build writes the toolchain into out (which it creates), using cacheDir for the tool
// builds, and returns the manifest.
func Build(ctx context.Context, out, cacheDir string) (*Manifest, error) {
	version, err := goEnv("GOVERSION")
	if err != nil {
		return nil, err
	}
	m := &Manifest{
		GoVersion: version, Packages: map[string]*Package{}, Importable: Packages, ImportMap: gobuild.ImportMap,
		WorkDir: gobuild.WorkDir, Injected: SourceFile{gobuild.InjectedFile, gobuild.InjectedSource}, CompileFlags: gobuild.CompileFlags, LinkFlags: gobuild.LinkFlags,
	}
	if err := os.MkdirAll(filepath.Join(out, "pkg"), 0o755); err != nil {
		return nil, err
	}
	for _, tool := range []struct {
		name string
		file *File
	}{{"compile", &m.Compile}, {"link", &m.Link}} {
		built, err := buildTool(ctx, tool.name, filepath.Join(cacheDir, version))
		if err != nil {
			return nil, err
		}
		if *tool.file, err = publish(built, out, tool.name, ".wasm"); err != nil {
			return nil, err
		}
	}
	pkgs, err := listPackages(ctx)
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

// buildTool compiles cmd/<name> for js/wasm into dir, once per Go version.
func buildTool(ctx context.Context, name, dir string) (string, error) {
	out := filepath.Join(dir, name+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", out, os.Getpid())
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", tmp, "cmd/"+name)
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

// listPackages lists Packages and their dependencies with js/wasm export data.
func listPackages(ctx context.Context) ([]listed, error) {
	args := append([]string{"list", "-trimpath", "-export", "-deps", "-json=ImportPath,Export,Deps,Standard"}, Packages...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Env = gobuild.Env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing standard packages: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			return nil, err
		}
		if p.Export == "" || p.ImportPath == "unsafe" {
			continue
		}
		p.Deps = slices.DeleteFunc(p.Deps, func(d string) bool { return d == "unsafe" })
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// publish copies src to dir/<name>.<hash><ext>; name may contain slashes, which become
// folders.
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
