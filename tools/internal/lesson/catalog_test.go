package lesson_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"goconcurrency.dev/playground/tools/internal/lesson"
)

// catalogItem is one row of the seed catalog.
type catalogItem struct {
	ID, Kind, What string
}

var catalogRow = regexp.MustCompile(`^\|\s*(A\d-\d+)\s*\|\s*(run|concept)\s*\|\s*(.*?)\s*\|$`)

// readCatalog reads the catalog of seed examples: the project's shared copy when it sits
// beside the repository, which lessons/catalog.md must then match, else that copy.
func readCatalog(t *testing.T) []catalogItem {
	t.Helper()
	local, err := os.ReadFile(filepath.Join(root, "lessons", "catalog.md"))
	if err != nil {
		t.Fatal(err)
	}
	if shared, err := os.ReadFile(filepath.Join(root, "..", "shared", "catalog.md")); err == nil && !bytes.Equal(shared, local) {
		t.Fatalf("lessons/catalog.md differs from ../shared/catalog.md: copy the shared one over")
	}
	var items []catalogItem
	sc := bufio.NewScanner(bytes.NewReader(local))
	for sc.Scan() {
		if m := catalogRow.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			items = append(items, catalogItem{m[1], m[2], m[3]})
		}
	}
	if len(items) == 0 {
		t.Fatal("no catalog rows found")
	}
	return items
}

func TestEveryCatalogItemIsTaught(t *testing.T) {
	items := readCatalog(t)
	course := loadCourse(t)
	taughtBy := map[string][]*lesson.Lesson{}
	for _, l := range course.Lessons() {
		for _, id := range l.Covers {
			taughtBy[id] = append(taughtBy[id], l)
		}
	}
	known := map[string]bool{}
	runs := 0
	for _, it := range items {
		known[it.ID] = true
		ls := taughtBy[it.ID]
		if len(ls) == 0 {
			t.Errorf("%s (%s: %s) is not covered by any lesson", it.ID, it.Kind, it.What)
			continue
		}
		if it.Kind != "run" {
			continue
		}
		runs++
		withProgram := false
		for _, l := range ls {
			withProgram = withProgram || len(l.Programs) > 0
		}
		if !withProgram {
			t.Errorf("%s is a runnable example but no lesson covering it has a program", it.ID)
		}
	}
	for id, ls := range taughtBy {
		if !known[id] {
			t.Errorf("lesson %s covers %s, which is not in the catalog", ls[0].Slug, id)
		}
	}
	t.Logf("%d catalog items, %d runnable, all covered by %d lessons", len(items), runs, len(course.Lessons()))
}

// TestDeadlockLessonsShowTheReport checks that the deadlock examples really deadlock: a
// program of the lesson that covers them ends with the runtime's report and status 2.
func TestDeadlockLessonsShowTheReport(t *testing.T) {
	course := loadCourse(t)
	for _, id := range []string{"A3-24", "A4-11"} {
		found := false
		for _, l := range course.Lessons() {
			for _, p := range l.Programs {
				if strings.Contains(strings.Join(l.Covers, " "), id) &&
					bytes.Contains(p.Expected, []byte("fatal error: all goroutines are asleep - deadlock!")) &&
					bytes.Contains(p.Expected, []byte("[sync.Mutex.Lock]:")) &&
					bytes.HasSuffix(p.Expected, []byte("Program exited: status 2.\n")) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no program of the lesson covering %s shows a mutex deadlock report", id)
		}
	}
}

func TestLessonsAreOrderedAndLinked(t *testing.T) {
	course := loadCourse(t)
	ls := course.Lessons()
	if len(ls) == 0 {
		t.Fatal("no lessons")
	}
	seen := map[string]bool{}
	for i, l := range ls {
		if seen[l.Slug] {
			t.Errorf("lesson %s appears twice", l.Slug)
		}
		seen[l.Slug] = true
		if i > 0 && l.Prev != ls[i-1] {
			t.Errorf("%s: previous lesson is not %s", l.Slug, ls[i-1].Slug)
		}
		if len(l.Programs) > 0 && !bytes.Contains(l.Body, []byte("## Try this")) {
			t.Errorf("%s has programs but no \"Try this\" section", l.Slug)
		}
		if !bytes.Contains(l.Body, []byte("## From Python to Go")) {
			t.Errorf("%s has no \"From Python to Go\" table", l.Slug)
		}
	}
}
