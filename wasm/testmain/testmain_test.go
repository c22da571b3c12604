package testmain

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const program = `package main

import "fmt"

func add(a, b int) int { return a + b }

var order []string

func init() { order = append(order, "program init") }

func main() { fmt.Println("the program's main must not run") }
`

const tests = `package main

import (
	"fmt"
	tt "testing"
)

func TestAdd(t *tt.T) {
	if add(1, 2) != 3 {
		t.Fatal("add is wrong")
	}
	if len(order) != 1 {
		t.Errorf("init ran %d times before the tests", len(order))
	}
}

func TestWrong(t *tt.T) { t.Errorf("add(2, 2) = %d, want 5", add(2, 2)) }

func Testing(t *tt.T) {} // not a test: a lower-case letter follows the prefix

func BenchmarkAdd(b *tt.B) {
	for b.Loop() {
		add(1, 2)
	}
}

func FuzzAdd(f *tt.F) { f.Fuzz(func(t *tt.T, a int) { add(a, a) }) }

func ExampleAdd() {
	fmt.Println(add(2, 3))
	// Output: 5
}

func Example_unordered() {
	fmt.Println("b")
	fmt.Println("a")
	// Unordered output:
	// a
	// b
}

func ExampleNotRun() { fmt.Println("no output comment") }
`

func TestGenerateFindsWhatGoTestRuns(t *testing.T) {
	m, err := Generate([]File{{"main.go", program}, {"main_test.go", tests}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Tests, []string{"TestAdd", "TestWrong"}) || !slices.Equal(m.Benchmarks, []string{"BenchmarkAdd"}) || !slices.Equal(m.Fuzz, []string{"FuzzAdd"}) {
		t.Errorf("found tests %v, benchmarks %v, fuzz %v", m.Tests, m.Benchmarks, m.Fuzz)
	}
	want := []Example{{"ExampleAdd", "5\n", false}, {"Example_unordered", "a\nb\n", true}}
	if !slices.Equal(m.Examples, want) {
		t.Errorf("examples = %+v, want %+v", m.Examples, want)
	}
}

func TestGenerateRejects(t *testing.T) {
	for name, c := range map[string]struct{ file, want string }{
		"external package": {"package main_test\n", "main_test.go:1:9: package main_test: test files here test the program from inside"},
		"signature":        {"package main\n\nimport \"testing\"\n\nfunc TestX(b *testing.B) {}\n", "main_test.go:5:6: wrong signature for TestX, must be: func TestX(t *testing.T)"},
		"no tests":         {"package main\n\nfunc helper() {}\n", "no tests to run"},
	} {
		_, err := Generate([]File{{"main.go", program}, {"main_test.go", c.file}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", name, err, c.want)
		}
	}
	if _, err := Generate([]File{{"main.go", program}}); err == nil || !strings.Contains(err.Error(), "no test files") {
		t.Errorf("without test files: %v", err)
	}
	_, err := Generate([]File{{"main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestA(int) {}\nfunc TestB(int) {}\n"}})
	if ps := Positions(err); len(ps) != 2 || ps[1].Line != 6 {
		t.Errorf("positions of two errors: %+v", ps)
	}
}

// TestGeneratedMainRuns compiles the program, its tests and the generated file into one
// package main with the native compiler and linker, as the playground does for js/wasm,
// and runs it: the program's main does not run, the failing test fails and the rest pass.
func TestGeneratedMainRuns(t *testing.T) {
	m, err := Generate([]File{{"main.go", program}, {"main_test.go", tests}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	names := []string{"main.go", "main_test.go", FileName}
	for i, src := range []string{program, tests, m.Source} {
		os.WriteFile(filepath.Join(dir, names[i]), []byte(src), 0o644)
	}
	list, err := exec.Command("go", "list", "-export", "-deps", "-f", "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}",
		"fmt", "os", "testing", "testing/internal/testdeps").Output()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "importcfg"), list, 0o644)
	run := func(name string, args ...string) []byte {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil && name != "./main" {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return out
	}
	run("go", append([]string{"tool", "compile", "-p", "main", "-importcfg", "importcfg", "-o", "main.a"}, names...)...)
	run("go", "tool", "link", "-importcfg", "importcfg", "-X", "testing.testBinary=1", "-o", "main", "main.a")
	out := run("./main", "-test.v")
	for _, want := range []string{"--- PASS: TestAdd", "--- FAIL: TestWrong", "main_test.go:17: add(2, 2) = 4, want 5", "--- PASS: ExampleAdd", "--- PASS: Example_unordered", "FAIL\n"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if bytes.Contains(out, []byte("must not run")) {
		t.Errorf("the program's main ran:\n%s", out)
	}
	if out := run("./main", "-test.run", "^$", "-test.bench", "Add", "-test.benchtime", "10x"); !bytes.Contains(out, []byte("BenchmarkAdd")) || !bytes.Contains(out, []byte("PASS")) {
		t.Errorf("the benchmark did not run:\n%s", out)
	}
}
