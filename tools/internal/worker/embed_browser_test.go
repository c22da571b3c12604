package worker_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSharedProgramEmbedsOnAnotherOrigin puts the html of the Worker's oEmbed document for
// a short link into a page of another origin (a second loopback port), as a site that
// consumes oEmbed would. Its iframe is the snippet embed page, which reads the program
// from the share API and runs it with the in-browser toolchain.
func TestSharedProgramEmbedsOnAnotherOrigin(t *testing.T) {
	f := setup(t)
	marker := fmt.Sprintf("embedded from a short link at %d", time.Now().UnixNano())
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(" + strconv.Quote(marker) + ")\n}\n"
	id := share(t, f.url, []byte(src))

	r := get(t, f.url+"/oembed?"+url.Values{"url": {f.url + "/s/" + id}}.Encode())
	if r.status != http.StatusOK {
		t.Fatalf("oEmbed of /s/%s: %d %s", id, r.status, r.body)
	}
	var doc struct{ Type, HTML string }
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatalf("oEmbed of /s/%s: %v in %s", id, err, r.body)
	}
	embed := f.url + "/embed/snippet/?share=" + id
	if doc.Type != "rich" || !strings.HasPrefix(doc.HTML, `<iframe src="`+embed+`"`) {
		t.Fatalf("oEmbed of /s/%s: type %q, html %s; want an iframe of %s", id, doc.Type, doc.HTML, embed)
	}

	course := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course</title></head><body><h1>A course page</h1>`+doc.HTML+`</body></html>`)
	}))
	t.Cleanup(course.Close)
	if strings.HasPrefix(course.URL, f.url) {
		t.Fatalf("the course page %s is on the Worker's origin %s", course.URL, f.url)
	}
	ctx := newTab(t, startBrowser(t), 5*time.Minute)
	act(t, ctx, chromedp.Navigate(course.URL+"/course.html"))
	frame := findFrame(t, ctx, embed)
	frameWait(t, ctx, frame, `!!document.querySelector(".cm-content") && !document.querySelector("button.run").disabled`, time.Minute)
	if code := frameEval[string](t, ctx, frame, `document.querySelector(".cm-content").innerText`); !strings.Contains(code, marker) {
		t.Fatalf("the embed shows:\n%s\nwant the shared program", code)
	}
	frameEval[bool](t, ctx, frame, `document.querySelector("button.run").click(), true`)
	frameWait(t, ctx, frame, exitedJS, coldBuild)
	if out := frameEval[string](t, ctx, frame, outputJS); !strings.Contains(out, marker) || !strings.Contains(out, "Program exited.") {
		t.Errorf("the embedded program's output:\n%s\nwant %q and a clean exit", out, marker)
	}
}
