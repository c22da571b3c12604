package noderun_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/toolchain"
)

var root, _ = filepath.Abs(filepath.Join("..", "..", ".."))

// TestBrowserToolchainReportsCompileErrors builds broken programs with compile.wasm under
// Node and checks the diagnostics a page would underline; a good program in the same
// batch still builds and runs exactly like its native build.
func TestBrowserToolchainReportsCompileErrors(t *testing.T) {
	runner, err := noderun.New(root, filepath.Join(root, "build"))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := toolchain.Ensure(context.Background(), filepath.Join(root, "build", "cache", "toolchain"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cases := []struct {
		name, src string
		want      []noderun.Diagnostic
	}{
		{"type", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(x)\n\ty := 1\n}\n", []noderun.Diagnostic{
			{File: "main.go", Line: 6, Col: 14, Message: "undefined: x"},
			{File: "main.go", Line: 7, Col: 2, Message: "declared and not used: y"},
		}},
		{"syntax", "package main\n\nfunc main() {\n\tfor {\n}\n", []noderun.Diagnostic{
			{File: "main.go", Line: 6, Col: 1, Message: "syntax error: unexpected EOF, expected }"},
		}},
		{"unavailable", "package main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n)\n\nfunc main() { fmt.Println(exec.Command) }\n", nil},
		{"not-std", "package main\n\nimport \"github.com/example/thing\"\n\nfunc main() { thing.Do() }\n", nil},
		{"good", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"built by compile.wasm\")\n}\n", nil},
	}
	var jobs []noderun.Job
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".go")
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, noderun.Job{Source: path})
	}
	results, err := runner.RunBatch(context.Background(), tc, jobs, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	last := func(i int) noderun.Event { return results[i][len(results[i])-1] }
	for i, c := range cases[:2] {
		if e := last(i); e.Kind != noderun.KindCompileError || !cmp.Equal(e.Diagnostics, c.want) {
			t.Errorf("%s: got %s %+v, want compile-error %+v", c.name, e.Kind, e.Diagnostics, c.want)
		}
	}
	if e := last(2); e.Kind != noderun.KindCompileError || len(e.Diagnostics) != 1 || e.Diagnostics[0].Line != 5 ||
		!strings.HasPrefix(e.Diagnostics[0].Message, "package os/exec is not available in the playground") {
		t.Errorf("unavailable package: %+v", e)
	}
	if e := last(3); e.Kind != noderun.KindCompileError || len(e.Diagnostics) != 1 ||
		!strings.Contains(e.Diagnostics[0].Message, "not in the standard library") {
		t.Errorf("non-standard package: %+v", e)
	}

	// The good program: same output as the native build of the same file.
	got := noderun.Transcript(results[4])
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: filepath.Join(root, "build", "cache", "programs")}
	wasm, err := b.Build(context.Background(), []byte(cases[4].src))
	if err != nil {
		t.Fatal(err)
	}
	native, err := runner.Run(context.Background(), wasm, noderun.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := noderun.Transcript(native); got != want || !strings.Contains(got, "built by compile.wasm") {
		t.Errorf("toolchain build printed %q; native build %q", got, want)
	}
	// And the build events say what was built.
	var kinds []string
	for _, e := range results[4] {
		kinds = append(kinds, string(e.Kind))
	}
	if !strings.HasPrefix(strings.Join(kinds, " "), "build-start build-done start") {
		t.Errorf("events: %v", kinds)
	}
}
