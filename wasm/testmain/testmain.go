// Package testmain writes the main function of a test binary for a program in package
// main, as cmd/go does for "go test": it finds the tests, benchmarks, fuzz targets and
// examples of the _test.go files with go/ast and go/doc, under cmd/go's rules for their
// names and signatures, and hands them to testing.MainStart.
//
// cmd/go compiles the package under test as a library and the test main as a package of
// its own. The playground compiles them as one package main instead, so a test's stack
// traces, deadlock reports and timeline name the program's functions main.* as a run of
// the program does. The generated file therefore starts the tests from an init function,
// which runs after every other init of the package when the file is given to the
// compiler last, and exits there: the program's own main never runs.
//
// It runs natively in tests and as WebAssembly in the browser (cmd).
package testmain

import (
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FileName is the name the generated file is compiled under, after the program's files.
const FileName = "_testmain.go"

// File is one source file of the program.
type File struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

// Main is the generated test main and what it runs.
type Main struct {
	Source     string    `json:"source"`
	Tests      []string  `json:"tests"`
	Benchmarks []string  `json:"benchmarks"`
	Fuzz       []string  `json:"fuzz"`
	Examples   []Example `json:"examples"`
	TestMain   bool      `json:"testMain"` // the program has its own TestMain
}

// Example is an example function whose output is checked.
type Example struct {
	Name      string `json:"name"`
	Output    string `json:"output"`
	Unordered bool   `json:"unordered"`
}

// Error is a mistake in a test file, at a place the editor can mark.
type Error struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message) }

// IsTestFile reports whether a file of the program holds tests.
func IsTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// Generate writes the test main for the program's files. It fails with an *Error (or
// several, joined) when a test file is not in package main or a test function has the
// wrong signature, and with a plain error when the files hold no test at all.
func Generate(files []File) (*Main, error) {
	fset := token.NewFileSet()
	m := &Main{}
	var errs []error
	var testFiles []*ast.File
	for _, f := range files {
		if !IsTestFile(f.Name) {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Source, parser.ParseComments)
		if err != nil {
			// The compiler reports syntax errors with the rest; say nothing twice.
			return nil, err
		}
		if file.Name.Name != "main" {
			errs = append(errs, errorAt(fset, file.Name.Pos(), fmt.Sprintf("package %s: test files here test the program from inside, so they must be in package main", file.Name.Name)))
			continue
		}
		testFiles = append(testFiles, file)
		testing := importName(file, "testing")
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil {
				continue
			}
			name := fn.Name.Name
			switch {
			case name == "TestMain" && takes(fn, testing, "M"):
				if m.TestMain {
					errs = append(errs, errorAt(fset, fn.Pos(), "multiple definitions of TestMain"))
				}
				m.TestMain = true
			case isTest(name, "Test"):
				if !takes(fn, testing, "T") {
					errs = append(errs, signature(fset, fn, "t *testing.T"))
					continue
				}
				m.Tests = append(m.Tests, name)
			case isTest(name, "Benchmark"):
				if !takes(fn, testing, "B") {
					errs = append(errs, signature(fset, fn, "b *testing.B"))
					continue
				}
				m.Benchmarks = append(m.Benchmarks, name)
			case isTest(name, "Fuzz"):
				if !takes(fn, testing, "F") {
					errs = append(errs, signature(fset, fn, "f *testing.F"))
					continue
				}
				m.Fuzz = append(m.Fuzz, name)
			}
		}
	}
	// go/doc finds the examples and their // Output: comments as go test reads them.
	for _, ex := range doc.Examples(testFiles...) {
		name := "Example" + ex.Name
		if ex.Name == "" {
			name = "Example"
		}
		fn := findFunc(testFiles, name)
		if fn != nil && (fn.Type.Params.NumFields() > 0 || fn.Type.Results.NumFields() > 0) {
			errs = append(errs, signature(fset, fn, ""))
			continue
		}
		if ex.Output == "" && !ex.EmptyOutput {
			continue // compiled, not run: as go test does
		}
		m.Examples = append(m.Examples, Example{Name: name, Output: ex.Output, Unordered: ex.Unordered})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(testFiles) == 0 {
		return nil, errors.New("no test files: add a file whose name ends in _test.go")
	}
	if len(m.Tests)+len(m.Benchmarks)+len(m.Fuzz)+len(m.Examples) == 0 && !m.TestMain {
		return nil, errors.New("no tests to run: a test is a func TestXxx(t *testing.T) in a _test.go file")
	}
	m.Source = writeMain(m)
	return m, nil
}

// isTest reports whether name is a test function's name for prefix: the prefix alone,
// or followed by anything but a lower-case letter (cmd/go's rule: Testing is not a test).
func isTest(name, prefix string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	if len(name) == len(prefix) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name[len(prefix):])
	return !unicode.IsLower(r)
}

// importName is the name file gives the package at path, "" when it does not import it.
func importName(file *ast.File, path string) string {
	for _, im := range file.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == path {
			if im.Name != nil {
				return im.Name.Name
			}
			return path[strings.LastIndex(path, "/")+1:]
		}
	}
	return ""
}

// takes reports whether fn is func(x *<pkg>.<typ>) with no results.
func takes(fn *ast.FuncDecl, pkg, typ string) bool {
	if pkg == "" || fn.Type.TypeParams != nil || fn.Type.Results.NumFields() != 0 {
		return false
	}
	params := fn.Type.Params.List
	if len(params) != 1 || len(params[0].Names) > 1 {
		return false
	}
	star, ok := params[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg && sel.Sel.Name == typ
}

func findFunc(files []*ast.File, name string) *ast.FuncDecl {
	for _, f := range files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name {
				return fn
			}
		}
	}
	return nil
}

func signature(fset *token.FileSet, fn *ast.FuncDecl, params string) error {
	return errorAt(fset, fn.Name.Pos(), fmt.Sprintf("wrong signature for %s, must be: func %s(%s)", fn.Name.Name, fn.Name.Name, params))
}

func errorAt(fset *token.FileSet, pos token.Pos, msg string) *Error {
	p := fset.Position(pos)
	return &Error{File: p.Filename, Line: p.Line, Col: p.Column, Message: msg}
}

// Positions lists the errors Generate returned, for the editor.
func Positions(err error) []*Error {
	var out []*Error
	if e, ok := err.(*Error); ok {
		return []*Error{e}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, Positions(e)...)
		}
	}
	return slices.Clip(out)
}

// writeMain writes the generated file. Its names start with an underscore and its
// imports are renamed, so nothing the program declares at package level collides with them.
func writeMain(m *Main) string {
	var b strings.Builder
	b.WriteString("// Code generated for \"go test\" by the playground. DO NOT EDIT.\n\npackage main\n\nimport (\n\t_os \"os\"\n")
	if m.TestMain {
		b.WriteString("\t_reflect \"reflect\"\n")
	}
	b.WriteString("\t_testing \"testing\"\n\t_testdeps \"testing/internal/testdeps\"\n)\n")
	list := func(kind string, names []string) {
		fmt.Fprintf(&b, "\nvar _%ss = []_testing.Internal%s{\n", strings.ToLower(kind[:1])+kind[1:], kind)
		for _, n := range names {
			fmt.Fprintf(&b, "\t{%q, %s},\n", n, n)
		}
		b.WriteString("}\n")
	}
	list("Test", m.Tests)
	list("Benchmark", m.Benchmarks)
	list("FuzzTarget", m.Fuzz)
	b.WriteString("\nvar _examples = []_testing.InternalExample{\n")
	for _, ex := range m.Examples {
		fmt.Fprintf(&b, "\t{%q, %s, %q, %t},\n", ex.Name, ex.Name, ex.Output, ex.Unordered)
	}
	b.WriteString("}\n")
	b.WriteString(`
// init runs the tests in place of the program's main, after the program's own init
// functions, as a test binary does.
func init() {
	_testdeps.ImportPath = "main"
	m := _testing.MainStart(_testdeps.TestDeps{}, _tests, _benchmarks, _fuzzTargets, _examples)
`)
	if m.TestMain {
		b.WriteString("\tTestMain(m)\n\t_os.Exit(int(_reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n}\n")
	} else {
		b.WriteString("\t_os.Exit(m.Run())\n}\n")
	}
	return b.String()
}
