package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestControlsStayUsableAfterABigRun runs the lost-update lesson's hundred program (100
// goroutines: a long output and a tall timeline) at a laptop's, a larger laptop's and a
// phone's window size. Afterwards Run, Stop, Format and Reset are each the element at
// their own centre (nothing covers them), and on the desktop sizes the editor still
// shows at least ten lines.
func TestControlsStayUsableAfterABigRun(t *testing.T) {
	for _, size := range []struct {
		w, h    int
		desktop bool
	}{{1280, 720, true}, {1366, 768, true}, {390, 844, false}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			ctx := open(t, "lost-update")
			do(t, ctx, chromedp.EmulateViewport(int64(size.w), int64(size.h)))
			do(t, ctx, chromedp.Click(chromedp.CSS("#tab-hundred")), chromedp.Click(chromedp.CSS("button.run")))
			waitOutput(t, ctx, "Program exited.")
			waitFor(t, ctx, `!!window.playground.timeline.data`)
			// The hundred goroutines started by wg.Go(func() {...}) are named as the
			// deadlock panel names them, not after the library's wrapper.
			if names := eval[[]string](t, ctx, `[...new Set(window.playground.timeline.data.goroutines.map((g) => g.name))]`); strings.Join(names, ",") != "main,main (a function literal)" {
				t.Errorf("timeline rows are named %v", names)
			}
			for _, action := range []string{"run", "stop", "format", "reset"} {
				// On a phone the program comes after the prose: bring the buttons into view,
				// as a learner scrolls to them.
				covered := eval[string](t, ctx, fmt.Sprintf(`(() => {
					const b = document.querySelector("[data-action=%s]");
					b.scrollIntoView({block: "nearest"});
					const r = b.getBoundingClientRect();
					if (r.width === 0 || r.height === 0) return "not shown";
					const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					return at === b || b.contains(at) ? "" : (at ? at.tagName + "." + at.className : "nothing");
				})()`, action))
				if covered != "" {
					t.Errorf("%s: at its centre is %s, not the button", action, covered)
				}
			}
			if !size.desktop {
				return
			}
			lines := eval[int](t, ctx, `(() => {
				const panel = [...document.querySelectorAll("[role=tabpanel]")].find((p) => !p.hidden);
				const box = panel.querySelector(".cm-scroller").getBoundingClientRect();
				const view = { top: Math.max(box.top, 0), bottom: Math.min(box.bottom, innerHeight) };
				return [...panel.querySelectorAll(".cm-line")].filter((l) => {
					const r = l.getBoundingClientRect();
					return r.height > 0 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
				}).length;
			})()`)
			if lines < 10 {
				t.Errorf("the editor shows %d whole lines, want at least 10", lines)
			}
		})
	}
}

// TestPhoneJumpsBetweenLessonAndProgram: on a phone the program comes after the whole
// lesson; the bar at the top takes the learner to the program and back, and what it
// brings into view is not hidden under it.
func TestPhoneJumpsBetweenLessonAndProgram(t *testing.T) {
	ctx := open(t, "dining-deadlock")
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	if !eval[bool](t, ctx, `getComputedStyle(document.querySelector(".jump")).display !== "none"`) {
		t.Fatal("no Lesson/Program bar on a phone")
	}
	const visible = `((el) => {
		const r = el.getBoundingClientRect();
		const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height, 40) / 2);
		return r.top >= 0 && r.top < innerHeight && (at === el || el.contains(at));
	})`
	do(t, ctx, chromedp.Click(chromedp.CSS(`.jump a[href="#program"]`)))
	waitFor(t, ctx, visible+`(document.querySelector("button.run"))`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`.jump a[href="#lesson-text"]`)))
	waitFor(t, ctx, visible+`(document.querySelector(".prose h1"))`)
	// On a desktop both show side by side, and there is no bar.
	do(t, ctx, chromedp.EmulateViewport(1280, 720))
	if eval[bool](t, ctx, `getComputedStyle(document.querySelector(".jump")).display !== "none"`) {
		t.Error("the Lesson/Program bar shows on a desktop")
	}
}
