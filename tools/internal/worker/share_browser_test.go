package worker_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestShareOnTheWorker follows a learner's Share on the site as the Worker serves it: the
// edited program goes to the share API, and the dialog offers its short link. Opened in a
// fresh browser context, the link shows exactly the edited code, which the in-browser
// toolchain (sent by the Worker from its brotli siblings) builds and runs. Opened where the
// learner has an edit of the lesson saved, it leaves that edit alone.
func TestShareOnTheWorker(t *testing.T) {
	f := setup(t)
	b := startBrowser(t)
	marker := fmt.Sprintf("shared through the Worker at %d", time.Now().UnixNano())
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(" + strconv.Quote(marker) + ")\n}\n"
	const mine = "package main\n\nfunc main() { println(\"the learner's own edit\") }\n"

	lesson := newTab(t, b, 6*time.Minute)
	act(t, lesson, chromedp.Navigate(f.url+"/lessons/test-clock/"))
	pollJS(t, lesson, playgroundReady, time.Minute)
	setEditor(t, lesson, src)
	act(t, lesson, chromedp.Click(chromedp.CSS("button.share")))
	link := pollJS(t, lesson, `document.querySelector("dialog.copy-dialog[open] input")?.value ?? ""`, time.Minute)
	short := regexp.MustCompile(`^` + regexp.QuoteMeta(f.url) + `/s/([A-Za-z0-9_-]{11})\?lesson=test-clock&program=main\.go$`)
	m := short.FindStringSubmatch(link)
	if m == nil {
		t.Fatalf("the Share dialog offers %q, want a short link %s/s/<id>?lesson=test-clock&program=main.go", link, f.url)
	}
	if note := evalJS[string](t, lesson, `document.querySelector("dialog.copy-dialog[open]").textContent`); strings.Contains(note, "No short link") {
		t.Errorf("the Share dialog says: %s", note)
	}
	id := m[1]
	if want := wantID([]byte(src)); id != want {
		t.Errorf("the link's id is %s, want %s, the id of the edited program", id, want)
	}
	// The Worker holds the edited program, byte for byte.
	if r := get(t, f.url+"/api/share/"+id); r.status != http.StatusOK || string(r.body) != src {
		t.Fatalf("GET /api/share/%s: %d %q, want the edited program", id, r.status, r.body)
	}
	act(t, lesson, chromedp.Click(chromedp.CSS("dialog.copy-dialog .close")))

	// The learner edits the lesson again; the edit is saved in this browser context. They
	// then leave the page (which also ends any build it started ahead of a Run).
	setEditor(t, lesson, mine)
	pollJS(t, lesson, `Object.keys(localStorage).some(k => localStorage.getItem(k) === `+strconv.Quote(mine)+`)`, 30*time.Second)
	act(t, lesson, chromedp.Navigate("about:blank"))

	// Someone else opens the link: a browser context with nothing saved and nothing cached.
	fresh := newTab(t, b, 5*time.Minute, chromedp.WithNewBrowserContext())
	act(t, fresh, chromedp.Navigate(link))
	pollJS(t, fresh, playgroundReady, time.Minute)
	if got := editorText(t, fresh); got != src {
		t.Fatalf("the shared link shows:\n%s\nwant exactly:\n%s", got, src)
	}
	if href := evalJS[string](t, fresh, `document.querySelector(".shared-from:not([hidden]) a")?.href ?? ""`); href != f.url+"/lessons/test-clock/" {
		t.Errorf("the shared page links back to %q, want the lesson", href)
	}
	act(t, fresh, chromedp.Click(chromedp.CSS("button.run")))
	pollJS(t, fresh, exitedJS, coldBuild)
	if out := pageOutput(fresh); !strings.Contains(out, marker) || !strings.Contains(out, "Program exited.") {
		t.Errorf("the shared program's output:\n%s\nwant %q and a clean exit", out, marker)
	}

	// Back in the learner's browser context: the link shows the shared program, and the
	// lesson still shows the learner's own edit.
	act(t, lesson, chromedp.Navigate(link))
	pollJS(t, lesson, playgroundReady, time.Minute)
	if got := editorText(t, lesson); got != src {
		t.Errorf("the shared link, where the learner has edits, shows:\n%s\nwant:\n%s", got, src)
	}
	act(t, lesson, chromedp.Navigate(f.url+"/lessons/test-clock/"))
	pollJS(t, lesson, playgroundReady, time.Minute)
	if got := editorText(t, lesson); got != mine {
		t.Errorf("after the shared link was opened, the lesson shows:\n%s\nwant the learner's own edit:\n%s", got, mine)
	}
}
