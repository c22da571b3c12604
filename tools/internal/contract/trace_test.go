package contract

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"goconcurrency.dev/playground/tools/internal/bundle"
)

// traceEvent is what the page's trace reader (site/js/trace-timeline.js) knows of a timed
// event: its type, how many arguments follow its time, and which are stack and string IDs.
type traceEvent struct {
	Type    int    `json:"type"`
	Name    string `json:"name"`
	Count   int    `json:"count"`
	Stacks  []int  `json:"stacks"`
	Strings []int  `json:"strings"`
}

// TestTraceEventTable checks the trace reader's event types and timed events against the
// installed Go's own table of the wire format (internal/trace/tracev2/events.go), so that
// a Go upgrade that changes the format fails here, by name, before any timeline does.
func TestTraceEventTable(t *testing.T) {
	goroot, err := bundle.GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(goroot, "src", "internal", "trace", "tracev2", "events.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	types := eventTypes(t, f)
	wantTypes := map[string]int{}
	for name, v := range types {
		if !strings.HasPrefix(name, "Max") && name != "NumEvents" && name != "EvNone" {
			wantTypes[strings.TrimPrefix(name, "Ev")] = v
		}
	}
	var want []traceEvent
	for name, spec := range eventSpecs(t, f) {
		if !spec.timed {
			continue
		}
		e := traceEvent{Type: types[name], Name: strings.TrimPrefix(name, "Ev"), Count: spec.args - 1, Stacks: []int{}, Strings: []int{}}
		for _, i := range spec.stacks {
			e.Stacks = append(e.Stacks, i-1)
		}
		for _, i := range spec.strings {
			e.Strings = append(e.Strings, i-1)
		}
		want = append(want, e)
	}
	var js struct {
		Types  map[string]int
		Events []traceEvent
	}
	evalJS(t, `const m = await import("./js/trace-timeline.js");
console.log(JSON.stringify({ Types: m.EventType, Events: m.timedEvents() }));`, &js)
	if diff := cmp.Diff(wantTypes, js.Types); diff != "" {
		t.Errorf("trace-timeline.js's EventType disagrees with %s (-Go +JS):\n%s", file, diff)
	}
	byType := func(a, b traceEvent) bool { return a.Type < b.Type }
	if diff := cmp.Diff(want, js.Events, cmpopts.SortSlices(byType)); diff != "" {
		t.Errorf("trace-timeline.js's timed events disagree with %s (-Go +JS):\n%s", file, diff)
	}
}

// eventTypes evaluates the EventType constants of events.go, by name.
func eventTypes(t *testing.T, f *ast.File) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		var expr ast.Expr // the block's last explicit value, which later specs repeat
		isEventType := false
		for i, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if i == 0 {
				id, ok := vs.Type.(*ast.Ident)
				isEventType = ok && id.Name == "EventType"
			}
			if !isEventType {
				break
			}
			if len(vs.Values) > 0 {
				expr = vs.Values[0]
			}
			for _, name := range vs.Names {
				out[name.Name] = evalIota(t, expr, i)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("events.go declares no EventType constants")
	}
	return out
}

// evalIota evaluates a constant expression of integers and iota.
func evalIota(t *testing.T, e ast.Expr, iota int) int {
	t.Helper()
	switch e := e.(type) {
	case *ast.Ident:
		if e.Name == "iota" {
			return iota
		}
	case *ast.BasicLit:
		v, err := strconv.Atoi(e.Value)
		if err == nil {
			return v
		}
	case *ast.BinaryExpr:
		x, y := constant.MakeInt64(int64(evalIota(t, e.X, iota))), constant.MakeInt64(int64(evalIota(t, e.Y, iota)))
		v, _ := constant.Int64Val(constant.BinaryOp(x, e.Op, y))
		return int(v)
	case *ast.ParenExpr:
		return evalIota(t, e.X, iota)
	}
	t.Fatalf("cannot evaluate the constant expression %T", e)
	return 0
}

type eventSpec struct {
	args            int
	stacks, strings []int
	timed           bool
}

// eventSpecs reads the specs table of events.go, by event constant name.
func eventSpecs(t *testing.T, f *ast.File) map[string]eventSpec {
	t.Helper()
	out := map[string]eventSpec{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if vs.Names[0].Name != "specs" {
				continue
			}
			for _, elt := range vs.Values[0].(*ast.CompositeLit).Elts {
				kv := elt.(*ast.KeyValueExpr)
				var spec eventSpec
				for _, field := range kv.Value.(*ast.CompositeLit).Elts {
					field := field.(*ast.KeyValueExpr)
					switch field.Key.(*ast.Ident).Name {
					case "Args":
						spec.args = len(field.Value.(*ast.CompositeLit).Elts)
					case "StackIDs":
						spec.stacks = ints(t, field.Value)
					case "StringIDs":
						spec.strings = ints(t, field.Value)
					case "IsTimedEvent":
						spec.timed = field.Value.(*ast.Ident).Name == "true"
					}
				}
				out[kv.Key.(*ast.Ident).Name] = spec
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("events.go has no specs table")
	}
	return out
}

func ints(t *testing.T, e ast.Expr) []int {
	t.Helper()
	var out []int
	for _, elt := range e.(*ast.CompositeLit).Elts {
		out = append(out, evalIota(t, elt, 0))
	}
	return out
}
