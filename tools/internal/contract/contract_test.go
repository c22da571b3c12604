package contract

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/wasm/timeline"
)

// root is the repository root, three folders above this package.
var root, _ = filepath.Abs(filepath.Join("..", "..", ".."))

// evalJS runs an ES module body under Node in site/ and decodes what it prints as JSON.
func evalJS(t *testing.T, body string, v any) {
	t.Helper()
	cmd := exec.Command("node", "--input-type=module", "-e", body)
	cmd.Dir = filepath.Join(root, "site")
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("node: %v\n%s", err, msg)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("reading %q: %v", out, err)
	}
}

// constants returns the values of the string constants of type typeName declared in a
// Go file, by constant name.
func constants(t *testing.T, file, typeName string) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, file), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typeName {
				continue
			}
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s: %s is not a string literal", file, name.Name)
				}
				out[name.Name], _ = strconv.Unquote(lit.Value)
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s declares no constants of type %s", file, typeName)
	}
	return out
}

func sortedValues(m map[string]string) []string {
	return slices.Sorted(func(yield func(string) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	})
}

// TestEventKinds checks that package noderun's Kind constants are exactly the kinds of
// events.js, each under the same name.
func TestEventKinds(t *testing.T) {
	var js map[string]string
	evalJS(t, `const { Kind } = await import("./js/events.js"); console.log(JSON.stringify(Kind));`, &js)
	goKinds := constants(t, "tools/internal/noderun/events.go", "Kind")
	want := map[string]string{}
	for name, v := range js {
		want["Kind"+name] = v
	}
	if diff := cmp.Diff(want, goKinds); diff != "" {
		t.Errorf("events.js's Kind (want) and noderun's Kind constants (got) disagree (-want +got):\n%s", diff)
	}
}

// TestTimelineReasons checks that every reason a timeline span can carry has a kind of
// bar, with a colour and a label, and tooltip words in timeline-model.js, and that the
// page has no kind for a reason the Go side never gives.
func TestTimelineReasons(t *testing.T) {
	var js struct {
		Kinds []struct{ Key, Label, Prop, Fallback string }
		Words map[string]string
	}
	evalJS(t, `const m = await import("./js/timeline-model.js");
console.log(JSON.stringify({ Kinds: m.KINDS.map((k) => ({ Key: k.key, Label: k.label, Prop: k.prop, Fallback: k.fallback })), Words: m.REASON_TEXT }));`, &js)
	goReasons := constants(t, "wasm/timeline/timeline.go", "Reason")
	if got, want := len(timeline.Reasons), len(goReasons); got != want {
		t.Errorf("timeline.Reasons lists %d reasons; timeline.go declares %d", got, want)
	}
	states := constants(t, "wasm/timeline/timeline.go", "State")
	kinds := map[string]bool{}
	for _, k := range js.Kinds {
		kinds[k.Key] = true
		if k.Label == "" || !strings.HasPrefix(k.Prop, "--tl-") || !regexp.MustCompile(`^#[0-9a-f]{6}$`).MatchString(k.Fallback) {
			t.Errorf("timeline kind %q lacks a label, a colour property or a fallback colour: %+v", k.Key, k)
		}
	}
	for _, r := range sortedValues(goReasons) {
		if !kinds[r] {
			t.Errorf("reason %q (timeline.go) has no kind of bar in timeline-model.js KINDS", r)
		}
		if js.Words[r] == "" {
			t.Errorf("reason %q (timeline.go) has no words in timeline-model.js REASON_TEXT", r)
		}
	}
	for k := range kinds {
		_, isReason := js.Words[k]
		if !slices.Contains(sortedValues(goReasons), k) && !slices.Contains(sortedValues(states), k) {
			t.Errorf("timeline-model.js draws kind %q, which is neither a Reason nor a State of timeline.go", k)
		} else if isReason && !slices.Contains(sortedValues(goReasons), k) {
			t.Errorf("timeline-model.js has words for %q, which timeline.go never gives", k)
		}
	}
	// The colours themselves are in site.css, and for the dark theme in dark.css.
	for _, file := range []string{"site/css/site.css", "site/css/dark.css"} {
		css := readFile(t, file)
		for _, k := range js.Kinds {
			if !strings.Contains(css, k.Prop+":") {
				t.Errorf("%s does not set %s", file, k.Prop)
			}
		}
	}
}

// globalUse finds the global names Go code gets, sets or calls on js.Global().
var globalUse = regexp.MustCompile(`js\.Global\(\)\.(Get|Set|Call)\("([A-Za-z_]\w*)"`)

// standardGlobals are JavaScript's own globals, which Go code may use freely.
var standardGlobals = []string{"Uint8Array", "Object", "Array", "Date", "Promise", "fetch", "Headers", "Response", "Request", "crypto", "console"}

// TestBridgeFunctions checks that bridge.js lists every global function the Go sources
// use, with the direction they use it in, and nothing that no Go source uses.
func TestBridgeFunctions(t *testing.T) {
	var js struct{ HostFunctions, GoFunctions map[string]string }
	evalJS(t, `const b = await import("./js/bridge.js"); console.log(JSON.stringify({ HostFunctions: b.HostFunctions, GoFunctions: b.GoFunctions }));`, &js)
	uses := map[string]map[string]bool{} // name -> Get/Set/Call -> used
	err := filepath.WalkDir(filepath.Join(root, "wasm"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		for _, m := range globalUse.FindAllStringSubmatch(readFile(t, path), -1) {
			if slices.Contains(standardGlobals, m[2]) {
				continue
			}
			if uses[m[2]] == nil {
				uses[m[2]] = map[string]bool{}
			}
			uses[m[2]][m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	host := sortedValues(js.HostFunctions)
	goFuncs := sortedValues(js.GoFunctions)
	for name, how := range uses {
		switch {
		case slices.Contains(host, name):
			if how["Set"] {
				t.Errorf("Go sets %s, which bridge.js lists as a host function (Go only gets or calls those)", name)
			}
		case slices.Contains(goFuncs, name):
			if !how["Set"] {
				t.Errorf("bridge.js lists %s as a Go function, but no Go source registers it", name)
			}
		default:
			t.Errorf("Go sources use the global %s, which bridge.js does not list", name)
		}
	}
	for _, name := range append(host, goFuncs...) {
		if uses[name] == nil {
			t.Errorf("bridge.js lists %s, which no Go source under wasm/ uses", name)
		}
	}
	// And the JavaScript uses the names through bridge.js only.
	for _, name := range append(host, goFuncs...) {
		for _, file := range jsFiles(t) {
			if strings.Contains(readFile(t, file), `"`+name+`"`) && !strings.HasSuffix(file, "bridge.js") {
				t.Errorf("%s spells out %q; take the name from bridge.js", file, name)
			}
		}
	}
}

func jsFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"site/js", "tools/internal/noderun"} {
		matches, err := filepath.Glob(filepath.Join(root, dir, "*.js"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	return files
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return string(data)
}
