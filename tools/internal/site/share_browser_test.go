package site_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const sharedHello = `package main

import "fmt"

func main() {
	fmt.Println("shared from the first lesson")
}
`

// shareLink edits the lesson's first program, presses Share and returns the link the
// dialog offers.
func shareLink(t *testing.T, ctx context.Context, src string) string {
	t.Helper()
	setSource(t, ctx, src)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.share")))
	link := waitFor(t, ctx, `document.querySelector("dialog.copy-dialog[open] input")?.value ?? ""`)
	do(t, ctx, chromedp.Click(chromedp.CSS("dialog.copy-dialog .close")))
	return link
}

// TestShareLinkOnAStaticHost: on a host without the share API, Share gives a link that
// carries the program in its fragment. Opened in a fresh browser context it shows exactly
// the shared code, which runs; Reset comes back to it; and opening it where the learner
// has edits of that lesson leaves those edits alone.
func TestShareLinkOnAStaticHost(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	ctx := open(t, "first-goroutine")
	link := shareLink(t, ctx, sharedHello)
	if !strings.HasPrefix(link, f.url+"/s/?lesson=first-goroutine&program=hello.go#code=") {
		t.Fatalf("share link %q: want the shared page with the program in its fragment", link)
	}
	// The learner's edit of the lesson is saved; a second edit goes into the editor.
	const mine = "package main\n\nfunc main() { println(\"my own edit\") }\n"
	setSource(t, ctx, mine)
	time.Sleep(400 * time.Millisecond) // edits are saved a moment after typing stops

	// A fresh browser context: nothing saved, nothing cached.
	fresh, cancel := chromedp.NewContext(f.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	fctx, cancelTimeout := context.WithTimeout(fresh, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	do(t, fctx, chromedp.Navigate(link))
	waitFor(t, fctx, `!!window.playground`)
	if got := editorText(t, fctx); got != sharedHello {
		t.Fatalf("the shared page shows:\n%s\nwant exactly:\n%s", got, sharedHello)
	}
	if !eval[bool](t, fctx, `document.querySelector(".shared-from a").href.endsWith("/lessons/first-goroutine/")`) {
		t.Error("the shared page does not link back to its lesson")
	}
	do(t, fctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutputLong(t, fctx, "Program exited.")
	if out := outputText(t, fctx); !strings.Contains(out, "shared from the first lesson") {
		t.Errorf("the shared program's output:\n%s", out)
	}
	setSource(t, fctx, "package main\n\nfunc main() {}\n")
	do(t, fctx, chromedp.Click(chromedp.CSS("button.reset")))
	if got := editorText(t, fctx); got != sharedHello {
		t.Errorf("Reset on the shared page gives:\n%s", got)
	}

	// Where the learner has their own edit of the lesson (in the first tab's browser
	// context), the shared link leaves it be.
	again, cancelAgain := chromedp.NewContext(f.browser)
	t.Cleanup(cancelAgain)
	ctx, cancelTimeout = context.WithTimeout(again, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	do(t, ctx, chromedp.Navigate(link))
	waitFor(t, ctx, `!!window.playground`)
	if got := editorText(t, ctx); got != sharedHello {
		t.Errorf("the shared page in the learner's browser shows:\n%s", got)
	}
	do(t, ctx, chromedp.Navigate(f.url+"/lessons/first-goroutine/"))
	waitFor(t, ctx, `!!window.playground`)
	if got := editorText(t, ctx); got != mine {
		t.Errorf("after opening a shared link, the lesson shows:\n%s\nwant the learner's own edit:\n%s", got, mine)
	}
}

// TestBrokenShareLinkSaysSo: a link whose program was cut short shows a sentence, not a
// program.
func TestBrokenShareLinkSaysSo(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	ctx := open(t, "first-goroutine")
	do(t, ctx, chromedp.Navigate(f.url+"/s/#code=AAAA"))
	note := waitFor(t, ctx, `document.querySelector(".playground").hidden && document.querySelector(".shared-note").textContent`)
	if !strings.Contains(note, "damaged") && !strings.Contains(note, "not text") {
		t.Errorf("a damaged link says %s", strconv.Quote(note))
	}
}

// waitOutputLong waits for the output to contain want, for a program built by the
// in-browser toolchain in a tab that loads it cold.
func waitOutputLong(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("[role=log]").textContent.includes(`+strconv.Quote(want)+`)`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(150*time.Second)))
	if err != nil {
		t.Fatalf("output never showed %q: %v\noutput:\n%s", want, err, outputText(t, ctx))
	}
}
