package site_test

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"
)

// TestChineseEdition opens the Chinese edition's table of contents, follows a lesson,
// runs its program, and switches to English and back: the page declares its language
// and its twin, and an edit made in one edition is the one the other shows. Then it runs
// a lesson that deadlocks: what the page scripts write (the status line, the deadlock
// panel, the editor's marks, the timeline) is in Chinese too, and the runtime's own
// report stays as Go wrote it.
func TestChineseEdition(t *testing.T) {
	f, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	ctx := openFor(t, "serial-vs-concurrent", 90*time.Second)
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
	if !chinese(heading) {
		t.Errorf("the Chinese lesson's title is %q", heading)
	}
	links := eval[string](t, ctx, `[...document.querySelectorAll("link[rel=alternate][hreflang]")].map(l => l.hreflang + " " + new URL(l.href).pathname).join(", ")`)
	if links != "en /lessons/serial-vs-concurrent/, zh-CN /zh/lessons/serial-vs-concurrent/" {
		t.Errorf("hreflang alternates: %s", links)
	}
	if got := eval[string](t, ctx, `document.querySelector("button.run").textContent`); got != "运行" {
		t.Errorf("the Run button reads %q", got)
	}
	// The program runs as in English, and the page says so in Chinese.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "程序已退出。")
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

	// A deadlock, diagnosed in Chinese.
	do(t, ctx, chromedp.Navigate(f.url+"/zh/lessons/dining-deadlock/"), chromedp.WaitVisible(chromedp.CSS("button.run")))
	if got := eval[string](t, ctx, `document.querySelector(".output").dataset.empty`); !chinese(got) {
		t.Errorf("the empty output panel says %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "程序已退出，状态码 2。")
	// The prediction is answered by what the run printed: here the runtime's report, on
	// standard error.
	if got := eval[string](t, ctx, `document.querySelector(".predict .verdict").textContent`); !strings.HasPrefix(got, "运行结果：") {
		t.Errorf("the prediction's verdict reads %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".status").textContent`); !chinese(got) || strings.Contains(got, "Program") {
		t.Errorf("the status line reads %q", got)
	}
	title := eval[string](t, ctx, `document.querySelector(".diagnosis h3").textContent`)
	if !chinese(title) || strings.Contains(title, "every goroutine is waiting") {
		t.Errorf("the deadlock panel's title is %q", title)
	}
	sentences := eval[[]string](t, ctx, `[...document.querySelectorAll(".diagnosis > ul > li")].map(li => li.textContent)`)
	if len(sentences) != 6 {
		t.Errorf("the deadlock panel has %d sentences, want 6: %q", len(sentences), sentences)
	}
	for _, s := range sentences {
		if !chinese(s) || strings.Contains(s, " wants ") || strings.Contains(s, " waits in ") || strings.Contains(s, "held by") || strings.Contains(s, "A cycle") {
			t.Errorf("a sentence of the deadlock panel is not Chinese: %q", s)
		}
	}
	if want := "循环等待：goroutine 10 持有 noodles，又在等 fork；goroutine 11 持有 fork，又在等 noodles。它们谁都无法继续执行。"; len(sentences) > 0 && sentences[0] != want {
		t.Errorf("the cycle reads %q, want %q", sentences[0], want)
	}
	// The runtime's report is Go's, word for word, under a Chinese heading.
	report := eval[[]string](t, ctx, `(() => { const d = document.querySelector(".diagnosis details"); return [d.querySelector("summary").textContent, d.textContent]; })()`)
	if !chinese(report[0]) || !strings.Contains(report[1], "fatal error: all goroutines are asleep - deadlock!") {
		t.Errorf("the folded report: %q", report)
	}
	marks := eval[[]string](t, ctx, `window.playground.editors[0].diagnostics().map(d => d.message)`)
	for _, m := range marks {
		if !chinese(m) {
			t.Errorf("an editor mark says %q", m)
		}
	}
	if len(marks) == 0 {
		t.Error("the editor marks no line")
	}
	// The timeline's legend and its summary for screen readers.
	waitFor(t, ctx, `document.querySelector(".timeline-legend")?.textContent.includes("互斥锁") ?? false`)
	if got := eval[string](t, ctx, `document.querySelector(".timeline figcaption").textContent`); !chinese(got) || strings.Contains(got, "Still waiting") {
		t.Errorf("the timeline's summary reads %q", got)
	}
}

// chinese reports whether s has Chinese characters in it.
func chinese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}
