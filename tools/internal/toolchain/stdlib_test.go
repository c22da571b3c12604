package toolchain

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestStandardSetFollowsGoList checks the set derived from the installed Go: the packages
// learners paste programs with are importable, the withheld ones are not and say why, and
// nothing internal, vendored or of the go command is offered.
func TestStandardSetFollowsGoList(t *testing.T) {
	set, err := Standard(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(set.Importable) {
		t.Error("Importable is not sorted")
	}
	if len(set.Importable) < 150 {
		t.Errorf("only %d importable packages: %v", len(set.Importable), set.Importable)
	}
	for _, p := range []string{
		"fmt", "sync", "flag", "testing", "os/signal", "text/template", "html/template",
		"encoding/xml", "encoding/csv", "crypto/sha256", "crypto/tls", "compress/gzip", "archive/zip",
		"image/png", "go/ast", "go/format", "log/slog", "net/url", "net/http", "unique", "weak",
		"unsafe", "syscall/js", "math/rand/v2", "testing/synctest", "iter",
	} {
		if !slices.Contains(set.Importable, p) {
			t.Errorf("%s is not importable", p)
		}
	}
	for _, p := range set.Importable {
		if !public(p) {
			t.Errorf("%s is importable but not public", p)
		}
		if _, ok := set.Unavailable[p]; ok {
			t.Errorf("%s is both importable and unavailable", p)
		}
	}
	for _, p := range []string{"os/exec", "plugin", "runtime/cgo", "C"} {
		if reason := set.Unavailable[p]; reason == "" {
			t.Errorf("%s has no reason to be unavailable", p)
		}
	}
	if got := set.Unavailable["runtime/cgo"]; !strings.Contains(got, "cgo") {
		t.Errorf("runtime/cgo: reason %q", got)
	}
}

func TestPublic(t *testing.T) {
	for p, want := range map[string]bool{
		"fmt": true, "net/http": true, "internal/abi": false, "net/http/internal/ascii": false,
		"vendor/golang.org/x/net/idna": false, "cmd/go": false, "cmd": false, "internal": false,
		"go/internal/srcimporter": false, "math/rand/v2": true,
	} {
		if got := public(p); got != want {
			t.Errorf("public(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestDeriveRefusesStaleTable: a withheld package that the installed Go no longer has
// stops the build instead of being kept silently.
func TestDeriveRefusesStaleTable(t *testing.T) {
	wasm := []string{"fmt", "runtime", "sync", "plugin", "net/http/cgi"}
	other := append(slices.Clone(wasm), "runtime/cgo")
	_, err := derive(wasm, other)
	if err == nil || !strings.Contains(err.Error(), "os/exec") {
		t.Fatalf("derive without os/exec: %v", err)
	}
	set, err := derive(append(wasm, "os/exec", "flag"), append(other, "os/exec", "flag", "syscall/windowsonly"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"flag", "fmt", "runtime", "sync"}; !slices.Equal(set.Importable, want) {
		t.Errorf("importable %v, want %v", set.Importable, want)
	}
	if got := set.Unavailable["syscall/windowsonly"]; got != notForWasm {
		t.Errorf("a package missing on js/wasm: reason %q", got)
	}
	if got, want := set.Unavailable["os/exec"], withheld["os/exec"]; got != want {
		t.Errorf("os/exec: reason %q, want %q", got, want)
	}
}

// TestKeyFollowsInputs: the toolchain's folder changes whenever the package list, a
// reason or the tools' sources change, so a Go upgrade or an edit of the table rebuilds.
func TestKeyFollowsInputs(t *testing.T) {
	ctx := context.Background()
	base := &inputs{set: &Set{
		Importable:  []string{"flag", "fmt", "sync"},
		Unavailable: map[string]string{"os/exec": "no processes"},
	}, slimHash: "aaaa"}
	variants := map[string]*inputs{
		"one package fewer": {set: &Set{Importable: []string{"fmt", "sync"}, Unavailable: base.set.Unavailable}, slimHash: "aaaa"},
		"another reason":    {set: &Set{Importable: base.set.Importable, Unavailable: map[string]string{"os/exec": "none"}}, slimHash: "aaaa"},
		"one more withheld": {set: &Set{Importable: base.set.Importable, Unavailable: map[string]string{"os/exec": "no processes", "plugin": "no"}}, slimHash: "aaaa"},
		"other tools":       {set: base.set, slimHash: "bbbb"},
	}
	want, err := base.key(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again, err := (&inputs{set: &Set{Importable: slices.Clone(base.set.Importable), Unavailable: maps.Clone(base.set.Unavailable)}, slimHash: "aaaa"}).key(ctx)
	if err != nil || again != want {
		t.Fatalf("equal inputs: key %s, then %s (%v)", want, again, err)
	}
	for name, in := range variants {
		got, err := in.key(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got == want {
			t.Errorf("%s: the key did not change (%s)", name, got)
		}
	}
}
