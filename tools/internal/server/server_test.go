package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestServesPrecompressedWithTypesAndCaching(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "<p>home</p>")
	write("lessons/a/main.0123456789.wasm", "raw")
	write("lessons/a/main.0123456789.wasm.br", "brotli")
	write("lessons/a/main.0123456789.wasm.gz", "gzip")
	write("404.html", "<p>missing</p>")
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()

	for _, tc := range []struct {
		path, accept                    string
		status                          int
		body, ctype, encoding, cacheCtl string
	}{
		{"/", "", 200, "<p>home</p>", "text/html; charset=utf-8", "", "no-cache"},
		{"/lessons/a/main.0123456789.wasm", "gzip, deflate, br", 200, "brotli", "application/wasm", "br", "public, max-age=31536000, immutable"},
		{"/lessons/a/main.0123456789.wasm", "gzip", 200, "gzip", "application/wasm", "gzip", "public, max-age=31536000, immutable"},
		{"/lessons/a/main.0123456789.wasm", "br;q=0, gzip", 200, "gzip", "application/wasm", "gzip", "public, max-age=31536000, immutable"},
		{"/lessons/a/main.0123456789.wasm", "identity", 200, "raw", "application/wasm", "", "public, max-age=31536000, immutable"},
		{"/lessons/a/main.0123456789.wasm.br", "br", 404, "<p>missing</p>", "text/html; charset=utf-8", "", "no-cache"},
		{"/nope", "", 404, "<p>missing</p>", "text/html; charset=utf-8", "", "no-cache"},
		{"/../../etc/passwd", "", 404, "<p>missing</p>", "text/html; charset=utf-8", "", "no-cache"},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tc.path, nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		// Ask for the raw bytes: the client must not undo the encoding.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, 64)
		n, _ := resp.Body.Read(body)
		resp.Body.Close()
		h := resp.Header
		if resp.StatusCode != tc.status || string(body[:n]) != tc.body || h.Get("Content-Type") != tc.ctype ||
			h.Get("Content-Encoding") != tc.encoding || h.Get("Cache-Control") != tc.cacheCtl {
			t.Errorf("GET %s (Accept-Encoding %q): %d %q type %q encoding %q cache %q; want %d %q %q %q %q",
				tc.path, tc.accept, resp.StatusCode, body[:n], h.Get("Content-Type"), h.Get("Content-Encoding"), h.Get("Cache-Control"),
				tc.status, tc.body, tc.ctype, tc.encoding, tc.cacheCtl)
		}
	}
}
