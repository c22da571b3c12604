package toolchain

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"

	"goconcurrency.dev/playground/tools/internal/gobuild"
)

// Set is the standard library as the playground offers it: what a program may import,
// and why the rest may not be imported.
type Set struct {
	Importable  []string          // sorted import paths
	Unavailable map[string]string // import path -> why a program may not import it
}

// withheld are the standard packages that build for js/wasm but cannot do their job in a
// browser, and those that do not build for js/wasm at all, each with the reason a learner
// is given. Every entry must name a public standard package of the installed Go (Standard
// fails otherwise), so the table cannot outlive a package after a Go upgrade unnoticed.
var withheld = map[string]string{
	"os/exec":      "a program in the browser cannot start other programs",
	"net/http/cgi": "it runs or serves CGI programs as separate processes, which a program in the browser cannot start",
	"plugin":       "loading plugins needs a native operating system and cgo, which js/wasm lacks",
	"runtime/cgo":  "cgo (calling C from Go) does not exist on js/wasm",
}

// pseudo are import paths that are not packages but are still worth an explanation.
var pseudo = map[string]string{
	"C": "cgo (calling C from Go) does not exist on js/wasm",
}

// notForWasm is the reason given for a standard package that does not build for js/wasm
// and has no entry of its own in withheld.
const notForWasm = "it does not build for js/wasm"

// widest is the platform whose standard library lists the most packages (cgo included);
// what it has and js/wasm lacks is reported as not building for js/wasm.
var widest = []string{"GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=1"}

// Standard derives the set from the installed Go: every public standard package that
// builds for js/wasm ("go list std" without cmd, internal and vendor packages) is
// importable, except those in withheld.
func Standard(ctx context.Context) (*Set, error) {
	var other []string
	var otherErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		other, otherErr = listStd(ctx, append(os.Environ(), widest...))
	}()
	wasm, err := listStd(ctx, gobuild.Env())
	<-done
	if err != nil {
		return nil, err
	}
	if otherErr != nil {
		return nil, otherErr
	}
	return derive(wasm, other)
}

// derive builds the set from the public standard packages of js/wasm and of the widest
// platform.
func derive(wasm, other []string) (*Set, error) {
	s := &Set{Unavailable: maps.Clone(pseudo)}
	for _, p := range wasm {
		if reason, ok := withheld[p]; ok {
			s.Unavailable[p] = reason
			continue
		}
		s.Importable = append(s.Importable, p)
	}
	for _, p := range other {
		if slices.Contains(wasm, p) {
			continue
		}
		s.Unavailable[p] = notForWasm
		if reason, ok := withheld[p]; ok {
			s.Unavailable[p] = reason
		}
	}
	for p := range withheld {
		if !slices.Contains(wasm, p) && !slices.Contains(other, p) {
			return nil, fmt.Errorf("toolchain: the table of withheld packages names %s, which is not a standard package of this Go; update it", p)
		}
	}
	for _, must := range []string{"fmt", "runtime", "sync"} {
		if !slices.Contains(s.Importable, must) {
			return nil, fmt.Errorf("toolchain: go list std for js/wasm does not list %s", must)
		}
	}
	slices.Sort(s.Importable)
	return s, nil
}

// listStd lists the public standard packages for the platform env describes.
func listStd(ctx context.Context, env []string) ([]string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "std")
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the standard library: go list std: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if public(p) {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs, nil
}

// public reports whether a standard import path may be imported by a program: not part
// of the go command (cmd/...), not internal, not vendored.
func public(path string) bool {
	if path == "cmd" || strings.HasPrefix(path, "cmd/") || path == "vendor" || strings.HasPrefix(path, "vendor/") {
		return false
	}
	return !slices.Contains(strings.Split(path, "/"), "internal")
}
