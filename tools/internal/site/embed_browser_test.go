package site_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// coursePage serves html on an origin of its own (another port on loopback), as a course
// site that embeds the playground would, with relative links resolved against base.
func coursePage(t *testing.T, html, base string) string {
	t.Helper()
	html = strings.Replace(html, "<head>", `<head><base href="`+base+`">`, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/course.html"
}

// errorLog gathers what a tab logs as an error, on every origin it shows.
type errorLog struct {
	mu     sync.Mutex
	errors []string
}

func watchErrors(t *testing.T, ctx context.Context) *errorLog {
	t.Helper()
	l := &errorLog{}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			l.errors = append(l.errors, "exception: "+e.ExceptionDetails.Text+" "+fmt.Sprint(e.ExceptionDetails.Exception))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				l.errors = append(l.errors, "console.error: "+strings.Join(parts, " "))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				l.errors = append(l.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func (l *errorLog) check(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.errors {
		t.Errorf("logged an error: %s", e)
	}
}

// frameID finds the frame whose URL contains part, waiting for it to load.
func frameID(t *testing.T, ctx context.Context, part string) cdp.FrameID {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for time.Now().Before(deadline) {
		tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		var find func(ft *page.FrameTree) cdp.FrameID
		find = func(ft *page.FrameTree) cdp.FrameID {
			if ft.Frame.ParentID != "" && strings.Contains(ft.Frame.URL, part) {
				return ft.Frame.ID
			}
			for _, c := range ft.ChildFrames {
				if id := find(c); id != "" {
					return id
				}
			}
			return ""
		}
		if id := find(tree.FrameTree); id != "" {
			return id
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no frame at %s", part)
	return ""
}

// inFrame evaluates js in a world of its own in the frame (the frame's DOM, not its
// script's variables) and returns its value, decoded into T.
func inFrame[T any](t *testing.T, ctx context.Context, frame cdp.FrameID, js string) T {
	t.Helper()
	var zero T
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: frame, WorldName: "test"})
	if err != nil {
		t.Fatalf("entering frame: %v", err)
	}
	yes := true
	r, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: world.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes})
	if err != nil {
		t.Fatalf("evaluating %s in a frame: %v", js, err)
	}
	if r.ExceptionDetails != nil {
		t.Fatalf("evaluating %s in a frame: %s %v", js, r.ExceptionDetails.Text, r.ExceptionDetails.Exception)
	}
	var v T
	if len(r.Result.Value) == 0 {
		return zero
	}
	if err := json.Unmarshal([]byte(r.Result.Value), &v); err != nil {
		t.Fatalf("reading %s: %v", r.Result.Value, err)
	}
	return v
}

// waitInFrame polls js in the frame until it is true. A program a frame builds with the
// in-browser toolchain, loaded cold, may take a while on a busy machine.
func waitInFrame(t *testing.T, ctx context.Context, frame cdp.FrameID, js string) {
	t.Helper()
	deadline := time.Now().Add(150 * time.Second)
	for !inFrame[bool](t, ctx, frame, js) {
		if time.Now().After(deadline) {
			t.Fatalf("waiting in a frame for %s; its status: %s; its output:\n%s", js,
				inFrame[string](t, ctx, frame, `document.querySelector(".status")?.textContent + " | " + document.querySelector(".toolchain-progress")?.textContent`),
				inFrame[string](t, ctx, frame, frameOutput))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ready is true once an embed page's script has set up its program panel (the editor
// replaces the highlighted copy), so a click on Run reaches it.
const ready = `!!document.querySelector(".cm-content") && !document.querySelector("button.run").disabled`

const frameOutput = `[...document.querySelectorAll("[role=log] .line .text")].map(e => e.textContent).join("\n")`

// fitsItsFrame is true when the embed page shows all of itself without scrolling: its
// frame was sized to its content, with no gap under it either.
const fitsItsFrame = `(() => {
	const root = document.documentElement, page = document.querySelector("main.embed");
	return root.scrollHeight <= root.clientHeight + 1 && Math.abs(page.getBoundingClientRect().height - root.clientHeight) <= 2;
})()`

// TestEmbedsOnAnotherSitesPage serves the demo course page (site/embed/demo.html) from a
// second origin: two lessons framed by hand, a code block turned into a program by
// embed.js, and a <go-playground> element. Each runs, sizes its frame to its content
// before and after a run draws a timeline, and reports its exit to the course page;
// the options (theme, readonly, lines, program) hold; nothing logs an error.
func TestEmbedsOnAnotherSitesPage(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	demo, err := os.ReadFile(filepath.Join(root, "site", "embed", "demo.html"))
	if err != nil {
		t.Fatal(err)
	}
	course := coursePage(t, string(demo), f.url+"/embed/")
	tab, cancel := chromedp.NewContext(f.browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(tab, 4*time.Minute)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 720)); err != nil {
		t.Fatal(err)
	}
	errs := watchErrors(t, ctx)
	do(t, ctx, chromedp.Navigate(course))

	cases := []struct {
		name, frame, want string
		click             string // the element to scroll to before running
	}{
		{"first-goroutine (iframe, dark)", "/embed/first-goroutine/", "hello from a goroutine", "#first"},
		{"serial-vs-concurrent (iframe, read-only)", "/embed/serial-vs-concurrent/", "all at once: 3s", "#concurrent"},
		{"snippet (code block)", "/embed/snippet/", "hello from a snippet", "go-playground:not([lesson])"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			do(t, ctx, chromedp.ScrollIntoView(chromedp.CSS(c.click)))
			frame := frameID(t, ctx, c.frame)
			waitInFrame(t, ctx, frame, ready)
			waitInFrame(t, ctx, frame, fitsItsFrame)
			inFrame[bool](t, ctx, frame, `document.querySelector("button.run").click(), true`)
			waitInFrame(t, ctx, frame, `document.querySelector("[role=log]").textContent.includes("Program exited")`)
			if out := inFrame[string](t, ctx, frame, frameOutput); !strings.Contains(out, c.want) || !strings.Contains(out, "Program exited.") {
				t.Errorf("output:\n%s\nwant %q and a clean exit", out, c.want)
			}
			// The run draws a timeline under the output; the frame grows to show it.
			waitInFrame(t, ctx, frame, `!!document.querySelector(".timeline canvas") && !document.querySelector(".timeline-scroll").hidden`)
			waitInFrame(t, ctx, frame, fitsItsFrame)
		})
	}

	first := frameID(t, ctx, "/embed/first-goroutine/")
	if bg := inFrame[string](t, ctx, first, `getComputedStyle(document.body).backgroundColor`); bg != "rgb(21, 23, 27)" {
		t.Errorf("theme=dark: the embed's background is %s, want the dark theme's rgb(21, 23, 27)", bg)
	}
	if tabs := inFrame[int](t, ctx, first, `document.querySelectorAll("[role=tab]").length`); tabs != 1 {
		t.Errorf("program=hello: %d tabs, want 1", tabs)
	}

	// readonly=1: typing changes nothing.
	concurrent := frameID(t, ctx, "/embed/serial-vs-concurrent/")
	before := inFrame[string](t, ctx, concurrent, `document.querySelector(".cm-content").innerText`)
	inFrame[bool](t, ctx, concurrent, `document.querySelector(".cm-content").focus(), true`)
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "// typed by a reader\n"}); err != nil {
		t.Fatal(err)
	}
	if after := inFrame[string](t, ctx, concurrent, `document.querySelector(".cm-content").innerText`); after != before {
		t.Errorf("readonly=1: the editor took the typing:\n%s", after)
	}
	if inFrame[bool](t, ctx, concurrent, `!document.querySelector("button.format").hidden`) {
		t.Error("readonly=1: Format is offered")
	}

	// lines=8-10: only those lines show, and the whole program ran (its output above).
	snippet := frameID(t, ctx, "/embed/snippet/")
	shown := inFrame[[]string](t, ctx, snippet, `[...document.querySelectorAll(".cm-gutter.cm-lineNumbers .cm-gutterElement")].filter(e => e.offsetHeight > 0 && e.textContent).map(e => e.textContent)`)
	if strings.Join(shown, ",") != "8,9,10" {
		t.Errorf("lines=8-10: line numbers shown %v", shown)
	}
	if text := inFrame[string](t, ctx, snippet, `document.querySelector(".cm-content").innerText`); strings.Contains(text, "package main") || !strings.Contains(text, "hello from a snippet") {
		t.Errorf("lines=8-10 shows:\n%s", text)
	}

	// The course page heard every exit, with status 0.
	heard := eval[string](t, ctx, `document.getElementById("events").textContent`)
	for _, want := range []string{"first: hello.go exited with status 0", "concurrent: concurrent.go exited with status 0", "go-playground: main.go exited with status 0"} {
		if !strings.Contains(heard, want) {
			t.Errorf("the course page did not hear %q; it heard:\n%s", want, heard)
		}
	}
	errs.check(t)
}

// TestHostileSnippetRunsNoScript embeds, by the script tag, a program that prints markup
// meant to run script, from a code block whose data attributes try to break out of the
// frame's URL; and opens the snippet page with a fragment crafted to break out of an
// attribute. No script runs on the course page or in the embed page.
func TestHostileSnippetRunsNoScript(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	program := "package main\n\nimport \"fmt\"\n\nfunc main() {\n" +
		"\tfmt.Println(`<script>parent.pwned = window.pwned = 1</script>`)\n" +
		"\tfmt.Println(`<img src=x onerror=\"parent.pwned = window.pwned = 2\">`)\n" +
		"\tfmt.Println(`\"><svg onload=\"parent.pwned = window.pwned = 3\">`)\n}\n"
	escaped := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(program)
	html := `<!doctype html><html><head><title>hostile</title></head><body>
<pre><code class="language-go" data-playground data-theme='"><img src=x onerror="window.pwned=4">' data-lines="1-9">` + escaped + `</code></pre>
<script src="../embed.js" defer></script>
<script>document.addEventListener("go-playground:exit", (e) => { document.body.dataset.exit = String(e.detail.status); document.body.dataset.output = e.detail.output; });</script>
</body></html>`
	course := coursePage(t, html, f.url+"/embed/")
	tab, cancel := chromedp.NewContext(f.browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(tab, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	do(t, ctx, chromedp.Navigate(course))
	frame := frameID(t, ctx, "/embed/snippet/")
	waitInFrame(t, ctx, frame, ready)
	inFrame[bool](t, ctx, frame, `document.querySelector("button.run").click(), true`)
	// The snippet is built by the in-browser toolchain, which this tab may load cold.
	waitInFrame(t, ctx, frame, `document.querySelector("[role=log]").textContent.includes("Program exited")`)
	waitFor(t, ctx, `document.body.dataset.exit === "0"`)
	out := inFrame[string](t, ctx, frame, frameOutput)
	if !strings.Contains(out, "<script>parent.pwned") || !strings.Contains(out, "<img src=x onerror=") {
		t.Errorf("the markup is not shown as text:\n%s", out)
	}
	if n := inFrame[int](t, ctx, frame, `document.querySelectorAll("[role=log] script, [role=log] img, [role=log] svg").length`); n != 0 {
		t.Errorf("the output panel holds %d elements made from program output", n)
	}
	if v := eval[string](t, ctx, `String(window.pwned)`); v != "undefined" {
		t.Errorf("script ran on the course page: pwned = %s", v)
	}
	if !strings.Contains(eval[string](t, ctx, `document.body.dataset.output`), "<script>") {
		t.Error("the exit event's output is not the program's text")
	}

	// A fragment crafted to break out of an attribute or a script is not a program: the
	// page says so, and runs nothing.
	do(t, ctx, chromedp.Navigate(f.url+`/embed/snippet/#code="><img src=x onerror="window.pwned=5"><script>window.pwned=6</script>`))
	waitFor(t, ctx, `!!document.querySelector(".embed-error")`)
	if v := eval[string](t, ctx, `String(window.pwned)`); v != "undefined" {
		t.Errorf("script ran in the embed page: pwned = %s", v)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("main img, main svg, main script:not([type=\"application/json\"])").length`); n != 0 {
		t.Errorf("the embed page made %d elements from its fragment", n)
	}
}

// TestOEmbedDocumentEmbedsTheLesson reads a lesson's oEmbed document, checks it, and
// renders its html on another origin: a working frame of the lesson.
func TestOEmbedDocumentEmbedsTheLesson(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	ctx := open(t, "first-goroutine")
	href := eval[string](t, ctx, `document.querySelector('link[rel=alternate][type="application/json+oembed"]').href`)
	if !strings.HasSuffix(href, "/lessons/first-goroutine/oembed.json") {
		t.Fatalf("the lesson links its oEmbed document at %q", href)
	}
	resp, err := http.Get(f.url + "/lessons/first-goroutine/oembed.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Version, Type, Title, HTML string
		ProviderName               string `json:"provider_name"`
		ProviderURL                string `json:"provider_url"`
		Width, Height              int
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "1.0" || doc.Type != "rich" || doc.Title == "" || doc.ProviderName == "" || doc.ProviderURL == "" || doc.Width <= 0 || doc.Height <= 0 {
		t.Errorf("oEmbed document: %+v", doc)
	}
	// The site was built for its default origin; this test serves it elsewhere.
	html := strings.ReplaceAll(doc.HTML, strings.TrimSuffix(doc.ProviderURL, "/"), f.url)
	if !strings.Contains(html, f.url+"/embed/first-goroutine/") {
		t.Fatalf("the oEmbed html does not frame the lesson's embed page: %s", doc.HTML)
	}
	course := coursePage(t, "<!doctype html><html><head><title>oEmbed</title></head><body>"+html+"</body></html>", f.url+"/")
	do(t, ctx, chromedp.Navigate(course))
	frame := frameID(t, ctx, "/embed/first-goroutine/")
	waitInFrame(t, ctx, frame, ready)
	inFrame[bool](t, ctx, frame, `document.querySelector("button.run").click(), true`)
	waitInFrame(t, ctx, frame, `document.querySelector("[role=log]").textContent.includes("Program exited.")`)
}

// TestEveryLessonHasAnOEmbedDocument checks the oEmbed document of every lesson of the
// built site: valid JSON of type rich, framing that lesson's embed page.
func TestEveryLessonHasAnOEmbedDocument(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(f.out, "lessons", "*", "index.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no lesson pages in the built site: %v", err)
	}
	for _, p := range pages {
		slug := filepath.Base(filepath.Dir(p))
		data, err := os.ReadFile(filepath.Join(filepath.Dir(p), "oembed.json"))
		if err != nil {
			t.Errorf("%s: %v", slug, err)
			continue
		}
		var doc struct {
			Version, Type, Title, HTML string
			Width, Height              int
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s/oembed.json: %v", slug, err)
			continue
		}
		if doc.Version != "1.0" || doc.Type != "rich" || doc.Title == "" || doc.Width <= 0 || doc.Height <= 0 ||
			!strings.Contains(doc.HTML, `<iframe src="http://localhost:8080/embed/`+slug+`/"`) {
			t.Errorf("%s/oembed.json: %+v", slug, doc)
		}
	}
}

// TestEmbedPagesMayBeFramedAnywhere checks the framing headers: any page may frame an
// embed page; the rest of the site sends no framing rule of its own.
func TestEmbedPagesMayBeFramedAnywhere(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"/embed/first-goroutine/": "frame-ancestors *", "/embed/snippet/": "frame-ancestors *", "/lessons/first-goroutine/": ""} {
		resp, err := http.Get(f.url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); got != want {
			t.Errorf("%s: Content-Security-Policy %q, want %q", path, got, want)
		}
	}
}
