package worker_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"goconcurrency.dev/playground/tools/internal/browser"
)

// The Worker's browser tests drive Debian's headless Chromium against the fixture's
// Worker under workerd, as a learner's browser would reach the site on Cloudflare.

// coldBuild bounds a run whose program is built by the in-browser toolchain in a browser
// context that has fetched none of it yet, on a machine that may be busy.
const coldBuild = 150 * time.Second

// startBrowser launches Chromium with a profile of its own, closed when the test ends.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	profile := t.TempDir()
	ctx, cancel, err := browser.Start(context.Background(), profile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel) // runs before the profile is removed
	return ctx
}

// newTab opens a tab from parent (chromedp.NewContext's options say in which browser
// context) with a deadline of its own.
func newTab(t *testing.T, parent context.Context, timeout time.Duration, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	tab, cancelTab := chromedp.NewContext(parent, opts...)
	t.Cleanup(cancelTab)
	ctx, cancel := context.WithTimeout(tab, timeout)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func act(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// pollJS waits up to limit for js to give a truthy value and returns it as a string.
func pollJS(t *testing.T, ctx context.Context, js string, limit time.Duration) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[any](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(limit)))
	if err != nil {
		t.Fatalf("waiting for %s: %v\nstatus: %s\noutput:\n%s", js, err, pageStatus(ctx), pageOutput(ctx))
	}
	if b, ok := v.(bool); ok {
		return strconv.FormatBool(b)
	}
	s, _ := v.(string)
	return s
}

// pageOutput is the output panel's lines of text, without their time column, or why it
// could not be read.
func pageOutput(ctx context.Context) string {
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](outputJS))
	if err != nil {
		return fmt.Sprintf("(unreadable: %v)", err)
	}
	return out
}

func pageStatus(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](statusJS))
	if err != nil {
		return fmt.Sprintf("(unreadable: %v)", err)
	}
	return s
}

const (
	outputJS = `[...document.querySelectorAll("[role=log] .line .text")].map(e => e.textContent).join("\n")`
	statusJS = `(document.querySelector(".status")?.textContent ?? "") + " | " + (document.querySelector(".toolchain-progress")?.textContent ?? "")`
	// exitedJS is true once the output panel reports the end of a run.
	exitedJS = `document.querySelector("[role=log]")?.textContent.includes("Program exited") ?? false`
	// playgroundReady is true once a page's program panel is set up: the editor has
	// replaced the highlighted copy and Run can be pressed.
	playgroundReady = `!!window.playground && !!document.querySelector(".cm-content") && !document.querySelector("button.run").disabled`
)

// selectedEditor is the expression for the editor of the selected program tab.
const selectedEditor = `window.playground.editors[[...document.querySelectorAll("[role=tab]")].findIndex(t => t.getAttribute("aria-selected") === "true")]`

// setEditor replaces the selected program's text, as typing it would.
func setEditor(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	evalJS[bool](t, ctx, `(() => { `+selectedEditor+`.setText(`+strconv.Quote(src)+`); return true; })()`)
}

func editorText(t *testing.T, ctx context.Context) string {
	t.Helper()
	return evalJS[string](t, ctx, selectedEditor+`.text()`)
}

// findFrame waits for a frame (not the top one) whose URL contains part and returns it.
func findFrame(t *testing.T, ctx context.Context, part string) cdp.FrameID {
	t.Helper()
	var seen []string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		seen = seen[:0]
		frames := []*page.FrameTree{tree.FrameTree}
		for len(frames) > 0 {
			ft := frames[0]
			frames = append(frames[1:], ft.ChildFrames...)
			seen = append(seen, ft.Frame.URL)
			if ft.Frame.ParentID != "" && strings.Contains(ft.Frame.URL, part) {
				return ft.Frame.ID
			}
		}
	}
	t.Fatalf("no frame at %s; the tab has %q", part, seen)
	return ""
}

// frameEval evaluates js against the frame's document, in a world of its own (the DOM is
// the frame's, the page's script variables are not visible), and decodes its value.
func frameEval[T any](t *testing.T, ctx context.Context, frame cdp.FrameID, js string) T {
	t.Helper()
	var v T
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: frame, WorldName: "worker-test"})
	if err != nil {
		t.Fatalf("entering the frame: %v", err)
	}
	yes := true
	r, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression: js, ContextID: world.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes,
	})
	if err != nil {
		t.Fatalf("evaluating %s in the frame: %v", js, err)
	}
	if r.ExceptionDetails != nil {
		t.Fatalf("evaluating %s in the frame: %s %v", js, r.ExceptionDetails.Text, r.ExceptionDetails.Exception)
	}
	if len(r.Result.Value) > 0 {
		if err := json.Unmarshal([]byte(r.Result.Value), &v); err != nil {
			t.Fatalf("evaluating %s in the frame: %v in %s", js, err, r.Result.Value)
		}
	}
	return v
}

// frameWait polls js in the frame until it is true, for at most limit.
func frameWait(t *testing.T, ctx context.Context, frame cdp.FrameID, js string, limit time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(limit); !frameEval[bool](t, ctx, frame, js); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waiting in the frame for %s\nstatus: %s\noutput:\n%s", js,
				frameEval[string](t, ctx, frame, statusJS), frameEval[string](t, ctx, frame, outputJS))
		}
	}
}
