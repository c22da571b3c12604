package noderun_test

import (
	"context"
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/toolchain"
)

// TestEveryImportablePackageBuildsAndRuns builds one small program per package the
// manifest offers, with the in-browser toolchain under Node (one batch, one warm
// toolchain), and runs it: each must build and exit 0. A program uses one exported
// identifier of its package, read from the very archive the browser fetches, or imports
// the package for its side effects when it exports nothing usable without type arguments.
// The withheld packages, in the same batch, must be refused with their reasons.
func TestEveryImportablePackageBuildsAndRuns(t *testing.T) {
	runner, err := noderun.New(root, filepath.Join(root, "build"))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := toolchain.Ensure(context.Background(), filepath.Join(root, "build", "cache", "toolchain"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(tc, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m toolchain.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if len(m.Importable) < 150 {
		t.Fatalf("the manifest offers only %d packages", len(m.Importable))
	}
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		p, ok := m.Packages[path]
		if !ok {
			return nil, fmt.Errorf("the manifest has no archive of %s", path)
		}
		return os.Open(filepath.Join(tc, filepath.FromSlash(p.URL)))
	})

	type probe struct {
		pkg, want string // want: the program's first words, or the refusal
		refused   bool
	}
	var probes []probe
	var jobs []noderun.Job
	dir := t.TempDir()
	add := func(p probe, src string) {
		path := filepath.Join(dir, fmt.Sprintf("%03d.go", len(jobs)))
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		probes = append(probes, p)
		jobs = append(jobs, noderun.Job{Source: path})
	}
	for _, path := range m.Importable {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Errorf("%s: reading its archive: %v", path, err)
			continue
		}
		name, expr := usable(pkg)
		src := fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\tpkg %q\n)\n\nfunc main() {\n\tfmt.Printf(\"%%s %%s %%T\\n\", %q, %q, %s)\n}\n", path, path, name, expr)
		if name == "" {
			name = "_"
			src = fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\t_ %q\n)\n\nfunc main() {\n\tfmt.Println(%q, %q)\n}\n", path, path, name)
		}
		add(probe{pkg: path, want: path + " " + name}, src)
	}
	withheld := slices.Sorted(maps.Keys(m.Unavailable))
	if !slices.Contains(withheld, "os/exec") {
		t.Errorf("os/exec is not withheld: %v", withheld)
	}
	for _, path := range withheld {
		add(probe{pkg: path, refused: true, want: fmt.Sprintf("package %s is not available in the playground: %s", path, m.Unavailable[path])},
			fmt.Sprintf("package main\n\nimport _ %q\n\nfunc main() {}\n", path))
	}
	add(probe{pkg: "internal/abi", refused: true, want: "package internal/abi is not available in the playground: it is internal to the standard library"},
		"package main\n\nimport _ \"internal/abi\"\n\nfunc main() {}\n")
	add(probe{pkg: "cmd/go/internal/work", refused: true, want: "package cmd/go/internal/work is not in the standard library; the playground offers only standard packages"},
		"package main\n\nimport _ \"cmd/go/internal/work\"\n\nfunc main() {}\n")

	start := time.Now()
	results, err := runner.RunBatch(context.Background(), tc, jobs, 20*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var compile, link float64
	for _, events := range results {
		for _, e := range events {
			if e.Kind == noderun.KindBuildDone {
				compile += e.CompileMs
				link += e.LinkMs
			}
		}
	}
	t.Logf("%d programs built and run in %v (compile %.0fs, link %.0fs)", len(jobs), time.Since(start).Round(time.Second), compile/1000, link/1000)
	for i, p := range probes {
		events := results[i]
		if len(events) == 0 {
			t.Errorf("%s: no events", p.pkg)
			continue
		}
		last := events[len(events)-1]
		switch {
		case p.refused:
			if last.Kind != noderun.KindCompileError || len(last.Diagnostics) != 1 || last.Diagnostics[0].Message != p.want || last.Diagnostics[0].Line != 3 {
				t.Errorf("%s: want the refusal %q, got:\n%s", p.pkg, p.want, noderun.Transcript(events))
			}
		case last.Kind == noderun.KindCompileError:
			t.Errorf("%s: its program did not build:\n%s\n%s", p.pkg, readJob(t, jobs[i]), noderun.Transcript(events))
		case last.Kind != noderun.KindExit || last.Status != 0:
			t.Errorf("%s: its program did not run to a clean exit:\n%s", p.pkg, noderun.Transcript(events))
		default:
			if out := noderun.Transcript(events); !strings.HasPrefix(out, p.want+" ") && !strings.HasPrefix(out, p.want+"\n") {
				t.Errorf("%s: printed %q, want it to start with %q", p.pkg, out, p.want)
			}
		}
	}
}

// usable returns an exported identifier of pkg that a program can use without type
// arguments, and an expression using it whose type fmt can print; "" when there is none.
// Functions come first, then types, variables and constants.
func usable(pkg *types.Package) (name, expr string) {
	scope := pkg.Scope()
	for _, kind := range []string{"func", "type", "var", "const"} {
		for _, n := range scope.Names() {
			obj := scope.Lookup(n)
			if !obj.Exported() {
				continue
			}
			switch obj := obj.(type) {
			case *types.Func:
				if kind == "func" && obj.Signature().TypeParams().Len() == 0 {
					return n, "pkg." + n
				}
			case *types.TypeName:
				if kind != "type" || obj.IsAlias() {
					continue
				}
				if named, ok := obj.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
					continue
				}
				// Constraint interfaces are no types of values.
				if iface, ok := obj.Type().Underlying().(*types.Interface); ok && !iface.IsMethodSet() {
					continue
				}
				return n, "(*pkg." + n + ")(nil)"
			case *types.Var:
				if kind == "var" {
					return n, "pkg." + n
				}
			case *types.Const:
				// A comparison works for every constant, however large or untyped.
				if kind == "const" {
					return n, "pkg." + n + " == pkg." + n
				}
			}
		}
	}
	return "", ""
}

func readJob(t *testing.T, j noderun.Job) string {
	src, err := os.ReadFile(j.Source)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}
