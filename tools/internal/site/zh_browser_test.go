package site_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestChineseEdition opens the Chinese edition's table of contents, follows a lesson,
// runs its program, and switches to English and back: the page declares its language
// and its twin, and an edit made in one edition is the one the other shows.
func TestChineseEdition(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	ctx := open(t, "serial-vs-concurrent")
	// A first visit that comes by a link to the Chinese edition stays there, whatever
	// the browser's languages.
	eval[bool](t, ctx, `localStorage.clear() === undefined`)
	do(t, ctx, chromedp.Navigate(f.url+"/zh/"), chromedp.WaitVisible(chromedp.CSS(".toc")))
	if got := eval[string](t, ctx, `location.pathname + " " + localStorage.getItem("playground:lang")`); got != "/zh/ zh" {
		t.Errorf("a first visit to /zh/ ends at %s", got)
	}
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "zh-CN" {
		t.Errorf("the Chinese home page says lang=%q", lang)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.toc li[data-lesson="serial-vs-concurrent"] a`)), chromedp.WaitVisible(chromedp.CSS("button.run")))
	if got := eval[string](t, ctx, `location.pathname`); got != "/zh/lessons/serial-vs-concurrent/" {
		t.Fatalf("the table of contents led to %s", got)
	}
	heading := eval[string](t, ctx, `document.querySelector("h1").textContent`)
	if !strings.ContainsFunc(heading, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		t.Errorf("the Chinese lesson's title is %q", heading)
	}
	links := eval[string](t, ctx, `[...document.querySelectorAll("link[rel=alternate][hreflang]")].map(l => l.hreflang + " " + new URL(l.href).pathname).join(", ")`)
	if links != "en /lessons/serial-vs-concurrent/, zh-CN /zh/lessons/serial-vs-concurrent/" {
		t.Errorf("hreflang alternates: %s", links)
	}
	if got := eval[string](t, ctx, `document.querySelector("button.run").textContent`); got != "运行" {
		t.Errorf("the Run button reads %q", got)
	}
	// The program runs as in English.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited")
	// An edit made here is the edit the English page shows, and back.
	setSource(t, ctx, "package main\n\nfunc main() { println(\"edited in Chinese\") }\n")
	waitFor(t, ctx, `localStorage.getItem("playground:edit:serial-vs-concurrent/serial.go") !== null`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`.site-header a.language[data-lang="en"]`)), chromedp.WaitVisible(chromedp.CSS("button.run")))
	if got := eval[string](t, ctx, `location.pathname + " " + document.documentElement.lang`); got != "/lessons/serial-vs-concurrent/ en" {
		t.Errorf("the switch led to %s", got)
	}
	if got := editorText(t, ctx); !strings.Contains(got, "edited in Chinese") {
		t.Errorf("the English page does not show the edit:\n%s", got)
	}
	setSource(t, ctx, "package main\n\nfunc main() { println(\"edited in English\") }\n")
	waitFor(t, ctx, `(localStorage.getItem("playground:edit:serial-vs-concurrent/serial.go") ?? "").includes("in English")`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`.site-header a.language[data-lang="zh"]`)), chromedp.WaitVisible(chromedp.CSS("button.run")))
	if got := editorText(t, ctx); !strings.Contains(got, "edited in English") {
		t.Errorf("the Chinese page does not show the English edit:\n%s", got)
	}
	// The choice stands: the English page no longer sends a Chinese reader back.
	if got := eval[string](t, ctx, `localStorage.getItem("playground:lang")`); got != "zh" {
		t.Errorf("the saved edition is %q", got)
	}
}
