package site_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRunIsReadyTheFrameAfterStop: Stop swaps in the spare runner worker, which has
// loaded and compiled the program already, so by the next animation frame Run is
// enabled and the runner can start it at once; the next spare follows.
func TestRunIsReadyTheFrameAfterStop(t *testing.T) {
	ctx := open(t, "test-endless")
	for round := range 2 {
		do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
		waitOutput(t, ctx, "spinning")
		// The runner keeps a spare worker, which has loaded and compiled the program.
		spare := waitFor(t, ctx, `window.playground.runner.spareWarm ?? "the runner keeps no spare worker"`)
		if spare != "true" {
			t.Fatal(spare)
		}
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new Promise((resolve) => {
			document.querySelector("button.stop").click();
			requestAnimationFrame(() => {
				if (document.querySelector("button.run").disabled) resolve("Run is disabled");
				else if (!window.playground.runner.warm) resolve("the runner is not ready");
				else resolve("ready");
			});
		})`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if state != "ready" {
			t.Fatalf("round %d: at the first frame after Stop, %s", round, state)
		}
		waitOutput(t, ctx, "Program stopped.")
	}
	// The worker swapped in runs the next program.
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "spinning")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.stop")))
	waitOutput(t, ctx, "Program stopped.")
}

// TestFloodKeepsThePanelSmall: a program printing without end is cut off at 10,000
// lines; the panel holds only the last of them (at most 2,000), says how many it leaves
// out, and keeps them all for Copy.
func TestFloodKeepsThePanelSmall(t *testing.T) {
	ctx := open(t, "test-flood")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Output truncated")
	// The last rows are drawn a frame at a time.
	waitFor(t, ctx, `(() => { const rows = document.querySelectorAll("[role=log] .line.stdout"); return rows.length > 0 && rows[rows.length - 1].textContent.endsWith("line 9999"); })()`)
	rows := eval[int](t, ctx, `document.querySelectorAll("[role=log] .line.stdout").length`)
	if rows > 2000 {
		t.Errorf("the panel holds %d lines of output, want at most the last 2,000", rows)
	}
	note := eval[string](t, ctx, `document.querySelector("[role=log] .hidden-rows")?.textContent ?? ""`)
	if want := fmt.Sprintf("%d earlier lines", 10000-rows); !strings.Contains(strings.ReplaceAll(note, ",", ""), want) {
		t.Errorf("the note above the rows says %q, want it to say %s", note, want)
	}
	transcript := eval[string](t, ctx, `window.playground.view.transcript()`)
	lines := strings.Split(transcript, "\n")
	if len(lines) < 10000 || lines[0] != "line 0" || lines[9999] != "line 9999" {
		t.Errorf("the transcript has %d lines, from %q; want every line from line 0 to line 9999", len(lines), lines[0])
	}
}

// TestStandardPackagesBuildInTheBrowser: a program using flag, text/template and
// testing (testing.Benchmark) is built in the page and runs as Go runs it.
func TestStandardPackagesBuildInTheBrowser(t *testing.T) {
	ctx := openFor(t, "serial-vs-concurrent", 3*time.Minute)
	setSource(t, ctx, stdlibProgram)
	// The last line is typed for real, at the end of the program: the keys reach CodeMirror.
	do(t, ctx, chromedp.Click(chromedp.CSS("#panel-serial .cm-content")),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent("// typed by the learner"))
	if got := editorText(t, ctx); !strings.HasSuffix(got, "}\n// typed by the learner") {
		t.Fatalf("the editor holds:\n%s", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
	waitOutput(t, ctx, "Program exited")
	got := outputText(t, ctx)
	for _, want := range []string{"hello, Ada!", "hello, Grace!", "benchmark: 100 iterations", "Program exited."} {
		if !strings.Contains(got, want) {
			t.Errorf("output does not have %q:\n%s", want, got)
		}
	}
	// The progress bar counted the bytes sent, compressed: less than the compiler and
	// linker alone take decompressed.
	loaded := eval[string](t, ctx, `document.querySelector(".toolchain-progress .label").textContent`)
	var mb float64
	if i := strings.LastIndex(loaded, " of "); i < 0 {
		t.Errorf("progress label %q", loaded)
	} else if _, err := fmt.Sscanf(loaded[i+len(" of "):], "%f", &mb); err != nil {
		t.Errorf("progress label %q: %v", loaded, err)
	}
	tools, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`fetch("/toolchain/manifest.json").then((r) => r.json()).then((m) => (m.compile.size + m.link.size) / 1e6)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if mb <= 0 || mb >= tools {
		t.Errorf("the progress bar counted %.1f MB; the compiler and linker alone decode to %.1f MB", mb, tools)
	}
}

// stdlibProgram parses flags, fills a template and runs a benchmark of a fixed count.
const stdlibProgram = `package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"text/template"
)

var greeting = template.Must(template.New("greeting").Parse("{{range .}}hello, {{.}}!\n{{end}}"))

func main() {
	testing.Init() // the test.* flags, which testing.Benchmark reads
	names := flag.String("names", "", "who to greet, comma-separated")
	flag.CommandLine.Parse([]string{"-names", "Ada,Grace", "-test.benchtime", "100x"})
	if err := greeting.Execute(os.Stdout, strings.Split(*names, ",")); err != nil {
		panic(err)
	}
	r := testing.Benchmark(func(b *testing.B) {
		for range b.N {
			_ = strings.Repeat("go", 8)
		}
	})
	fmt.Printf("benchmark: %d iterations\n", r.N)
}
`

// TestRunAfterPauseRunsWhatTheEditorHolds pauses after an edit: the page builds the
// program and has the runner compile it ahead, and Run runs it. An edit Run at once after
// that runs the new program, not the one compiled ahead.
func TestRunAfterPauseRunsWhatTheEditorHolds(t *testing.T) {
	ctx := openFor(t, "serial-vs-concurrent", 3*time.Minute)
	program := func(says string) string {
		return fmt.Sprintf("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(%q)\n}\n", says)
	}
	runSays := func(want, not string) {
		t.Helper()
		do(t, ctx, chromedp.Click(chromedp.CSS("button.run")))
		waitOutput(t, ctx, "Program exited")
		if got := outputText(t, ctx); !strings.Contains(got, want) || (not != "" && strings.Contains(got, not)) {
			t.Fatalf("Run of the program that says %q shows:\n%s", want, got)
		}
	}
	setSource(t, ctx, program("the toolchain loaded"))
	runSays("the toolchain loaded", "")
	waitFor(t, ctx, `window.playground.builder.warmedUp`)

	setSource(t, ctx, program("built during the pause"))
	waitFor(t, ctx, `window.playground.runner.preparedBuilds === 1 && window.playground.runner.current.preparing === 0`)
	runSays("built during the pause", "")

	setSource(t, ctx, program("edited after the pause"))
	runSays("edited after the pause", "built during the pause")
}
