package site_test

import (
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
)

// shownSpan is a span of the timeline the page shows, with its row.
type shownSpan struct {
	Row    string  `json:"row"`
	Start  float64 `json:"start"`
	End    float64 `json:"end"`
	Reason string  `json:"reason"`
	Line   int     `json:"line"`
}

// sleepBars waits for the page's timeline and returns its sleep spans outside main.
func sleepBars(t *testing.T, ctx context.Context) []shownSpan {
	t.Helper()
	waitFor(t, ctx, `!!window.playground.timeline.data`)
	raw := eval[string](t, ctx, `JSON.stringify(window.playground.timeline.data.goroutines.filter(g => g.name !== "main")
		.flatMap(g => g.spans.filter(s => s.reason === "sleep").map(s => ({row: "G" + g.id + " " + g.name, ...s}))))`)
	var spans []shownSpan
	if err := json.Unmarshal([]byte(raw), &spans); err != nil {
		t.Fatal(err)
	}
	return spans
}

// TestTimelineShowsOverlappingSleeps runs A3-7's two programs in the page: the
// concurrent one's three sleep bars overlap, the serial one's follow each other; the
// figure is drawn on a canvas, labelled, with a row per goroutine and the output placed
// on its time axis.
func TestTimelineShowsOverlappingSleeps(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-concurrent")), chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited.")
	bars := sleepBars(t, ctx)
	if len(bars) != 3 {
		t.Fatalf("concurrent: want 3 sleep bars, got %+v", bars)
	}
	for i, a := range bars {
		for _, b := range bars[i+1:] {
			if !(a.Start < b.End && b.Start < a.End) {
				t.Errorf("concurrent: %+v and %+v do not overlap", a, b)
			}
		}
	}
	if !eval[bool](t, ctx, `(() => {
		const fig = document.querySelector("figure[aria-label=Timeline]");
		const canvas = fig && fig.querySelector("canvas");
		return !!canvas && canvas.width > 0 && canvas.height > 0 && fig.getBoundingClientRect().height > 40;
	})()`) {
		t.Error("no drawn figure labelled Timeline")
	}
	if rows := eval[int](t, ctx, `window.playground.timeline.data.goroutines.length`); rows != 4 {
		t.Errorf("want 4 rows (main and three jobs), got %d", rows)
	}
	// Each job's row is painted with its sleep bar across nearly the whole run: count the
	// coloured pixels (the bars; the background and labels are greys) along its middle.
	painted := eval[[]float64](t, ctx, `(() => {
		const view = window.playground.timeline;
		const canvas = document.querySelector("figure[aria-label=Timeline] canvas");
		const dpr = canvas.width / canvas.getBoundingClientRect().width;
		const x0 = Math.ceil(view.plotLeft * dpr), x1 = canvas.width - Math.ceil(12 * dpr);
		const ctx = canvas.getContext("2d");
		return view.data.goroutines.map((g, i) => {
			if (g.name === "main") return -1;
			const px = ctx.getImageData(x0, Math.round(view.rowMiddle(i) * dpr), x1 - x0, 1).data;
			let coloured = 0;
			for (let p = 0; p < px.length; p += 4) {
				if (Math.max(px[p], px[p + 1], px[p + 2]) - Math.min(px[p], px[p + 1], px[p + 2]) > 40) coloured++;
			}
			return coloured / (px.length / 4);
		}).filter((f) => f >= 0);
	})()`)
	if len(painted) != 3 {
		t.Errorf("want 3 job rows drawn, got %v", painted)
	}
	for i, f := range painted {
		if f < 0.8 {
			t.Errorf("job row %d: %.0f%% of the plot is painted along its middle, want a sleep bar across at least 80%%", i, f*100)
		}
	}

	do(t, ctx, chromedp.Click(chromedp.CSS("#tab-serial")), chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "one at a time: 9s")
	waitFor(t, ctx, `!!window.playground.timeline.data && window.playground.timeline.data.end > 8000`)
	bars = sleepBars(t, ctx)
	if len(bars) != 3 {
		t.Fatalf("serial: want 3 sleep bars, got %+v", bars)
	}
	for i, s := range bars {
		if math.Abs(s.Start-float64(3000*i)) > 1 || math.Abs(s.End-float64(3000*(i+1))) > 1 {
			t.Errorf("serial: bar %d is %+v, want %d–%dms", i, s, 3000*i, 3000*(i+1))
		}
	}
}

// TestDeadlockedRunShowsItsTimeline: A3-24's run ends in a deadlock, and its timeline
// runs up to it, with the diners blocked on mutexes at the diagnosed lines.
func TestDeadlockedRunShowsItsTimeline(t *testing.T) {
	ctx := open(t, "dining-deadlock")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited: status 2.")
	waitFor(t, ctx, `!!window.playground.timeline.data`)
	blocked := eval[[]int](t, ctx, `window.playground.timeline.data.goroutines.filter(g => g.name !== "main")
		.map(g => g.spans[g.spans.length - 1]).filter(s => s.state === "blocked" && s.reason === "mutex").map(s => s.line).sort((a, b) => a - b)`)
	if len(blocked) != 4 || blocked[0] != 15 || blocked[1] != 18 || blocked[2] != 26 || blocked[3] != 29 {
		t.Errorf("the diners' last spans block on mutexes at lines %v, want 15, 18, 26, 29", blocked)
	}
	if !eval[bool](t, ctx, `!document.querySelector(".timeline-tools").hidden && document.querySelector(".timeline-tools a").href.startsWith("blob:")`) {
		t.Error("no trace download link")
	}
}

// TestStoppedRunSaysWhyThereIsNoTimeline: stopping an endless loop leaves a note in place
// of the timeline.
func TestStoppedRunSaysWhyThereIsNoTimeline(t *testing.T) {
	ctx := open(t, "test-endless")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitFor(t, ctx, `!document.querySelector("button.stop").disabled`)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.stop")))
	waitFor(t, ctx, `document.querySelector(".timeline-host").textContent.includes("No timeline: the program was stopped")`)
}

// TestTenThousandGoroutinesDrawOnlyWhatShows: a timeline of 10,000 goroutines costs the
// page only the rows in view. Drawing it writes the labels of the visible rows, not of
// every row, and scrolling to the bottom draws the last rows.
func TestTenThousandGoroutinesDrawOnlyWhatShows(t *testing.T) {
	ctx := open(t, "serial-vs-concurrent")
	got := eval[string](t, ctx, `(() => {
		const goroutines = [];
		for (let g = 0; g < 10000; g++) {
			const t = g * 0.01;
			goroutines.push({ id: g + 1, name: g ? "worker" : "main", func: "main.worker", spans: [
				{ start: t, end: t + 0.5, state: "running" },
				{ start: t + 0.5, end: t + 5, state: "blocked", reason: "mutex", wait: "sync.Mutex.Lock", line: 12 },
			] });
		}
		const tl = window.playground.timeline;
		const proto = CanvasRenderingContext2D.prototype;
		const counts = { fillText: 0, measureText: 0 };
		for (const name of Object.keys(counts)) {
			const real = proto[name];
			proto[name] = function (...args) { counts[name]++; return real.apply(this, args); };
		}
		tl.show({ end: 105, spans: 20000, goroutines }, []);
		const first = { ...counts };
		counts.fillText = counts.measureText = 0;
		tl.scroller.scrollTop = tl.scroller.scrollHeight;
		tl.draw();
		const last = tl.canvas.getAttribute("aria-label") && tl.geometry().last;
		return JSON.stringify({ first, scrolled: counts, last });
	})()`)
	var r struct {
		First    struct{ FillText, MeasureText int } `json:"first"`
		Scrolled struct{ FillText, MeasureText int } `json:"scrolled"`
		Last     int                                 `json:"last"`
	}
	if err := json.Unmarshal([]byte(got), &r); err != nil {
		t.Fatal(err)
	}
	// About 16 rows show: each writes its id and name; the axis and the lane add a few.
	for name, c := range map[string]struct{ FillText, MeasureText int }{"first draw": r.First, "after scrolling": r.Scrolled} {
		if c.FillText > 200 || c.MeasureText > 300 {
			t.Errorf("%s: %d fillText and %d measureText calls for 10,000 rows: it draws rows that do not show", name, c.FillText, c.MeasureText)
		}
	}
	if r.Last != 9999 {
		t.Errorf("scrolled to the bottom, the last row drawn is %d, want 9999", r.Last)
	}
}
