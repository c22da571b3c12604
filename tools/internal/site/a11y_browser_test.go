package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeViolations runs axe-core (from site/node_modules) in the page and returns its
// serious and critical violations, one line each with the elements they concern.
func axeViolations(t *testing.T, ctx context.Context) []string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, "site", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+"; true")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
		r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
			.map((v) => v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(" | ")))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	return found
}

// TestNoSeriousAccessibilityViolations runs axe-core on the home page and on a lesson page
// after a run has drawn its output, deadlock diagnosis and timeline, at a laptop's size
// and a phone's.
func TestNoSeriousAccessibilityViolations(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int64{{1280, 720}, {390, 844}} {
		ctx := open(t, "dining-deadlock")
		do(t, ctx, chromedp.EmulateViewport(size[0], size[1]))
		do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
		waitOutput(t, ctx, "Program exited: status 2.")
		waitFor(t, ctx, `!!window.playground.timeline.data`)
		if v := axeViolations(t, ctx); len(v) > 0 {
			t.Errorf("lesson page after a run, %dx%d:\n%s", size[0], size[1], strings.Join(v, "\n"))
		}
		do(t, ctx, chromedp.Navigate(f.url+"/"))
		waitFor(t, ctx, `!!document.querySelector(".toc")`)
		if v := axeViolations(t, ctx); len(v) > 0 {
			t.Errorf("home page, %dx%d:\n%s", size[0], size[1], strings.Join(v, "\n"))
		}
	}
}
