package worker_test

import (
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"goconcurrency.dev/playground/tools/internal/server"
)

// TestEmbedPagesMayBeFramedAnywhere: on the Worker, as from tools/serve, embed pages may be
// framed by a page of any origin and the rest of the site sends no framing rule. The rules
// are the site's _headers file (server.PathHeaders), which the Worker folder's assets carry:
// wrangler deploy uploads it with them, and miniflare, under wrangler dev as under these
// tests, reads it from the same folder.
func TestEmbedPagesMayBeFramedAnywhere(t *testing.T) {
	f := setup(t)
	rules, err := os.ReadFile(filepath.Join(f.worker, "assets", "_headers"))
	if err != nil {
		t.Fatalf("the Worker's assets have no _headers: %v", err)
	}
	if string(rules) != server.HeadersFile() {
		t.Errorf("the Worker's _headers:\n%s\nwant the server's rules:\n%s", rules, server.HeadersFile())
	}
	id := share(t, f.url, []byte("package main\n\nfunc main() { println(\"framed\") }\n"))
	const anyone = "frame-ancestors *"
	for path, want := range map[string]string{
		"/embed/test-clock/":                           anyone,
		"/embed/test-clock/?program=main.go&lines=1-3": anyone,
		"/embed/snippet/":                              anyone,
		"/embed/snippet/?share=" + id:                  anyone,
		"/":                                            "",
		"/lessons/test-clock/":                         "",
		"/s/" + id:                                     "", // answered by the Worker
	} {
		r := get(t, f.url+path)
		if r.status != http.StatusOK {
			t.Errorf("GET %s: %d", path, r.status)
			continue
		}
		got := r.header.Values("Content-Security-Policy")
		if want == "" && len(got) != 0 || want != "" && !slices.Equal(got, []string{want}) {
			t.Errorf("GET %s: Content-Security-Policy %q, want %q", path, got, want)
		}
	}
	// The file configures the assets; it is not one of them.
	if r := get(t, f.url+"/_headers"); r.status != http.StatusNotFound {
		t.Errorf("GET /_headers: %d, want 404", r.status)
	}
}
