package worker

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func write(t *testing.T, file string, size int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

func TestWriteAssets(t *testing.T) {
	site := t.TempDir()
	for name, size := range map[string]int{
		"index.html": 5000, "index.html.br": 900, "index.html.gz": 1000, // edge-served: original only
		"lessons/a/big.wasm": MaxAssetSize + 1, "lessons/a/big.wasm.br": 2000, "lessons/a/big.wasm.gz": 3000,
		"toolchain/link.wasm": 9000, "toolchain/link.wasm.br": 2000, "toolchain/link.wasm.gz": 3000,
		"toolchain/pkg/fmt.a": 4000, "toolchain/pkg/fmt.a.gz": 1500, // no .br: the .gz
		"toolchain/tiny.json": 100, // no sibling: as it is
		"exactly.wasm":        MaxAssetSize,
	} {
		write(t, filepath.Join(site, filepath.FromSlash(name)), size)
	}
	dst := filepath.Join(t.TempDir(), "assets")
	n, pre, err := writeAssets(site, dst)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"exactly.wasm", "index.html", "lessons/a/big.wasm.br", "toolchain/link.wasm.br", "toolchain/pkg/fmt.a.gz", "toolchain/tiny.json"}
	if got := listFiles(t, dst); !slices.Equal(got, want) {
		t.Errorf("assets = %q, want %q", got, want)
	}
	if n != len(want) {
		t.Errorf("counted %d files, want %d", n, len(want))
	}
	slices.Sort(pre)
	if want := []string{"/lessons/a/big.wasm", "/toolchain/link.wasm", "/toolchain/pkg/fmt.a"}; !slices.Equal(pre, want) {
		t.Errorf("precompressed = %q, want %q", pre, want)
	}
	// The Worker must be asked for the big lesson file; toolchain/ is already its route.
	r := routes(pre)
	if !slices.Contains(r, "/lessons/a/big.wasm") || slices.Contains(r, "/toolchain/link.wasm") {
		t.Errorf("run_worker_first = %q", r)
	}
	// Hard links, not copies.
	a, _ := os.Stat(filepath.Join(site, "index.html"))
	b, _ := os.Stat(filepath.Join(dst, "index.html"))
	if !os.SameFile(a, b) {
		t.Error("index.html in the assets is not a link to the site's")
	}
}

func TestWriteAssetsRefusesOversized(t *testing.T) {
	for name, files := range map[string]map[string]int{
		"no sibling":       {"huge.bin": MaxAssetSize + 1},
		"sibling too big":  {"huge.wasm": 3 * MaxAssetSize, "huge.wasm.br": MaxAssetSize + 1, "huge.wasm.gz": MaxAssetSize + 2},
		"toolchain as is":  {"toolchain/compile.wasm": MaxAssetSize + 1},
		"sibling gz alone": {"big.a": MaxAssetSize + 1, "big.a.gz": MaxAssetSize + 1},
	} {
		t.Run(name, func(t *testing.T) {
			site := t.TempDir()
			for f, size := range files {
				write(t, filepath.Join(site, filepath.FromSlash(f)), size)
			}
			_, _, err := writeAssets(site, filepath.Join(t.TempDir(), "assets"))
			if err == nil || !strings.Contains(err.Error(), "over the 25 MiB limit") {
				t.Fatalf("err = %v, want one about the 25 MiB limit", err)
			}
		})
	}
}

func TestWriteAssetsRefusesTooMany(t *testing.T) {
	site := t.TempDir()
	for i := range MaxAssets + 1 {
		write(t, filepath.Join(site, strconv.Itoa(i%100), strconv.Itoa(i)+".txt"), 0)
	}
	_, _, err := writeAssets(site, filepath.Join(t.TempDir(), "assets"))
	if err == nil || !strings.Contains(err.Error(), "over the limit of 20000") {
		t.Fatalf("err = %v, want one about the file limit", err)
	}
}

func TestRouteMatches(t *testing.T) {
	for _, c := range []struct {
		rule, path string
		want       bool
	}{
		{"/api/*", "/api/share", true},
		{"/api/*", "/apix", false},
		{"/oembed", "/oembed", true},
		{"/oembed", "/oembed/x", false},
		{"/toolchain/*", "/toolchain/pkg/fmt.a", true},
	} {
		if got := routeMatches(c.rule, c.path); got != c.want {
			t.Errorf("routeMatches(%q, %q) = %v", c.rule, c.path, got)
		}
	}
}
