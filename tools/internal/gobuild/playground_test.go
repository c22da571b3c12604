package gobuild

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"testing"
)

// TestRuntimeLayout checks that wasm/runtrace's one offset into the runtime is found for
// the installed Go, and lands inside the runtime's trace state, after its first word.
func TestRuntimeLayout(t *testing.T) {
	name, src, err := runtimeLayoutFile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const cpuSleepOffset = (\d+)\n`).FindSubmatch(src)
	if name != "offsets_js.go" || m == nil {
		t.Fatalf("%s:\n%s", name, src)
	}
	if off, _ := strconv.Atoi(string(m[1])); off <= 0 || off%8 != 0 {
		t.Errorf("cpuSleepOffset = %d, want a positive multiple of the pointer size", off)
	}
}

// TestPlaygroundPackagesCompile compiles both playground packages for js/wasm, the
// generated file included.
func TestPlaygroundPackagesCompile(t *testing.T) {
	s := NewStdlib()
	if err := s.LoadPlayground(context.Background(), t.TempDir()); err != nil {
		t.Fatal(err)
	}
	for _, p := range PlaygroundPackages {
		if s.export(p.ImportPath) == "" {
			t.Errorf("%s was not compiled", p.ImportPath)
		}
	}
	files, err := PlaygroundPackages[1].Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(files, func(f SourceFile) bool { return f.Name == "offsets_js.go" }) {
		t.Error("wasm/runtrace's sources lack the generated offsets_js.go")
	}
}
