package worker_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"goconcurrency.dev/playground/tools/internal/site"
	"goconcurrency.dev/playground/tools/internal/worker"
)

// root is the repository root, three folders above this package.
var root, _ = filepath.Abs(filepath.Join("..", "..", ".."))

// fixture is a small site (the browser tests' lessons, with the real toolchain, whose
// compile.wasm is over the asset limit), built into a Worker folder and running under
// workerd with KV persisted in a temporary folder.
type fixture struct {
	dir     string // holds everything below
	site    string // the built site
	worker  string // the Worker folder
	runtime *worker.Runtime
	url     string
}

var shared = sync.OnceValues(func() (_ *fixture, err error) {
	dir, err := os.MkdirTemp("", "worker-test-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	f := &fixture{dir: dir, site: filepath.Join(dir, "site"), worker: filepath.Join(dir, "worker")}
	lessons := filepath.Join(dir, "lessons")
	if err := os.CopyFS(lessons, os.DirFS(filepath.Join(root, "tools", "internal", "site", "testdata", "lessons"))); err != nil {
		return nil, err
	}
	chapters, err := os.ReadFile(filepath.Join(root, "lessons", "chapters.yaml"))
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(lessons, "chapters.yaml"), chapters, 0o644); err != nil {
		return nil, err
	}
	ctx := context.Background()
	err = site.Build(ctx, site.Options{
		Root: root, Lessons: lessons, Out: f.site, Minify: true,
		CacheDir: filepath.Join(root, "build", "cache", "programs"),
	})
	if err != nil {
		return nil, fmt.Errorf("building the site: %w", err)
	}
	if _, err := worker.Build(ctx, worker.Options{Root: root, Site: f.site, Out: f.worker}); err != nil {
		return nil, err
	}
	f.runtime, err = worker.Start(ctx, worker.StartOptions{Root: root, Dir: f.worker, Persist: filepath.Join(dir, "kv"), Log: os.Stderr})
	if err != nil {
		return nil, err
	}
	f.url = f.runtime.URL
	return f, nil
})

func TestMain(m *testing.M) {
	code := m.Run()
	if f, err := shared(); err == nil {
		f.runtime.Stop()
		os.RemoveAll(f.dir)
	}
	os.Exit(code)
}

func setup(t *testing.T) *fixture {
	t.Helper()
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// client sends requests as they are: no Accept-Encoding of its own, no decoding.
var client = &http.Client{
	Timeout:       2 * time.Minute,
	Transport:     &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 64},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func send(t testing.TB, method, u string, header map[string]string, body io.Reader) response {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	req.Close = header["Connection"] == "close"
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, u, err)
	}
	return response{res.StatusCode, res.Header, data}
}

func get(t testing.TB, u string) response { t.Helper(); return send(t, "GET", u, nil, nil) }

func post(t testing.TB, u string, program []byte) response {
	t.Helper()
	return send(t, "POST", u+"/api/share", map[string]string{"Content-Type": "text/plain; charset=utf-8"}, bytes.NewReader(program))
}

// share posts program and returns its id, failing the test unless it is accepted.
func share(t testing.TB, u string, program []byte) string {
	t.Helper()
	r := post(t, u, program)
	if r.status != http.StatusOK {
		t.Fatalf("POST /api/share: %d %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("POST /api/share: Content-Type %q", ct)
	}
	var answer struct{ ID string }
	if err := json.Unmarshal(r.body, &answer); err != nil {
		t.Fatalf("POST /api/share: %v in %s", err, r.body)
	}
	return answer.ID
}

// wantID is the content address of program: 11 characters of base64url(sha256).
func wantID(program []byte) string {
	sum := sha256.Sum256(program)
	return base64.RawURLEncoding.EncodeToString(sum[:])[:11]
}

// wantReason checks that r is an answer of status code whose body is a one-line, plain
// text reason.
func wantReason(t *testing.T, what string, r response, code int) {
	t.Helper()
	if r.status != code {
		t.Errorf("%s: status %d, want %d (%s)", what, r.status, code, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("%s: Content-Type %q", what, ct)
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: no X-Content-Type-Options: nosniff", what)
	}
	text := string(r.body)
	if len(text) < 5 || !strings.HasSuffix(text, "\n") || strings.Count(text, "\n") != 1 {
		t.Errorf("%s: the reason is not one line: %q", what, text)
	}
}

func TestShareRoundTrip(t *testing.T) {
	f := setup(t)
	programs := map[string]string{
		"one file": "package main\r\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"héllo, 世界\\t\")\n}",
		"txtar": "A comment line.\n-- main.go --\npackage main\n\nfunc main() { hello() }\n" +
			"-- hello.go --\npackage main\n\nimport \"fmt\"\n\nfunc hello() { fmt.Println(\"hi\") }\n-- go.mod --\nmodule example\n",
	}
	for name, program := range programs {
		t.Run(name, func(t *testing.T) {
			id := share(t, f.url, []byte(program))
			if want := wantID([]byte(program)); id != want {
				t.Fatalf("id %q, want %q", id, want)
			}
			if again := share(t, f.url, []byte(program)); again != id {
				t.Errorf("the same program got id %q, then %q", id, again)
			}
			r := get(t, f.url+"/api/share/"+id)
			if r.status != http.StatusOK {
				t.Fatalf("GET: %d %s", r.status, r.body)
			}
			if !bytes.Equal(r.body, []byte(program)) {
				t.Errorf("GET answered %q, want %q", r.body, program)
			}
			for k, want := range map[string]string{
				"Content-Type":                "text/plain; charset=utf-8",
				"X-Content-Type-Options":      "nosniff",
				"Cache-Control":               "public, max-age=31536000, immutable",
				"Access-Control-Allow-Origin": "*",
			} {
				if got := r.header.Get(k); got != want {
					t.Errorf("GET: %s = %q, want %q", k, got, want)
				}
			}
		})
	}
	// CORS is for reading only.
	if r := post(t, f.url, []byte("package main\n")); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("POST answered with Access-Control-Allow-Origin")
	}
}

func TestShareSizeLimit(t *testing.T) {
	f := setup(t)
	program := func(size int) []byte {
		head := "package main\n\n// "
		return []byte(head + strings.Repeat("x", size-len(head)-1) + "\n")
	}
	exact := program(64 << 10)
	id := share(t, f.url, exact)
	if r := get(t, f.url+"/api/share/"+id); !bytes.Equal(r.body, exact) {
		t.Errorf("the 64 KiB program came back as %d bytes", len(r.body))
	}
	// The runtime answers before it reads the whole body, and then closes the connection.
	tooLarge := map[string]string{"Content-Type": "text/plain", "Connection": "close"}
	wantReason(t, "64 KiB + 1", send(t, "POST", f.url+"/api/share", tooLarge, bytes.NewReader(program(64<<10+1))), http.StatusRequestEntityTooLarge)
	// Without a Content-Length the body is counted as it is read.
	chunked := send(t, "POST", f.url+"/api/share", tooLarge, io.MultiReader(bytes.NewReader(program(64<<10+1))))
	wantReason(t, "64 KiB + 1, chunked", chunked, http.StatusRequestEntityTooLarge)
}

func TestShareRefusesMalformed(t *testing.T) {
	f := setup(t)
	var many strings.Builder
	for i := range 21 {
		fmt.Fprintf(&many, "-- f%d.go --\npackage main\n", i)
	}
	for name, program := range map[string]string{
		"not UTF-8":         "package main\n\xff\xfe\n",
		"empty":             "",
		"blank":             " \n\t\n",
		"slash in a name":   "-- main.go --\npackage main\n-- a/b.go --\npackage main\n",
		"backslash":         "-- a\\b.go --\npackage main\n",
		"dot dot":           "-- .. --\npackage main\n",
		"dot dot in a name": "-- x..go --\npackage main\n",
		"parent path":       "-- ../main.go --\npackage main\n",
		"21 files":          many.String(),
		"two with a name":   "-- main.go --\npackage main\n-- main.go --\npackage other\n",
		"control in a name": "-- a\x01.go --\npackage main\n",
		"truncated UTF-8":   "package main \xc3",
	} {
		wantReason(t, name, post(t, f.url, []byte(program)), http.StatusBadRequest)
	}
	form := send(t, "POST", f.url+"/api/share", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, strings.NewReader("a=b"))
	wantReason(t, "a form", form, http.StatusUnsupportedMediaType)
	wantReason(t, "GET /api/share", get(t, f.url+"/api/share"), http.StatusMethodNotAllowed)
	wantReason(t, "DELETE", send(t, "DELETE", f.url+"/api/share/"+wantID([]byte("x")), nil, nil), http.StatusMethodNotAllowed)
	wantReason(t, "no such API", get(t, f.url+"/api/nothing"), http.StatusNotFound)
	// 20 files are allowed.
	var twenty strings.Builder
	for i := range 20 {
		fmt.Fprintf(&twenty, "-- f%d.go --\npackage main\n", i)
	}
	share(t, f.url, []byte(twenty.String()))
}

func TestSharedIDs(t *testing.T) {
	f := setup(t)
	unknown := wantID([]byte("a program nobody shared " + time.Now().String()))
	wantReason(t, "unknown id", get(t, f.url+"/api/share/"+unknown), http.StatusNotFound)
	if r := get(t, f.url+"/api/share/"+unknown); r.header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("a 404 has no Access-Control-Allow-Origin: a page of another origin could not read why")
	}
	for _, id := range []string{"short", "abcdefghijkl", "abc*efghijk", "abc.efghijk", "%3Cscript%3E"} {
		wantReason(t, "id "+id, get(t, f.url+"/api/share/"+id), http.StatusBadRequest)
	}
}

func TestSharedPage(t *testing.T) {
	f := setup(t)
	page, err := os.ReadFile(filepath.Join(f.site, "s", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	id := share(t, f.url, []byte("package main\n\nfunc main() { println(\"shared page\") }\n"))
	r := get(t, f.url+"/s/"+id)
	if r.status != http.StatusOK || !bytes.Equal(r.body, page) {
		t.Errorf("GET /s/%s: %d, %d bytes; want 200 and s/index.html (%d bytes)", id, r.status, len(r.body), len(page))
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET /s/%s: Content-Type %q", id, ct)
	}
	// The link the site makes: /s/{id}?lesson=…&program=… .
	if r := get(t, f.url+"/s/"+id+"?lesson=test-clock&program=main"); r.status != http.StatusOK || !bytes.Equal(r.body, page) {
		t.Errorf("GET /s/%s?lesson=…: %d", id, r.status)
	}
	// Without a share API a link carries its program in the fragment: /s/#code=… .
	if r := get(t, f.url+"/s/?lesson=test-clock"); r.status != http.StatusOK || !bytes.Equal(r.body, page) {
		t.Errorf("GET /s/: %d, %d bytes; want 200 and s/index.html", r.status, len(r.body))
	}
	if r := get(t, f.url+"/s/index.html"); r.status != http.StatusTemporaryRedirect || r.header.Get("Location") != "/s/" {
		t.Errorf("GET /s/index.html: %d to %q, want a redirect to /s/", r.status, r.header.Get("Location"))
	}
	wantReason(t, "/s/ with a malformed id", get(t, f.url+"/s/not-an-id"), http.StatusBadRequest)
	wantReason(t, "/s/ with a path", get(t, f.url+"/s/"+id+"/x"), http.StatusBadRequest)
}

func TestOEmbed(t *testing.T) {
	f := setup(t)
	oembed := func(target string, format string) response {
		q := url.Values{"url": {target}}
		if format != "" {
			q.Set("format", format)
		}
		return get(t, f.url+"/oembed?"+q.Encode())
	}
	lessonDoc, err := os.ReadFile(filepath.Join(f.site, "lessons", "test-clock", "oembed.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{f.url + "/lessons/test-clock/", f.url + "/lessons/test-clock"} {
		r := oembed(u, "json")
		if r.status != http.StatusOK || !bytes.Equal(r.body, lessonDoc) {
			t.Errorf("oEmbed of %s: %d %s, want the lesson's oembed.json", u, r.status, r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("oEmbed of %s: Content-Type %q", u, ct)
		}
		if r.header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("oEmbed of %s: no Access-Control-Allow-Origin", u)
		}
	}

	id := share(t, f.url, []byte("package main\n\nfunc main() { println(\"embedded\") }\n"))
	r := oembed(f.url+"/s/"+id, "")
	if r.status != http.StatusOK {
		t.Fatalf("oEmbed of /s/%s: %d %s", id, r.status, r.body)
	}
	var doc map[string]any
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatalf("oEmbed of /s/%s: %v in %s", id, err, r.body)
	}
	for k, want := range map[string]any{
		"version": "1.0", "type": "rich", "provider_name": "Go Concurrency Playground",
		"provider_url": f.url, "title": "A shared Go program",
	} {
		if doc[k] != want {
			t.Errorf("oEmbed of /s/%s: %s = %v, want %v", id, k, doc[k], want)
		}
	}
	html, _ := doc["html"].(string)
	src := fmt.Sprintf(`<iframe src="%s/embed/snippet/?share=%s"`, f.url, id)
	if !strings.HasPrefix(html, src) || !strings.HasSuffix(html, "></iframe>") {
		t.Errorf("oEmbed html = %q, want an iframe starting %q", html, src)
	}
	if w, _ := doc["width"].(float64); w <= 0 {
		t.Errorf("oEmbed width = %v", doc["width"])
	}
	if h, _ := doc["height"].(float64); h <= 0 {
		t.Errorf("oEmbed height = %v", doc["height"])
	}

	wantReason(t, "an unknown lesson", oembed(f.url+"/lessons/no-such-lesson/", ""), http.StatusNotFound)
	wantReason(t, "another origin", oembed("https://example.com/lessons/test-clock/", ""), http.StatusNotFound)
	wantReason(t, "another page", oembed(f.url+"/toolchain/", ""), http.StatusNotFound)
	wantReason(t, "a malformed share id", oembed(f.url+"/s/bad", ""), http.StatusNotFound)
	wantReason(t, "format=xml", oembed(f.url+"/lessons/test-clock/", "xml"), http.StatusNotImplemented)
	wantReason(t, "no url", get(t, f.url+"/oembed?format=json"), http.StatusBadRequest)
}

func TestStaticAssets(t *testing.T) {
	f := setup(t)
	same := func(path, file, typePrefix string, status int) {
		t.Helper()
		want, err := os.ReadFile(filepath.Join(f.site, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		r := get(t, f.url+path)
		if r.status != status || !bytes.Equal(r.body, want) {
			t.Errorf("GET %s: %d, %d bytes; want %d and %s (%d bytes)", path, r.status, len(r.body), status, file, len(want))
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, typePrefix) {
			t.Errorf("GET %s: Content-Type %q, want %s", path, ct, typePrefix)
		}
	}
	same("/", "index.html", "text/html", http.StatusOK)
	same("/lessons/test-clock/", "lessons/test-clock/index.html", "text/html", http.StatusOK)
	css, err := filepath.Glob(filepath.Join(f.site, "assets", "*.css"))
	if err != nil || len(css) == 0 {
		t.Fatalf("the site's stylesheet: %v %v", css, err)
	}
	name := "assets/" + filepath.Base(css[0])
	same("/"+name, name, "text/css", http.StatusOK)
	same("/no/such/page", "404.html", "text/html", http.StatusNotFound)
	// The lesson page names its program; it is served as it is.
	wasm, err := filepath.Glob(filepath.Join(f.site, "lessons", "test-clock", "*.wasm"))
	if err != nil || len(wasm) == 0 {
		t.Fatalf("the lesson's program: %v %v", wasm, err)
	}
	name = "lessons/test-clock/" + filepath.Base(wasm[0])
	same("/"+name, name, "application/wasm", http.StatusOK)
}

// TestOversizedFile fetches the toolchain's compiler, over the 25 MiB asset limit, as a
// browser would, and as clients that accept only gzip or no encoding at all: each gets
// bytes that decode to the original file.
func TestOversizedFile(t *testing.T) {
	f := setup(t)
	var big []string
	filepath.WalkDir(f.site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil && info.Size() > worker.MaxAssetSize {
				rel, _ := filepath.Rel(f.site, p)
				big = append(big, filepath.ToSlash(rel))
			}
		}
		return err
	})
	if !slices.ContainsFunc(big, func(p string) bool { return strings.HasPrefix(p, "toolchain/compile.") }) {
		t.Fatalf("the site has no compile.wasm over %d bytes: %q", worker.MaxAssetSize, big)
	}
	for _, rel := range big {
		if _, err := os.Stat(filepath.Join(f.worker, "assets", filepath.FromSlash(rel))); err == nil {
			t.Errorf("%s, over the limit, is in the assets", rel)
		}
		original, err := os.ReadFile(filepath.Join(f.site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			accept, encoding string
			decode           func(io.Reader) (io.Reader, error)
		}{
			{"br, gzip", "br", func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
			{"gzip", "gzip", func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
			{"identity", "", func(r io.Reader) (io.Reader, error) { return r, nil }},
		} {
			r := send(t, "GET", f.url+"/"+rel, map[string]string{"Accept-Encoding": c.accept}, nil)
			if r.status != http.StatusOK {
				t.Errorf("GET /%s (%s): %d", rel, c.accept, r.status)
				continue
			}
			if got := r.header.Get("Content-Encoding"); got != c.encoding {
				t.Errorf("GET /%s (%s): Content-Encoding %q, want %q", rel, c.accept, got, c.encoding)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/wasm" {
				t.Errorf("GET /%s (%s): Content-Type %q", rel, c.accept, ct)
			}
			dec, err := c.decode(bytes.NewReader(r.body))
			if err != nil {
				t.Fatalf("GET /%s (%s): %v", rel, c.accept, err)
			}
			got, err := io.ReadAll(dec)
			if err != nil {
				t.Fatalf("GET /%s (%s): decoding %d bytes: %v", rel, c.accept, len(r.body), err)
			}
			if sha256.Sum256(got) != sha256.Sum256(original) {
				t.Errorf("GET /%s (%s): %d bytes sent, decoding to %d bytes that are not the original's %d", rel, c.accept, len(r.body), len(got), len(original))
			}
			if c.encoding == "br" {
				if len(r.body) >= worker.MaxAssetSize {
					t.Errorf("GET /%s: %d bytes sent", rel, len(r.body))
				}
				etag := r.header.Get("ETag")
				again := send(t, "GET", f.url+"/"+rel, map[string]string{"Accept-Encoding": c.accept, "If-None-Match": etag}, nil)
				if etag == "" || again.status != http.StatusNotModified {
					t.Errorf("GET /%s with If-None-Match %q: %d, want 304", rel, etag, again.status)
				}
			}
		}
	}
}

// TestToolchainPrecompressed checks the rest of the toolchain, which the Worker sends from
// its brotli siblings too: one file of each kind (the linker, an archive, the manifest).
func TestToolchainPrecompressed(t *testing.T) {
	f := setup(t)
	byExt := map[string]string{}
	filepath.WalkDir(filepath.Join(f.site, "toolchain"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		info, err := d.Info()
		if _, sibling := os.Stat(p + ".br"); err == nil && sibling == nil && info.Size() <= worker.MaxAssetSize {
			if _, seen := byExt[filepath.Ext(p)]; !seen {
				byExt[filepath.Ext(p)] = p
			}
		}
		return nil
	})
	for _, ext := range []string{".wasm", ".a", ".json"} {
		file, ok := byExt[ext]
		if !ok {
			t.Errorf("the toolchain has no %s file with a .br sibling", ext)
			continue
		}
		rel, _ := filepath.Rel(f.site, file)
		rel = filepath.ToSlash(rel)
		original, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(f.worker, "assets", filepath.FromSlash(rel))); err == nil {
			t.Errorf("%s is in the assets as it is, beside its sibling", rel)
		}
		r := send(t, "GET", f.url+"/"+rel, map[string]string{"Accept-Encoding": "br"}, nil)
		if r.status != http.StatusOK || r.header.Get("Content-Encoding") != "br" {
			t.Errorf("GET /%s: %d, Content-Encoding %q", rel, r.status, r.header.Get("Content-Encoding"))
			continue
		}
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(r.body)))
		if err != nil || !bytes.Equal(got, original) {
			t.Errorf("GET /%s: does not decode to the original (%v)", rel, err)
		}
	}
}

func TestPersistAcrossRestart(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	persist := t.TempDir()
	first, err := worker.Start(ctx, worker.StartOptions{Root: root, Dir: f.worker, Persist: persist})
	if err != nil {
		t.Fatal(err)
	}
	program := []byte(fmt.Sprintf("package main\n\n// written before a restart, %d\nfunc main() {}\n", time.Now().UnixNano()))
	id := share(t, first.URL, program)
	if err := first.Stop(); err != nil {
		t.Logf("stopping the runtime: %v", err)
	}
	second, err := worker.Start(ctx, worker.StartOptions{Root: root, Dir: f.worker, Persist: persist})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Stop()
	r := get(t, second.URL+"/api/share/"+id)
	if r.status != http.StatusOK || !bytes.Equal(r.body, program) {
		t.Errorf("after a restart: %d %q, want %q", r.status, r.body, program)
	}
}

// TestConcurrentClients has 50 clients share and read programs at once, on loopback, for
// a bounded number of rounds and time: no request may fail. Each request has a connection
// of its own: under this load workerd's local server closes some idle keep-alive
// connections just as a client reuses them (a plain JavaScript Worker shows the same),
// which says nothing about the Worker.
func TestConcurrentClients(t *testing.T) {
	f := setup(t)
	const clients, rounds = 50, 3
	fresh := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var mu sync.Mutex
	var failures []string
	requests := 0
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := range rounds {
				program := fmt.Sprintf("package main\n\n// client %d round %d %d\nfunc main() {}\n", c, i, start.UnixNano())
				err := roundTrip(ctx, fresh, f.url, program)
				mu.Lock()
				requests += 2
				if err != nil {
					failures = append(failures, err.Error())
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d clients: %d requests in %v", clients, requests, time.Since(start).Round(time.Millisecond))
	if len(failures) > 0 {
		t.Errorf("%d of %d round trips failed; first: %s", len(failures), clients*rounds, failures[0])
	}
}

// roundTrip shares program and reads it back.
func roundTrip(ctx context.Context, client *http.Client, base, program string) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/share", strings.NewReader(program))
	req.Header.Set("Content-Type", "text/plain")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	var answer struct{ ID string }
	err = json.NewDecoder(res.Body).Decode(&answer)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || err != nil {
		return fmt.Errorf("POST: %d %v", res.StatusCode, err)
	}
	req, _ = http.NewRequestWithContext(ctx, "GET", base+"/api/share/"+answer.ID, nil)
	res, err = client.Do(req)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || err != nil || string(body) != program {
		return fmt.Errorf("GET %s: %d %v %q", answer.ID, res.StatusCode, err, body)
	}
	return nil
}

// TestDeployDryRun has wrangler check the Worker folder as it would upload it, without
// uploading: the modules, the config and every asset within the size limit.
func TestDeployDryRun(t *testing.T) {
	f := setup(t)
	cmd := exec.Command(filepath.Join(worker.Modules(root), ".bin", "wrangler"), "deploy", "--dry-run", "--outdir", t.TempDir())
	cmd.Dir = f.worker
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wrangler deploy --dry-run: %v\n%s", err, out)
	}
	for _, want := range []string{"app.wasm", "env.SNIPPETS", "env.ASSETS", "--dry-run: exiting now"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("wrangler deploy --dry-run does not mention %q:\n%s", want, out)
		}
	}
}
