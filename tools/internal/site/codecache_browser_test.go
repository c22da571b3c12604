package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"goconcurrency.dev/playground/tools/internal/browser"
)

// TestReturningVisitReusesCompiledTools visits a lesson in a fresh browser, compiles an
// edit there and leaves once the page's warm-up builds are done; then it opens the same
// browser profile again and compiles another edit. On that second visit the compiler and
// the linker are not compiled again: the engine reads both from the code the browser
// kept beside their HTTP cache entries (V8's trace reports a deserialized module for
// each). This is what the service worker's pass-through of WebAssembly modules is for: a
// module answered from cache storage would be compiled afresh.
func TestReturningVisitReusesCompiledTools(t *testing.T) {
	const slug = "first-goroutine"
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "lessons", slug), os.DirFS(filepath.Join(root, "lessons", slug))); err != nil {
		t.Fatal(err)
	}
	srv := serveCuttable(t, buildLessons(t, dir, true))
	page := srv.URL + "/lessons/" + slug + "/"
	profile := filepath.Join(dir, "profile")

	visit := func(src, want string, opened func(ctx context.Context), during func(ctx context.Context) (after func())) {
		t.Helper()
		b, closeBrowser, err := browser.Start(context.Background(), profile)
		if err != nil {
			t.Fatal(err)
		}
		defer closeBrowser()
		ctx, cancel := context.WithTimeout(b, 4*time.Minute)
		defer cancel()
		after := during(ctx)
		do(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("button.run")))
		opened(ctx)
		setSource(t, ctx, src)
		do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
		waitOutput(t, ctx, "Program exited.")
		// The edit is built by Run, or already while typing paused (the toolchain may be
		// warm by then): either way by the page's toolchain.
		if got := outputText(t, ctx); !strings.Contains(got, want) || !strings.Contains(got, "Compiled in") && !strings.Contains(got, "built a moment ago") {
			t.Fatalf("the edit did not build and run:\n%s", got)
		}
		after()
	}

	// A reader's first visit starts nothing of the toolchain before an edit, not even
	// the build worker.
	firstOpened := func(ctx context.Context) {
		pastIdle(t, ctx, 1500*time.Millisecond)
		if eval[bool](t, ctx, `window.playground.builder.worker !== null`) {
			t.Fatal("the first visit started the build worker before any edit")
		}
	}
	// The returning visit loads the kept tools when the page is idle, before any edit
	// (the page has none saved), and shows no download progress for it (nothing is downloaded).
	returningOpened := func(ctx context.Context) {
		waitFor(t, ctx, `window.playground.builder.warmedUp`)
		// No learner's build came first, so every warm-up ran: none if its program failed.
		if n := eval[int](t, ctx, `window.playground.builder.warmUpBuilds`); n == 0 {
			t.Error("no warm-up build ran to the end: the warm-up program does not build")
		}
		progressShown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector(".toolchain-progress").hidden`))
		if err != nil {
			t.Fatal(err)
		}
		if progressShown {
			t.Error("loading the kept tools showed the download progress bar")
		}
	}

	visit(editedHello, "edited in the browser after 2s", firstOpened, func(ctx context.Context) func() {
		return func() {
			waitFor(t, ctx, `window.playground.builder.warmedUp`)
			// The engine hands its code to the browser a while after compiling it, and again
			// as more of it is optimized; wait until the browser's code cache holds an entry
			// for each tool (its files name the URL they belong to).
			waitCodeCache(t, filepath.Join(profile, "Default", "Code Cache", "wasm"), "/toolchain/compile.", "/toolchain/link.")
			time.Sleep(2 * time.Second)
		}
	})

	// The second visit, traced: which modules did V8 read back from the browser's cache?
	var mu sync.Mutex
	var restored []string // the arguments of each module's CompilationAfterDeserialization
	visit(compiledOffline, "compiled offline, slept 3s", returningOpened, func(ctx context.Context) func() {
		// Forget the first visit's edit: a page with a saved edit loads the toolchain
		// anyway, and this visit is to show that kept tools are loaded for any page.
		do(t, ctx, chromedp.Navigate(srv.URL+"/no-such-page"))
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(localStorage.clear(), true)`)); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		err := chromedp.ListenBrowser(ctx, func(ev any) {
			switch ev := ev.(type) {
			case *tracing.EventDataCollected:
				mu.Lock()
				defer mu.Unlock()
				for _, v := range ev.Value {
					var e struct {
						Name string          `json:"name"`
						Args json.RawMessage `json:"args"`
					}
					if b, err := json.Marshal(v); err == nil && json.Unmarshal(b, &e) == nil && e.Name == "wasm.CompilationAfterDeserialization" {
						restored = append(restored, string(e.Args))
					}
				}
			case *tracing.EventTracingComplete:
				close(done)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.CallBrowser(ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"v8.wasm"}}}); err != nil {
			t.Fatal(err)
		}
		return func() {
			if _, err := chromedp.CallBrowser(ctx, tracing.End, struct{}{}); err != nil {
				t.Fatal(err)
			}
			select {
			case <-done:
			case <-ctx.Done():
				t.Fatal("the trace never completed")
			}
		}
	})
	mu.Lock()
	defer mu.Unlock()
	if len(restored) < 2 {
		t.Errorf("on the second visit %d modules came from the browser's code cache, want the compiler and the linker: %q", len(restored), restored)
	}
}

// waitCodeCache waits until a file of Chromium's code cache in dir names each of urls.
func waitCodeCache(t *testing.T, dir string, urls ...string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		missing := slices.Clone(urls)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(b) < 4096 {
				missing = slices.DeleteFunc(missing, func(u string) bool { return bytes.Contains(b, []byte(u)) })
			}
		}
		if len(missing) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 90 s the browser's code cache has no entry for %q", missing)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
