package site_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"goconcurrency.dev/playground/tools/internal/browser"
	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/tools/internal/server"
	"goconcurrency.dev/playground/tools/internal/site"
)

// The offline tests serve sites of their own, each on its own port: each is its own
// origin, with its own service worker and caches, in one Chromium of their own (so that
// clearing its HTTP cache touches no other test).
var offlineBrowser = sync.OnceValues(func() (context.Context, error) {
	dir, err := os.MkdirTemp("", "site-offline-test-")
	if err != nil {
		return nil, err
	}
	ctx, _, err := browser.Start(context.Background(), filepath.Join(dir, "profile"))
	return ctx, err
})

// offlineTab opens a tab in that browser with a deadline for the test.
func offlineTab(t *testing.T) context.Context {
	t.Helper()
	b, err := offlineBrowser()
	if err != nil {
		t.Fatal(err)
	}
	tab, cancelTab := chromedp.NewContext(b)
	t.Cleanup(cancelTab)
	ctx, cancel := context.WithTimeout(tab, 4*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// buildLessons builds a site of the lessons under dir/lessons (with the course's chapters)
// into dir/site and returns that folder. Large files are compressed quickly: only their
// content matters here.
func buildLessons(t *testing.T, dir string, minify bool) string {
	t.Helper()
	if err := copyFile(filepath.Join(root, "lessons", "chapters.yaml"), filepath.Join(dir, "lessons", "chapters.yaml")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "site")
	err := site.Build(context.Background(), site.Options{
		Root: root, Lessons: filepath.Join(dir, "lessons"), Out: out,
		CacheDir: paths.ProgramCache(root), Minify: minify, Compress: &compress.Options{LargeQuality: 1},
	})
	if err != nil {
		t.Fatalf("building the site: %v", err)
	}
	return out
}

// cuttable serves a site folder as tools/serve does until its network is cut; from then
// on every request fails as on a lost connection: it closes without an answer.
type cuttable struct {
	*httptest.Server
	cut     atomic.Bool
	mu      sync.Mutex
	served  []string // paths answered while connected
	refused []string // paths asked for once cut
}

func serveCuttable(t *testing.T, dir string) *cuttable {
	c := &cuttable{}
	h := server.Handler(dir)
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		if c.cut.Load() {
			c.refused = append(c.refused, r.URL.Path)
			c.mu.Unlock()
			panic(http.ErrAbortHandler)
		}
		c.served = append(c.served, r.URL.Path)
		c.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(c.Close)
	return c
}

// goOffline cuts the network and empties the browser's HTTP cache, so that whatever the
// page still gets comes from the service worker.
func (c *cuttable) goOffline(t *testing.T, ctx context.Context) {
	t.Helper()
	c.cut.Store(true)
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
}

var hashedPath = regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)

// servedHashed returns the URLs of the content-hashed files the server has answered.
func (c *cuttable) servedHashed() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var urls []string
	for _, p := range c.served {
		if hashedPath.MatchString(p) && !slices.Contains(urls, c.URL+p) {
			urls = append(urls, c.URL+p)
		}
	}
	return urls
}

func (c *cuttable) refusedPaths() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.refused)
}

// waitCached waits until the page's origin has every URL in urls in its Cache Storage.
func waitCached(t *testing.T, ctx context.Context, urls func() []string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		want := urls()
		list, _ := json.Marshal(want)
		missing, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(
			`Promise.all(%s.map(async (u) => (await caches.match(u)) ? "" : u)).then((m) => m.filter(Boolean))`, list), chromedp.EvalAwaitPromise))
		if err == nil && len(missing) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not kept for offline use: %q (%v)", missing, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// workerVersion asks the service worker in charge of the page for its build's version.
func workerVersion(t *testing.T, ctx context.Context) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new Promise((resolve) => {
		const sw = navigator.serviceWorker.controller;
		if (!sw) return resolve("");
		const ch = new MessageChannel();
		ch.port1.onmessage = (e) => resolve(e.data.version);
		sw.postMessage({ type: "version" }, [ch.port2]);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("asking the service worker its version: %v", err)
	}
	return v
}

// builtVersion reads the version the site builder wrote into the service worker.
func builtVersion(t *testing.T, out string) string {
	t.Helper()
	sw, err := os.ReadFile(filepath.Join(out, "service-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`version:\s*"([0-9a-f]+)"`).FindSubmatch(sw)
	if m == nil {
		t.Fatal("service-worker.js carries no version")
	}
	return string(m[1])
}

// siteFiles lists the files under dir/sub whose names match pattern, as URL paths.
func siteFiles(t *testing.T, out, sub, pattern string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(out, filepath.FromSlash(sub), pattern))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no %s/%s in the site (%v)", sub, pattern, err)
	}
	var urls []string
	for _, m := range matches {
		urls = append(urls, "/"+path.Join(sub, filepath.Base(m)))
	}
	return urls
}

// runMatches runs the program on the tab named title and compares the output panel with
// the program's .out file.
func runMatches(t *testing.T, ctx context.Context, p *lesson.Program) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-"+p.Title)), chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited")
	got := outputText(t, ctx)
	if i := strings.LastIndex(got, "  ("); i >= 0 {
		got = got[:i]
	}
	want := withoutPlaygroundFrames(string(p.Expected))
	if diff := cmp.Diff(noderun.Normalize(want), noderun.Normalize(got+"\n")); diff != "" {
		t.Errorf("%s offline: output differs from %s (-want +got):\n%s", p.Title, p.ExpectedPath(), diff)
	}
}

const compiledOffline = `package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(3 * time.Second)
	fmt.Println("compiled offline, slept", time.Since(start))
}
`

// TestOfflineLessonRunsAndCompiles visits a lesson once, edits and runs a program online
// (which loads the toolchain), then cuts the network: the lesson still opens, runs each of
// its precompiled programs with the expected output and draws its timeline, and a newly
// edited program still compiles; the home page, never visited, comes from the shell.
func TestOfflineLessonRunsAndCompiles(t *testing.T) {
	const slug = "first-goroutine"
	l, err := lesson.Read(filepath.Join(root, "lessons", slug))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "lessons", slug), os.DirFS(filepath.Join(root, "lessons", slug))); err != nil {
		t.Fatal(err)
	}
	out := buildLessons(t, dir, true)
	srv := serveCuttable(t, out)
	ctx := offlineTab(t)
	page := srv.URL + "/lessons/" + slug + "/"

	// The first visit: the service worker installs and takes the page over, then keeps it
	// with the files it names.
	do(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("button.run")))
	waitFor(t, ctx, `!!navigator.serviceWorker.controller`)
	var programs []string
	for _, p := range siteFiles(t, out, "lessons/"+slug, "*.wasm") {
		programs = append(programs, srv.URL+p)
	}
	waitCached(t, ctx, func() []string { return append(programs, srv.URL+"/") })

	// An edit compiled online loads the toolchain through the worker.
	setSource(t, ctx, editedHello)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "edited in the browser after 2s") {
		t.Fatalf("online build:\n%s", got)
	}
	// The browser fetched the compiler itself; a copy is written only after the warm-up
	// builds, not while the toolchain loads.
	early, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ WarmedUp, Kept bool }](`(async () => {
		const warmedUp = window.playground.builder.warmedUp;
		let kept = false;
		for (const name of await caches.keys()) {
			for (const r of await (await caches.open(name)).keys()) kept ||= r.url.includes("/toolchain/compile.");
		}
		return { warmedUp, kept };
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !early.WarmedUp && early.Kept {
		t.Error("the compiler was kept before the warm-up builds were done")
	}
	// Everything content-hashed the network sent is kept: programs, scripts, the
	// compiler, the linker and the archives.
	waitCached(t, ctx, srv.servedHashed)
	if !slices.ContainsFunc(srv.servedHashed(), func(u string) bool { return strings.Contains(u, "/toolchain/compile.") }) {
		t.Fatalf("the compiler was never fetched: %q", srv.servedHashed())
	}
	time.Sleep(400 * time.Millisecond) // edits are saved a quarter second after the last change
	eval[bool](t, ctx, `localStorage.clear() === undefined`)

	srv.goOffline(t, ctx)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")))
	if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != l.Title {
		t.Errorf("offline, the page's heading is %q, want %q", got, l.Title)
	}
	for _, p := range l.Programs {
		runMatches(t, ctx, p)
	}
	waitFor(t, ctx, `!!window.playground.timeline.data`) // the trace reader came from the cache too

	setSource(t, ctx, compiledOffline)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "compiled offline, slept 3s") || !strings.Contains(got, "Compiled in") {
		t.Errorf("offline build:\n%s", got)
	}
	// The page and the manifest were asked of the network first, and it failed.
	refused := srv.refusedPaths()
	for _, p := range []string{"/lessons/" + slug + "/", "/toolchain/manifest.json"} {
		if !slices.Contains(refused, p) {
			t.Errorf("offline, %s was not asked of the network first; asked: %q", p, refused)
		}
	}

	// The home page is part of the shell; a page never opened says it is offline.
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	if !eval[bool](t, ctx, fmt.Sprintf(`!!document.querySelector('a[href="lessons/%s/"]')`, slug)) {
		t.Errorf("offline, the home page does not link the lesson:\n%s", eval[string](t, ctx, `document.body.innerText`))
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/lessons/never-opened/"))
	if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "You are offline" {
		t.Errorf("offline, a page never opened shows %q", got)
	}
}

// writeDeployLesson writes the one lesson of the deploy test, as version v: its title
// and its program's output name the version.
func writeDeployLesson(t *testing.T, dir string, v int) {
	t.Helper()
	l := filepath.Join(dir, "lessons", "test-deploy")
	if err := os.MkdirAll(l, 0o755); err != nil {
		t.Fatal(err)
	}
	md := fmt.Sprintf("---\ntitle: Deployed, version %d\nchapter: waiting\norder: 96\ncovers: [TEST]\nsummary: A lesson the deploy test changes.\n---\n\nVersion %d of this lesson.\n", v, v)
	src := fmt.Sprintf("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"deployed version %d\")\n}\n", v)
	for name, data := range map[string]string{"lesson.md": md, "main.go": src} {
		if err := os.WriteFile(filepath.Join(l, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDeployTakesOverOnNextLoad serves version 1 of a site, loads a lesson (its service
// worker takes over), rebuilds version 2 into the same folder (another lesson title and
// program, and every script bundled differently) and reloads once: the page is version
// 2's and runs version 2's scripts and program; the new worker takes over and deletes
// what only version 1 named; offline, the page stays version 2.
func TestDeployTakesOverOnNextLoad(t *testing.T) {
	dir := t.TempDir()
	writeDeployLesson(t, dir, 1)
	out := buildLessons(t, dir, true)
	v1, v1Scripts := builtVersion(t, out), siteFiles(t, out, "assets", "*.js")
	srv := serveCuttable(t, out)
	ctx := offlineTab(t)
	page := srv.URL + "/lessons/test-deploy/"

	do(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("button.run")))
	waitFor(t, ctx, `!!navigator.serviceWorker.controller`)
	if got := workerVersion(t, ctx); got != v1 {
		t.Fatalf("the service worker in charge is version %q, want %q", got, v1)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "deployed version 1")
	v1Program := srv.URL + siteFiles(t, out, "lessons/test-deploy", "*.wasm")[0]
	waitCached(t, ctx, func() []string { return []string{v1Program, page} })

	// Deploy version 2: unminified, so every bundle has another name.
	writeDeployLesson(t, dir, 2)
	buildLessons(t, dir, false)
	v2, v2Scripts := builtVersion(t, out), siteFiles(t, out, "assets", "*.js")
	if v2 == v1 || slices.ContainsFunc(v2Scripts, func(s string) bool { return slices.Contains(v1Scripts, s) }) {
		t.Fatalf("version 2 shares its worker version or a bundle with version 1: %s %q, %s %q", v1, v1Scripts, v2, v2Scripts)
	}

	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")))
	eval[bool](t, ctx, `(window.servedBy = navigator.serviceWorker.controller) !== null`)
	if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "Deployed, version 2" {
		t.Fatalf("after one reload the page shows %q", got)
	}
	// Every script the page loaded is version 2's.
	loaded := eval[[]string](t, ctx, `[...document.scripts].map((s) => s.src).concat(performance.getEntriesByType("resource").map((e) => e.name)).filter((u) => u.endsWith(".js")).map((u) => new URL(u).pathname)`)
	for _, s := range loaded {
		if strings.HasPrefix(s, "/assets/") && !slices.Contains(v2Scripts, s) {
			t.Errorf("after the deploy the page loaded %s, which is not version 2's (%q)", s, v2Scripts)
		}
	}
	if !slices.ContainsFunc(loaded, func(s string) bool { return slices.Contains(v2Scripts, s) && strings.Contains(s, "/lesson.") }) {
		t.Errorf("the page did not load version 2's lesson script %q: %q", v2Scripts, loaded)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "deployed version 2")

	// The new worker takes over without another load, and deletes version 1's files.
	// (Waiting does not message the old worker: that would keep it busy.)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`navigator.serviceWorker.controller !== window.servedBy && navigator.serviceWorker.controller?.state === "activated"`,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		states, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.serviceWorker.getRegistration().then((r) => JSON.stringify({ active: r?.active?.state, waiting: r?.waiting?.state, installing: r?.installing?.state }))`, chromedp.EvalAwaitPromise))
		t.Fatalf("no new service worker took over: %v; the registration's workers: %s", err, states)
	}
	if got := workerVersion(t, ctx); got != v2 {
		t.Fatalf("the service worker in charge is version %q, want %q", got, v2)
	}
	var stale []string
	for _, s := range v1Scripts {
		stale = append(stale, srv.URL+s)
	}
	stale = append(stale, v1Program)
	staleJSON, _ := json.Marshal(stale)
	waitFor(t, ctx, fmt.Sprintf(`Promise.all(%s.map((u) => caches.match(u))).then((rs) => rs.every((r) => !r))`, staleJSON))

	// Offline, the lesson is version 2, program included.
	v2Program := srv.URL + siteFiles(t, out, "lessons/test-deploy", "*.wasm")[0]
	waitCached(t, ctx, func() []string { return []string{v2Program, page} })
	srv.goOffline(t, ctx)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")))
	if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "Deployed, version 2" {
		t.Errorf("offline after the deploy the page shows %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "deployed version 2")
}
