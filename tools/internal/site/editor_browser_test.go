package site_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// setSource replaces the current program's text in its editor, as typing would.
func setSource(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const p = window.playground;
		const i = [...document.querySelectorAll("[role=tab]")].findIndex(t => t.getAttribute("aria-selected") === "true");
		p.editors[i].setText(%s);
		return true;
	})()`, strconv.Quote(src)))
}

func editorText(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(() => {
		const i = [...document.querySelectorAll("[role=tab]")].findIndex(t => t.getAttribute("aria-selected") === "true");
		return window.playground.editors[i].text();
	})()`)
}

const editedHello = `package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(2 * time.Second)
	fmt.Println("edited in the browser after", time.Since(start))
}
`

func TestEditAndRunCompilesInTheBrowser(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	// Type into the editor for real: the keys reach CodeMirror.
	do(t, ctx, chromedp.Click(chromedp.CSS("#panel-serial .cm-content")), chromedp.KeyEvent("// a comment typed by the learner\n"))
	if got := editorText(t, ctx); !strings.Contains(got, "// a comment typed by the learner") {
		t.Fatalf("typed text is not in the editor:\n%s", got)
	}
	setSource(t, ctx, editedHello)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	got := outputText(t, ctx)
	if !strings.Contains(got, "edited in the browser after 2s") || !strings.Contains(got, "Compiled in") {
		t.Errorf("output of the edited program:\n%s", got)
	}
	if !eval[bool](t, ctx, `!document.querySelector("#tab-serial .edited-mark").hidden`) {
		t.Error("the tab does not show the edited mark")
	}
	// An edited program is traced too: its main sleeps 2s at line 10.
	waitFor(t, ctx, `!!window.playground.timeline.data`)
	if !eval[bool](t, ctx, `window.playground.timeline.data.goroutines[0].spans.some(s => s.reason === "sleep" && s.line === 10 && Math.abs(s.end - s.start - 2000) < 1)`) {
		t.Errorf("the edited program's timeline has no 2s sleep at line 10: %s", eval[string](t, ctx, `JSON.stringify(window.playground.timeline.data)`))
	}
	// Running the same source again uses the program already built.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "built a moment ago") || !strings.Contains(got, "after 2s") {
		t.Errorf("second run:\n%s", got)
	}
	// The page keeps how far the tools' memories grew, for the next visit to map ahead:
	// past the least memory each tool declares, as a build grows it.
	waitFor(t, ctx, `(() => {
		const grown = JSON.parse(localStorage.getItem("playground:toolchain-memory") ?? "{}");
		return grown.compile > 0 && grown.link > 0;
	})()`)
	grownPastLeast := `(async () => {
		const m = await (await fetch(new URL("manifest.json", window.playground.builder.toolchainURL))).json();
		const grown = JSON.parse(localStorage.getItem("playground:toolchain-memory"));
		return grown.compile > m.compile.memoryPages && grown.link > m.link.memoryPages;
	})()`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](grownPastLeast, chromedp.EvalAwaitPromise)); err != nil || !ok {
		t.Errorf("the kept memory sizes are not past the tools' least sizes (%v): %s", err, eval[string](t, ctx, `localStorage.getItem("playground:toolchain-memory")`))
	}
}

func TestCompileErrorMarksTheLine(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	setSource(t, ctx, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(x)\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Build failed.")
	if got := outputText(t, ctx); !strings.Contains(got, "main.go:6:14: undefined: x") {
		t.Errorf("output does not show the compiler's message:\n%s", got)
	}
	// The editor underlines the spot: line 6, from column 14.
	marked := waitFor(t, ctx, `(() => { const r = document.querySelector("#panel-serial .cm-lintRange-error"); return r ? r.textContent : ""; })()`)
	if marked != "x" {
		t.Errorf("underlined %q, want x", marked)
	}
	if eval[bool](t, ctx, `document.querySelector("button.run").disabled`) {
		t.Error("Run stays disabled after a failed build")
	}

	// A standard package that cannot work in a browser gets a clear message.
	setSource(t, ctx, "package main\n\nimport \"os/exec\"\n\nfunc main() { _ = exec.Command }\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Build failed.")
	if got := outputText(t, ctx); !strings.Contains(got, "main.go:3:8: package os/exec is not available in the playground: ") {
		t.Errorf("output for an unavailable package:\n%s", got)
	}
}

func TestFormat(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	setSource(t, ctx, "package main\nimport \"fmt\"\nfunc main(){\nfmt.Println( \"hi\" )\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.format")))
	want := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n"
	deadline := time.Now().Add(30 * time.Second)
	for editorText(t, ctx) != want {
		if time.Now().After(deadline) {
			t.Fatalf("Format left:\n%s", editorText(t, ctx))
		}
		time.Sleep(50 * time.Millisecond)
	}
	// A syntax error is reported, and the text is left alone.
	setSource(t, ctx, "package main\nfunc main() {\n\tx :=\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.format")))
	waitOutput(t, ctx, "Format: main.go:4:1: expected operand")
	if got := editorText(t, ctx); got != "package main\nfunc main() {\n\tx :=\n}\n" {
		t.Errorf("Format changed a program it could not parse:\n%s", got)
	}
}

func TestEditsSurviveReloadAndResetRestores(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-concurrent")))
	setSource(t, ctx, editedHello)
	time.Sleep(400 * time.Millisecond) // edits are saved a quarter second after the last change
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")), chromedp.Click(chromedp.CSS("#tab-concurrent")))
	if got := editorText(t, ctx); got != editedHello {
		t.Fatalf("after reload the editor holds:\n%s", got)
	}
	if !eval[bool](t, ctx, `!document.querySelector("#tab-concurrent .edited-mark").hidden && document.querySelector("#tab-serial .edited-mark").hidden`) {
		t.Error("edited marks after reload are wrong")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.reset")))
	if got := editorText(t, ctx); !strings.Contains(got, "all at once") {
		t.Errorf("Reset did not restore the lesson's program:\n%s", got)
	}
	time.Sleep(400 * time.Millisecond)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")), chromedp.Click(chromedp.CSS("#tab-concurrent")))
	if got := editorText(t, ctx); !strings.Contains(got, "all at once") {
		t.Errorf("after Reset and reload the editor holds:\n%s", got)
	}
	if !eval[bool](t, ctx, `document.querySelector("#tab-concurrent .edited-mark").hidden && document.querySelector("button.reset").disabled`) {
		t.Error("the program still looks edited after Reset")
	}
}

func TestStopAnEditedEndlessLoop(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	setSource(t, ctx, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"edited spin\")\n\tfor {\n\t}\n}\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "edited spin")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.stop")))
	waitOutput(t, ctx, "Program stopped.")
	// The compiler survives Stop: the next build needs no download.
	setSource(t, ctx, editedHello)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "edited in the browser") {
		t.Errorf("output after Stop and a new edit:\n%s", got)
	}
}

func TestPausedTypingBuildsAhead(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	setSource(t, ctx, editedHello+"// first edit\n")
	// Background builds start once the toolchain has warmed up.
	waitFor(t, ctx, `window.playground.builder.warmedUp`)
	setSource(t, ctx, editedHello+"// typed, then a pause\n")
	time.Sleep(1500 * time.Millisecond) // longer than the pause that starts a build
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "Running the program built a moment ago.") {
		t.Errorf("Run after a pause did not use the program built ahead:\n%s", got)
	}
}

// A learner who clicks into an editor is about to edit: the toolchain starts loading then,
// before the first change, and not before.
func TestFocusingTheEditorStartsTheToolchain(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	// Earlier tests in this browser built programs, so its caches keep the tools, and a
	// page of a browser that keeps them loads them when idle (builder.warmIfKept). Forget
	// the kept manifest to be a browser that never built anything.
	if err := forgetKept(ctx, "manifest.json"); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")))
	// Past the moment the page is idle, when a kept toolchain would start loading.
	pastIdle(t, ctx, 500*time.Millisecond)
	if eval[bool](t, ctx, `window.playground.builder.warmed !== null`) {
		t.Fatal("the toolchain started loading before the learner reached the editor")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#panel-serial .cm-content")))
	waitFor(t, ctx, `window.playground.builder.warmed !== null`)
	if !eval[bool](t, ctx, `document.querySelector("#tab-serial .edited-mark").hidden`) {
		t.Error("focusing the editor marked the program as edited")
	}
}

// The page names the compiler and linker that its toolchain's manifest names: the build
// worker starts loading those before the manifest arrives (Toolchain.expectTools), and a
// build uses them only if the manifest agrees.
func TestThePageNamesTheManifestsTools(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(async () => {
		const { builder } = window.playground;
		const m = await (await fetch(new URL("manifest.json", builder.toolchainURL))).json();
		return [builder.tools?.compile, m.compile.url, builder.tools?.link, m.link.url];
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == "" || got[0] != got[1] || got[2] == "" || got[2] != got[3] {
		t.Errorf("the page names the tools %q and %q; the manifest %q and %q", got[0], got[2], got[1], got[3])
	}
}

// The warm-up builds run while the learner reads; a build the learner asks for meanwhile
// goes first: the warm-up under way stops after its compile, and the others do not run.
func TestABuildAskedForDuringTheWarmUpGoesFirst(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	do(t, ctx, chromedp.Click(chromedp.CSS("#panel-serial .cm-content")))
	// The first warm-up build starts as soon as the toolchain is loaded.
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.playground.builder.warmed.then(() => true)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	setSource(t, ctx, editedHello)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	waitFor(t, ctx, `window.playground.builder.warmedUp`)
	// The click comes within moments of the toolchain's loading, long before the first
	// warm-up's compile is done.
	if n := eval[int](t, ctx, `window.playground.builder.warmUpBuilds`); n != 0 {
		t.Errorf("%d warm-up builds ran to the end, though the learner's build was asked for during the first", n)
	}
	if got := outputText(t, ctx); !strings.Contains(got, "edited in the browser") {
		t.Errorf("output:\n%s", got)
	}
}

// A browser keeps the tools of its last visit; once the site has changed them, the page
// must not load the new ones quietly (megabytes the learner did not ask for): it leaves
// them to the learner's first edit, which shows a progress bar.
func TestKeptToolsTheSiteNoLongerServesAreNotLoadedQuietly(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	do(t, ctx, chromedp.Click(chromedp.CSS("#panel-serial .cm-content")))
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.playground.builder.warmed.then((r) => r.type)`, chromedp.EvalAwaitPromise))
	if err != nil || loaded != "warm" {
		t.Fatalf("loading the toolchain: %q, %v", loaded, err)
	}
	// As if the last visit had been to an older site: its kept manifest names a compiler
	// the site no longer has, which this browser keeps too.
	const oldCompiler = "compile.0123456789.wasm"
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(async () => {
		const base = window.playground.builder.toolchainURL;
		const manifest = new URL("manifest.json", base).href;
		let found = false;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			const kept = await cache.match(manifest);
			if (!kept) continue;
			const m = await kept.json();
			m.compile.url = %[1]q;
			await cache.put(manifest, new Response(JSON.stringify(m), { headers: { "Content-Type": "application/json" } }));
			await cache.put(new URL(%[1]q, base).href, new Response(new Uint8Array(8), { headers: { "Content-Type": "application/wasm" } }));
			found = true;
		}
		if (!found) throw new Error("no cache keeps the toolchain's manifest");
		return true;
	})()`, oldCompiler), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { forgetKept(ctx, oldCompiler) })
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("button.run")))
	// The page looks at what it keeps when idle, and asks the site for its manifest.
	waitFor(t, ctx, `window.playground.builder.keptOutdated`)
	if eval[bool](t, ctx, `window.playground.builder.warmed !== null`) {
		t.Error("the page went on loading the tools after finding the kept ones outdated")
	}
	if !eval[bool](t, ctx, `document.querySelector(".toolchain-progress").hidden`) {
		t.Error("a progress bar shows though the learner asked for nothing")
	}
	// The learner's edit loads the site's tools, and the build works.
	setSource(t, ctx, editedHello)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	if got := outputText(t, ctx); !strings.Contains(got, "edited in the browser") {
		t.Errorf("output:\n%s", got)
	}
}

// forgetKept deletes a file of the toolchain (a path relative to its folder) from every
// cache of the page's origin.
func forgetKept(ctx context.Context, file string) error {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(async () => {
		const url = new URL(%q, window.playground.builder.toolchainURL).href;
		for (const name of await caches.keys()) await (await caches.open(name)).delete(url);
		return true;
	})()`, file), chromedp.EvalAwaitPromise))
	return err
}
