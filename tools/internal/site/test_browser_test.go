package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// setFile replaces the text of one file of the current program, as typing would.
func setFile(t *testing.T, ctx context.Context, name, src string) {
	t.Helper()
	if !eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const p = window.playground;
		const f = p.sets[p.current()].files.find(f => f.name === %q);
		if (!f) return false;
		f.editor.setText(%s);
		return true;
	})()`, name, strconv.Quote(src))) {
		t.Fatalf("the program has no file %s", name)
	}
}

const testedProgram = `package main

import "fmt"

func add(a, b int) int { return a + b }

func main() { fmt.Println(add(1, 2)) }
`

const programTests = `package main

import "testing"

func TestAddSmall(t *testing.T) {
	if got := add(1, 2); got != 3 {
		t.Errorf("add(1, 2) = %d, want 3", got)
	}
}

func TestAddWrongWant(t *testing.T) {
	if got := add(2, 2); got != 5 {
		t.Errorf("add(2, 2) = %d, want 5", got)
	}
}
`

// TestTestButtonRunsGoTest adds a _test.go file to an edited program through the file
// bar, presses Test, and reads each test's verdict; the failing test's line is marked in
// the test file, a test's name reruns it alone, and the files survive a reload.
func TestTestButtonRunsGoTest(t *testing.T) {
	ctx := openFor(t, "serial-vs-concurrent", 4*time.Minute)
	if eval[bool](t, ctx, `!document.querySelector("button.test").hidden`) {
		t.Error("the Test button shows for a program without tests")
	}
	setSource(t, ctx, testedProgram)
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#panel-serial .file-action[data-file-action=add]`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel-serial .file-name input`)),
		chromedp.SendKeys(chromedp.CSS(`#panel-serial .file-name input`), "main_test\n"),
		chromedp.WaitVisible(chromedp.CSS(`#panel-serial .file-editor[data-file="main_test.go"]`)),
		chromedp.WaitVisible(chromedp.CSS(`button.test`)),
	)
	setFile(t, ctx, "main_test.go", programTests)
	do(t, ctx, chromedp.Click(chromedp.CSS("button.test")))
	waitOutput(t, ctx, "FAIL: 1 passed, 1 failed")
	results := eval[string](t, ctx, `[...document.querySelectorAll(".test-results li")].map(li => li.textContent).join("\n")`)
	for _, want := range []string{"PASS TestAddSmall", "FAIL TestAddWrongWant", "main_test.go:13: add(2, 2) = 4, want 5"} {
		if !strings.Contains(results, want) {
			t.Errorf("test results lack %q:\n%s", want, results)
		}
	}
	if got := outputText(t, ctx); !strings.Contains(got, "=== RUN   TestAddSmall") || strings.Contains(got, "\x16") {
		t.Errorf("the output is not go test -v's, without its framing bytes:\n%q", got)
	}
	// The failing line is marked in the test file, which is shown.
	marked := waitFor(t, ctx, `(() => { const r = document.querySelector('.file-editor[data-file="main_test.go"]:not([hidden]) .cm-lintRange-error'); return r ? r.textContent : ""; })()`)
	if !strings.Contains(marked, `t.Errorf("add(2, 2) = %d, want 5", got)`) {
		t.Errorf("marked %q, want the t.Errorf line", marked)
	}
	// A test's name reruns it alone.
	do(t, ctx, chromedp.Click(chromedp.CSS(`.test-results button.name`)))
	waitOutput(t, ctx, "PASS: 1 passed")
	if n := eval[int](t, ctx, `document.querySelectorAll(".test-results li").length`); n != 1 {
		t.Errorf("rerunning one test lists %d tests", n)
	}
	// The program keeps its files across a reload.
	waitFor(t, ctx, `localStorage.getItem("playground:edit:serial-vs-concurrent/serial.go:files") !== null`)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`#panel-serial .files button.file[data-index="1"]`)))
	if got := eval[string](t, ctx, `document.querySelector('#panel-serial .files button.file[data-index="1"]').textContent`); got != "main_test.go" {
		t.Errorf("after a reload the second file is %q", got)
	}
	if !eval[bool](t, ctx, `!document.querySelector("button.test").hidden`) {
		t.Error("after a reload the program has no Test button")
	}
}

// TestDeadlockingTestIsDiagnosed: a test that deadlocks is reported as a deadlock, with
// the diagnosis a program's run gets, not as a hang.
func TestDeadlockingTestIsDiagnosed(t *testing.T) {
	ctx := openFor(t, "serial-vs-concurrent", 4*time.Minute)
	setSource(t, ctx, "package main\n\nimport \"sync\"\n\nvar mu sync.Mutex\n\nfunc twice() {\n\tmu.Lock()\n\tmu.Lock()\n}\n\nfunc main() {}\n")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#panel-serial .file-action[data-file-action=add]`)),
		chromedp.SendKeys(chromedp.CSS(`#panel-serial .file-name input`), "lock_test.go\n"),
		chromedp.WaitVisible(chromedp.CSS(`#panel-serial .file-editor[data-file="lock_test.go"]`)),
	)
	setFile(t, ctx, "lock_test.go", "package main\n\nimport \"testing\"\n\nfunc TestTwice(t *testing.T) { twice() }\n")
	do(t, ctx, chromedp.Click(chromedp.CSS("button.test")))
	waitOutput(t, ctx, "FAIL: a test deadlocked")
	if got := eval[string](t, ctx, `document.querySelector(".diagnosis")?.textContent ?? ""`); !strings.Contains(got, "Deadlock") || !strings.Contains(got, "mu") {
		t.Errorf("no deadlock diagnosis naming mu:\n%s", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".test-results li")?.textContent ?? ""`); !strings.HasPrefix(got, "DEADLOCK TestTwice") {
		t.Errorf("the test's verdict is %q", got)
	}
}

// TestExerciseIsCheckedAndMarkedDone: Check runs an exercise's tests; the starter fails,
// the reference solution passes, and passing marks the lesson done in the table of
// contents after a reload.
func TestExerciseIsCheckedAndMarkedDone(t *testing.T) {
	const slug, id = "lost-update", "exact-count"
	solution, err := os.ReadFile(filepath.Join(root, "lessons", slug, "exercises", id, "solution", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := openFor(t, slug, 4*time.Minute)
	section := `#exercise-` + id
	if !eval[bool](t, ctx, `document.querySelector("`+section+` [data-action=solution]").disabled`) {
		t.Error("the solution can be shown before a first attempt")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(section+` [data-action=check]`)))
	waitFor(t, ctx, `document.querySelector("`+section+` .exercise-verdict").textContent.startsWith("Not yet")`)
	if !eval[bool](t, ctx, `document.querySelector('.file-editor[data-file="main_test.go"] .cm-content').getAttribute("aria-readonly") === "true"`) {
		t.Error("the exercise's tests can be edited")
	}
	if eval[bool](t, ctx, `document.querySelector("`+section+` [data-action=solution]").disabled`) {
		t.Error("the solution cannot be shown after an attempt")
	}
	setFile(t, ctx, "main.go", string(solution))
	do(t, ctx, chromedp.Click(chromedp.CSS(section+` [data-action=check]`)))
	verdict := waitFor(t, ctx, `(() => { const v = document.querySelector("`+section+` .exercise-verdict").textContent; return v.startsWith("Passed") ? v : ""; })()`)
	t.Logf("verdict: %s", verdict)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(section)))
	if got := eval[string](t, ctx, `document.querySelector("`+section+` .exercise-verdict").textContent`); got != "Solved before in this browser." {
		t.Errorf("after a reload the exercise says %q", got)
	}
	do(t, ctx, chromedp.Navigate(eval[string](t, ctx, `new URL("../../", location.href).href`)))
	waitFor(t, ctx, `document.querySelector('.toc li[data-lesson="`+slug+`"].done .done-mark') ? "yes" : ""`)
	if n := eval[int](t, ctx, `document.querySelectorAll(".toc li.done").length`); n != 1 {
		t.Errorf("%d lessons are marked done, want 1", n)
	}
}
