package worker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"goconcurrency.dev/playground/tools/internal/server"
)

// TestPathHeadersAreLeftToTheAssets: Cloudflare applies the rules of _headers to what the
// static assets answer, never to a response the Worker makes. So no route the Worker
// answers first may reach into a path those rules are for, and the assets keep the file.
func TestPathHeadersAreLeftToTheAssets(t *testing.T) {
	overlaps := func(rule, prefix string) bool {
		if r, ok := strings.CutSuffix(rule, "*"); ok {
			return strings.HasPrefix(r, prefix) || strings.HasPrefix(prefix, r)
		}
		return strings.HasPrefix(rule, prefix)
	}
	for _, ph := range server.PathHeaders {
		for _, rule := range routes([]string{"/toolchain/compile.wasm", "/lessons/a/big.wasm"}) {
			if overlaps(rule, ph.Prefix) {
				t.Errorf("run_worker_first %q covers %s*, whose %s the Worker's responses would not carry", rule, ph.Prefix, ph.Name)
			}
		}
	}

	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "_headers"), []byte(server.HeadersFile()), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "embed", "snippet", "index.html"), 100)
	dst := filepath.Join(t.TempDir(), "assets")
	if _, _, err := writeAssets(site, dst); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dst, "_headers")); err != nil || string(got) != server.HeadersFile() {
		t.Errorf("the assets' _headers: %q, %v; want the site's", got, err)
	}
}
